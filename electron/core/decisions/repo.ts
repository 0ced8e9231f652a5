import { z } from 'zod';
import {
  Consent as ConsentSchema,
  EscalationOutcome,
  type Consent,
  type Decision,
  type Escalation,
  type EscalationListItem,
} from '../../../shared/contract/decisions';
import { pseudonym } from '../../../shared/domain/dossier';
import {
  ConsentValue,
  DecisionDirection,
  DecisionState,
  evaluateDecision,
  Presence,
  type DecisionDirection as Direction,
} from '../../../shared/domain/consent';
import { OrganisationKind } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { participants } from '../positions/item';
import { getSetting } from '../settings/settings';

export { DEFAULT_ESCALATION_BODY } from '../settings/settings';

/** The body a city escalates stuck dossiers to by default (meta `escalation_body`). */
export const escalationBody = (db: Db): string => getSetting(db, 'escalation_body');

/** Every body the city puts dossiers to: the default first, then the configured list. */
export function escalationBodies(db: Db): string[] {
  return [...new Set([escalationBody(db), ...getSetting(db, 'escalation_bodies')])];
}

export interface DecisionRow {
  id: number;
  number: string;
  dossier_id: number;
  agenda_item_id: number | null;
  meeting_id: number | null;
  text: string;
  direction: string;
  review_date: string | null;
  state: string;
  locked: number;
  decided_at: string | null;
  version: number;
  settled_evaluation: string | null;
}

/**
 * What was true when the chair settled (issue 11): who took part, with which presence, and every
 * consent as recorded then. A settled decision is evaluated over this, never over the attendance as
 * it is later, so marking a party absent or present afterwards cannot change the record.
 */
export const FrozenEvaluation = z.object({
  participants: z.array(z.object({ organisationId: z.number().int(), presence: Presence })),
  consents: z.array(ConsentSchema),
  /** The required kinds for its direction then (decisions settled before issue 11 had none). */
  required: z.array(OrganisationKind).default([]),
});
export type FrozenEvaluation = z.infer<typeof FrozenEvaluation>;

/** The table as it is now for this decision: its meeting's participants and the recorded consents. */
export function currentTable(db: Db, row: DecisionRow): FrozenEvaluation {
  return {
    participants:
      row.meeting_id === null
        ? []
        : participants(db, row.meeting_id).map((p) => ({
            organisationId: p.organisationId,
            presence: p.presence,
          })),
    consents: consentsOf(db, row.id),
    required: requiredFor(db, DecisionDirection.parse(row.direction)),
  };
}

/** The kinds of organisation whose consent a decision in this direction needs (the city's setting). */
export function requiredFor(db: Db, direction: Direction): OrganisationKind[] {
  return getSetting(db, 'required_parties')[direction];
}

export function organisationKind(db: Db, id: number): OrganisationKind {
  const row = db.prepare('SELECT kind FROM organisations WHERE id = ?').get(id) as
    { kind: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such organisation');
  return OrganisationKind.parse(row.kind);
}

function kinds(db: Db): Map<number, OrganisationKind> {
  const rows = db.prepare('SELECT id, kind FROM organisations').all() as { id: number; kind: string }[];
  return new Map(rows.map((r) => [r.id, OrganisationKind.parse(r.kind)]));
}

/** A required kind as the record names it ("IND", or its organisations), with the organisations' ids. */
function requiredKind(db: Db, kind: OrganisationKind) {
  const rows = db
    .prepare('SELECT id, name FROM organisations WHERE kind = ? AND active = 1 ORDER BY sort_order, id')
    .all(kind) as { id: number; name: string }[];
  return {
    kind,
    label: rows.length ? rows.map((r) => r.name).join(' of ') : kind.toUpperCase(),
    organisationIds: rows.map((r) => r.id),
  };
}

/** The dossier's latest provisionally carried decision (awaiting a required party), or null. */
export function pendingConfirmation(db: Db, dossierId: number): Decision | null {
  const row = db
    .prepare(
      "SELECT * FROM decisions WHERE dossier_id = ? AND state = 'voorlopig_gedragen' ORDER BY id DESC LIMIT 1",
    )
    .get(dossierId) as DecisionRow | undefined;
  return row ? toDecision(db, row) : null;
}

export function freezeEvaluation(db: Db, row: DecisionRow): void {
  db.prepare('UPDATE decisions SET settled_evaluation = ? WHERE id = ?').run(
    JSON.stringify(currentTable(db, row)),
    row.id,
  );
}

export function unfreezeEvaluation(db: Db, decisionId: number): void {
  db.prepare('UPDATE decisions SET settled_evaluation = NULL WHERE id = ?').run(decisionId);
}

/** The frozen table of a settled decision, or the live one of a concept. */
export function tableOf(db: Db, row: DecisionRow): FrozenEvaluation {
  return row.settled_evaluation === null
    ? currentTable(db, row)
    : FrozenEvaluation.parse(JSON.parse(row.settled_evaluation));
}

/**
 * The first concept decision of a meeting (not settled, not locked) on which a consent was given, if
 * any: while it is open, no participant may be marked as leaving (that would take their voice away).
 */
export function openDecisionWithConsents(db: Db, meetingId: number): { number: string } | undefined {
  return db
    .prepare(
      `SELECT d.number FROM decisions d WHERE d.meeting_id = ? AND d.state = 'concept' AND d.locked = 0
          AND EXISTS (SELECT 1 FROM consents c WHERE c.decision_id = d.id) ORDER BY d.id LIMIT 1`,
    )
    .get(meetingId) as { number: string } | undefined;
}

export function decisionRow(db: Db, id: number): DecisionRow {
  const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such decision');
  return row;
}

export function consentsOf(
  db: Db,
  decisionId: number,
  from: 'consents' | 'decision_confirmations' = 'consents',
): Consent[] {
  const rows = db
    .prepare(
      `SELECT c.organisation_id, o.name AS organisation_name, c.consent, c.reason, c.recorded_by,
              u.display_name AS recorded_by_name, u.organisation_id AS recorder_org, u.roles AS recorder_roles,
              c.recorded_at
         FROM ${from} c JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.id = c.recorded_by
        WHERE c.decision_id = ? ORDER BY o.sort_order, o.id`,
    )
    .all(decisionId) as {
    organisation_id: number;
    organisation_name: string;
    consent: string;
    reason: string | null;
    recorded_by: number;
    recorded_by_name: string;
    recorder_org: number;
    recorder_roles: string;
    recorded_at: string;
  }[];
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    consent: ConsentValue.parse(r.consent),
    reason: r.reason,
    recordedById: r.recorded_by,
    recordedByName: r.recorded_by_name,
    // Same rule as positions (see positions/access.ts): only a deelnemer of the organisation speaks as it.
    onBehalf: !(
      r.recorder_org === r.organisation_id && (JSON.parse(r.recorder_roles) as string[]).includes('deelnemer')
    ),
    recordedAt: r.recorded_at,
  }));
}

/**
 * A decision with its consents: a concept evaluated over its meeting's current participants, a settled
 * one over the table frozen when it was settled.
 */
export function toDecision(db: Db, row: DecisionRow, clearedConsents = 0): Decision {
  const table = tableOf(db, row);
  const consents = table.consents;
  const participantIds = table.participants.map((p) => p.organisationId);
  // A required party's later confirmation counts as its consent (it was not at the table).
  const confirmations = consentsOf(db, row.id, 'decision_confirmations');
  const kindOf = kinds(db);
  const evaluation = evaluateDecision({
    participants: [...participantIds, ...confirmations.map((c) => c.organisationId)],
    consents: [...consents, ...confirmations],
    required: table.required,
    kindOf: (id) => kindOf.get(id),
  });
  return {
    id: row.id,
    number: row.number,
    dossierId: row.dossier_id,
    agendaItemId: row.agenda_item_id,
    meetingId: row.meeting_id,
    text: row.text,
    direction: DecisionDirection.parse(row.direction),
    reviewDate: row.review_date,
    state: DecisionState.parse(row.state),
    locked: row.locked === 1,
    decidedAt: row.decided_at,
    version: row.version,
    consents,
    confirmations,
    evaluation: {
      ...evaluation,
      participants: participantIds,
      missingRequired: evaluation.missingRequired.map((kind) => requiredKind(db, kind)),
    },
    clearedConsents,
  };
}

export const getDecision = (db: Db, id: number, clearedConsents = 0): Decision =>
  toDecision(db, decisionRow(db, id), clearedConsents);

/** The latest decision taken at an agenda item, or null. */
export function decisionForItem(db: Db, itemId: number): Decision | null {
  const row = db
    .prepare('SELECT * FROM decisions WHERE agenda_item_id = ? ORDER BY id DESC LIMIT 1')
    .get(itemId) as DecisionRow | undefined;
  return row ? toDecision(db, row) : null;
}

export function listDecisions(db: Db, filter: { dossierId?: number; meetingId?: number }): Decision[] {
  const rows = db
    .prepare(
      `SELECT * FROM decisions WHERE (@dossierId IS NULL OR dossier_id = @dossierId)
         AND (@meetingId IS NULL OR meeting_id = @meetingId) ORDER BY id`,
    )
    .all({ dossierId: filter.dossierId ?? null, meetingId: filter.meetingId ?? null }) as DecisionRow[];
  return rows.map((r) => toDecision(db, r));
}

/** Decisions are numbered per year: "2026-014". The year is the meeting's; the sequence runs on past 999. */
export function nextDecisionNumber(db: Db, year: number): string {
  const { n } = db
    .prepare(
      `SELECT coalesce(max(CAST(substr(number, 6) AS INTEGER)), 0) + 1 AS n FROM decisions WHERE number LIKE ? || '-%'`,
    )
    .get(String(year)) as { n: number };
  return `${year}-${String(n).padStart(3, '0')}`;
}

/** Refuses a change to a locked decision (its meeting closed): it must be reopened with a reason first. */
export function requireUnlocked(row: DecisionRow): void {
  if (row.locked === 1)
    throw new AppError('CONFLICT', 'The decision is locked', {
      info: { reason: 'decision_locked', number: row.number },
    });
}

export function requireVersion(row: DecisionRow, expected: number): void {
  if (row.version !== expected)
    throw new AppError('CONFLICT', 'The decision changed meanwhile', {
      info: { reason: 'stale_decision', number: row.number, version: row.version },
    });
}

// --- escalations ------------------------------------------------------------------------------------

interface EscalationRow {
  id: number;
  dossier_id: number;
  decision_id: number | null;
  body: string;
  question: string;
  consensus: number;
  dissent: string;
  created_at: string;
  returned_at: string | null;
  outcome: string | null;
  answer: string | null;
  answered_on: string | null;
}

const toEscalation = (r: EscalationRow): Escalation => ({
  id: r.id,
  dossierId: r.dossier_id,
  decisionId: r.decision_id,
  body: r.body,
  question: r.question,
  consensus: r.consensus === 1,
  dissent: r.dissent,
  createdAt: r.created_at,
  returnedAt: r.returned_at,
  outcome: r.outcome === null ? null : EscalationOutcome.parse(r.outcome),
  answer: r.answer,
  answeredOn: r.answered_on,
});

export function insertEscalation(
  db: Db,
  e: {
    dossierId: number;
    decisionId: number;
    body: string;
    question: string;
    consensus: boolean;
    dissent: string;
    at: string;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO escalations (dossier_id, decision_id, body, question, consensus, dissent, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.dossierId, e.decisionId, e.body, e.question, e.consensus ? 1 : 0, e.dissent, e.at)
      .lastInsertRowid,
  );
}

export function recordEscalationAnswer(
  db: Db,
  id: number,
  a: { outcome: EscalationOutcome; answer: string; answeredOn: string; at: string; userId: number },
): void {
  db.prepare(
    'UPDATE escalations SET returned_at = ?, outcome = ?, answer = ?, answered_on = ?, returned_by = ? WHERE id = ?',
  ).run(a.at, a.outcome, a.answer, a.answeredOn, a.userId, id);
}

export function hasOpenEscalation(db: Db, dossierId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM escalations WHERE dossier_id = ? AND returned_at IS NULL').get(dossierId) !==
    undefined
  );
}

/** Escalations with their dossier by number and initials: the open ones, oldest first, or all. */
export function listEscalations(db: Db, open: boolean): EscalationListItem[] {
  const rows = db
    .prepare(
      `SELECT e.*, d.number AS dossier_number, d.name AS dossier_name FROM escalations e
         JOIN dossiers d ON d.id = e.dossier_id
        WHERE (@open = 0 OR e.returned_at IS NULL) ORDER BY e.created_at, e.id`,
    )
    .all({ open: open ? 1 : 0 }) as (EscalationRow & { dossier_number: string; dossier_name: string })[];
  return rows.map((r) => ({
    ...toEscalation(r),
    dossierNumber: r.dossier_number,
    dossierLabel: pseudonym(r.dossier_number, r.dossier_name),
  }));
}

export function escalationRow(db: Db, id: number): Escalation {
  const row = db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as EscalationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such escalation');
  return toEscalation(row);
}

export function escalationsOf(db: Db, dossierId: number): Escalation[] {
  return (
    db
      .prepare('SELECT * FROM escalations WHERE dossier_id = ? ORDER BY id DESC')
      .all(dossierId) as EscalationRow[]
  ).map(toEscalation);
}

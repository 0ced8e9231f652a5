import type { Consent, Decision, Escalation } from '../../../shared/contract/decisions';
import {
  ConsentValue,
  DecisionDirection,
  DecisionState,
  evaluateDecision,
} from '../../../shared/domain/consent';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { participants } from '../positions/item';
import { getSetting } from '../settings/settings';

export { DEFAULT_ESCALATION_BODY } from '../settings/settings';

/** The body a city escalates stuck dossiers to (meta `escalation_body`). */
export const escalationBody = (db: Db): string => getSetting(db, 'escalation_body');

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
}

export function decisionRow(db: Db, id: number): DecisionRow {
  const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such decision');
  return row;
}

export function consentsOf(db: Db, decisionId: number): Consent[] {
  const rows = db
    .prepare(
      `SELECT c.organisation_id, o.name AS organisation_name, c.consent, c.reason, c.recorded_by,
              u.display_name AS recorded_by_name, u.organisation_id AS recorder_org, u.roles AS recorder_roles,
              c.recorded_at
         FROM consents c JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.id = c.recorded_by
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

/** A decision with its consents, evaluated over its meeting's current participants. */
export function toDecision(db: Db, row: DecisionRow, clearedConsents = 0): Decision {
  const consents = consentsOf(db, row.id);
  const participantIds =
    row.meeting_id === null ? [] : participants(db, row.meeting_id).map((p) => p.organisationId);
  const evaluation = evaluateDecision({ participants: participantIds, consents });
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
    evaluation: { ...evaluation, participants: participantIds },
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
  dissent: string;
  created_at: string;
  returned_at: string | null;
}

const toEscalation = (r: EscalationRow): Escalation => ({
  id: r.id,
  dossierId: r.dossier_id,
  decisionId: r.decision_id,
  body: r.body,
  dissent: r.dissent,
  createdAt: r.created_at,
  returnedAt: r.returned_at,
});

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

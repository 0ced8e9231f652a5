import type { z } from 'zod';
import type {
  Decision,
  DecisionConsentInput,
  DecisionSaveInput,
  Escalation,
  EscalationOutcome,
  SettleOutcome,
} from '../../../shared/contract/decisions';
import { escalationOutcomeLabels } from '../../../shared/contract/decisions';
import {
  consentLabels,
  decisionDirectionLabels,
  trackForDirection,
  type ConsentValue,
} from '../../../shared/domain/consent';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { organisationName as organisationNameOf, organisationNames } from '../organisations/repo';
import { authoriseSpeakFor } from '../positions/access';
import {
  CLOSED_MEETING_STATE,
  loadDossierItem,
  loadItem,
  requireOpenMeeting,
  requireParticipant,
} from '../positions/item';
import { addHistoryRow, changeDossier, dossierRow } from './dossier';
import {
  decisionForItem,
  decisionRow,
  escalationBodies,
  escalationRow,
  hasOpenEscalation,
  insertEscalation,
  recordEscalationAnswer,
  freezeEvaluation,
  getDecision,
  nextDecisionNumber,
  organisationKind,
  requireUnlocked,
  requireVersion,
  unfreezeEvaluation,
  type DecisionRow,
} from './repo';

type Change<T> = { result: T; audit: AuditFacts | AuditFacts[] };

const audit = (action: string, entity: string, ids: number[]): AuditFacts => ({ action, entity, ids });

function requireConcept(row: DecisionRow): void {
  if (row.state !== 'concept')
    throw new AppError('CONFLICT', 'The decision is settled', {
      info: { reason: 'decision_settled', number: row.number },
    });
}

/** Creates the concept decision of an item, or edits it; a changed text or direction clears the consents. */
export function saveDecision(db: Db, input: z.output<typeof DecisionSaveInput>): Change<Decision> {
  const item = loadDossierItem(db, input.itemId);
  if (input.reviewDate !== null && input.reviewDate < item.meetingDate)
    throw new AppError('BAD_INPUT', 'Review date before the meeting', {
      fields: [
        { path: 'reviewDate', code: 'review_before_meeting', message: 'Review date before the meeting' },
      ],
    });
  if (input.decisionId === undefined) {
    requireOpenMeeting(item);
    const existing = decisionForItem(db, item.id);
    if (existing)
      throw new AppError('CONFLICT', 'This item already has a decision', {
        info: { reason: 'decision_exists', number: existing.number },
      });
    const number = nextDecisionNumber(db, Number(item.meetingDate.slice(0, 4)));
    const id = Number(
      db
        .prepare(
          `INSERT INTO decisions (number, dossier_id, agenda_item_id, meeting_id, text, direction, review_date)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(number, item.dossierId, item.id, item.meetingId, input.text, input.direction, input.reviewDate)
        .lastInsertRowid,
    );
    return { result: getDecision(db, id), audit: audit('decision.create', 'decisions', [id]) };
  }
  const row = decisionRow(db, input.decisionId);
  if (row.agenda_item_id !== item.id)
    throw new AppError('BAD_INPUT', 'Decision belongs to another item', {
      fields: [{ path: 'decisionId', code: 'other_item', message: 'Decision of another item' }],
    });
  requireUnlocked(row);
  requireConcept(row);
  requireVersion(row, input.expectedVersion!);
  // Consents were given to the text as it was; a different text or direction needs them again.
  const textChanged = row.text !== input.text || row.direction !== input.direction;
  const cleared = textChanged
    ? db.prepare('DELETE FROM consents WHERE decision_id = ?').run(row.id).changes
    : 0;
  db.prepare(
    'UPDATE decisions SET text = ?, direction = ?, review_date = ?, version = version + 1 WHERE id = ?',
  ).run(input.text, input.direction, input.reviewDate, row.id);
  return { result: getDecision(db, row.id, cleared), audit: audit('decision.update', 'decisions', [row.id]) };
}

export function recordConsent(
  db: Db,
  session: Session,
  input: z.output<typeof DecisionConsentInput>,
  now: string,
): Change<Decision> {
  authoriseSpeakFor(session, input.organisationId);
  const row = decisionRow(db, input.decisionId);
  requireUnlocked(row);
  requireConcept(row);
  requireVersion(row, input.decisionVersion);
  if (row.meeting_id === null) throw new AppError('CONFLICT', 'Decision without a meeting');
  requireParticipant(db, row.meeting_id, input.organisationId);
  db.prepare(
    `INSERT INTO consents (decision_id, organisation_id, consent, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (decision_id, organisation_id)
     DO UPDATE SET consent = excluded.consent, reason = excluded.reason, recorded_by = excluded.recorded_by,
                   recorded_at = excluded.recorded_at`,
  ).run(row.id, input.organisationId, input.consent, input.reason, session.userId, now);
  return {
    result: getDecision(db, row.id),
    audit: audit('decision.consent', 'consents', [row.id, input.organisationId]),
  };
}

/** The dissent as the escalation carries it: one line per participant that did not plainly agree. */
function dissentText(decision: Decision, names: Map<number, string>): string {
  const lines: string[] = [];
  for (const id of decision.evaluation.participants) {
    const c = decision.consents.find((x) => x.organisationId === id);
    const name = names.get(id) ?? `organisatie ${id}`;
    if (!c) lines.push(`${name}: geen reactie`);
    else if (c.consent !== 'akkoord')
      lines.push(`${name}: ${consentLabels[c.consent].toLowerCase()} — ${c.reason ?? ''}`);
  }
  return lines.join('\n');
}

/**
 * A held item: the dossier takes the decision's review date (it decides when the dossier returns),
 * with the decision as the reason in its timeline; when no date changes, the timeline still gets a
 * line for the decision itself.
 */
function recordHeld(
  db: Db,
  row: DecisionRow,
  facts: { at: string; userId: number; decisionId: number },
  state: 'aangehouden' | 'gedragen' = 'aangehouden',
): void {
  const reason = `Besluit ${row.number} aangehouden: ${row.text}`;
  if (row.review_date && row.review_date !== dossierRow(db, row.dossier_id).review_date)
    changeDossier(db, row.dossier_id, { review_date: row.review_date }, { ...facts, reason });
  else
    addHistoryRow(db, row.dossier_id, 'besluit', `${row.number}: concept`, `${row.number}: ${state}`, {
      ...facts,
      reason,
    });
}

const partiesText = (decision: Decision): string =>
  decision.evaluation.missingRequired.map((m) => m.label).join(', ');

function requiredMissing(decision: Decision): AppError {
  return new AppError('CONFLICT', 'A required party did not consent', {
    info: { reason: 'required_parties_missing', parties: partiesText(decision) },
  });
}

function notCarried(decision: Decision): AppError {
  return new AppError('CONFLICT', 'The decision is not carried', {
    info: {
      reason: 'not_carried',
      missing: decision.evaluation.missing.length,
      objections: decision.evaluation.objections.length,
    },
  });
}

/**
 * What a carried decision does to its dossier: the track (and status 'besluit_gedragen') and the
 * review date, with the decision as the reason in the history; a carried decision to hold changes
 * neither, and the timeline still says why.
 */
function applyCarried(
  db: Db,
  row: DecisionRow,
  decision: Decision,
  facts: { at: string; userId: number; decisionId: number },
  prefix: string,
): void {
  const track = trackForDirection(decision.direction);
  const reason = `${prefix}: ${decisionDirectionLabels[decision.direction]}`;
  changeDossier(
    db,
    row.dossier_id,
    {
      ...(track ? { track, status: 'besluit_gedragen' } : {}),
      ...(row.review_date ? { review_date: row.review_date } : {}),
    },
    { ...facts, reason },
  );
  if (decision.direction === 'aanhouden') recordHeld(db, row, facts, 'gedragen');
}

/**
 * A required party answers a provisionally carried decision. Only a party of a kind still missing may
 * answer (others had their say at the table). Akkoord (met voorbehoud) from every missing kind carries
 * it, with the dossier's track; a bezwaar holds it (it comes back as a held item would).
 */
export function confirmDecision(
  db: Db,
  session: Session,
  input: { decisionId: number; organisationId: number; consent: ConsentValue; reason: string | null },
  now: string,
): Change<Decision> {
  authoriseSpeakFor(session, input.organisationId);
  const row = decisionRow(db, input.decisionId);
  if (row.state !== 'voorlopig_gedragen')
    throw new AppError('CONFLICT', 'Not a provisionally carried decision', {
      info: { reason: 'nothing_to_confirm' },
    });
  const before = getDecision(db, row.id);
  const kind = organisationKind(db, input.organisationId);
  if (!before.evaluation.missingRequired.some((m) => m.kind === kind))
    throw new AppError('BAD_INPUT', 'This organisation is not asked to confirm', {
      fields: [{ path: 'organisationId', code: 'not_required', message: 'Not a missing required party' }],
    });
  db.prepare(
    `INSERT INTO decision_confirmations (decision_id, organisation_id, consent, reason, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (decision_id, organisation_id)
     DO UPDATE SET consent = excluded.consent, reason = excluded.reason, recorded_by = excluded.recorded_by,
                   recorded_at = excluded.recorded_at`,
  ).run(row.id, input.organisationId, input.consent, input.reason, session.userId, now);
  const after = getDecision(db, row.id);
  const facts = { at: now, userId: session.userId, decisionId: row.id };
  const audits: AuditFacts[] = [
    audit('decision.confirm', 'decision_confirmations', [row.id, input.organisationId]),
  ];
  const name = organisationNameOf(db, input.organisationId);
  if (input.consent === 'bezwaar' || input.consent === 'onthouding') {
    db.prepare("UPDATE decisions SET state = 'aangehouden', version = version + 1 WHERE id = ?").run(row.id);
    addHistoryRow(
      db,
      row.dossier_id,
      'besluit',
      `${row.number}: voorlopig gedragen`,
      `${row.number}: aangehouden`,
      {
        ...facts,
        reason: `Besluit ${row.number} niet bevestigd door ${name}: ${input.reason ?? ''}`,
      },
    );
    audits.push(audit('dossier.update', 'dossiers', [row.dossier_id]));
  } else if (after.evaluation.carried) {
    db.prepare("UPDATE decisions SET state = 'gedragen', version = version + 1 WHERE id = ?").run(row.id);
    applyCarried(db, row, after, facts, `Besluit ${row.number} bevestigd door ${name}`);
    audits.push(audit('dossier.update', 'dossiers', [row.dossier_id]));
  } else db.prepare('UPDATE decisions SET version = version + 1 WHERE id = ?').run(row.id);
  return { result: getDecision(db, row.id), audit: audits };
}

/**
 * The chair settles a concept: carried (only when the consent rule says so), held, or escalated.
 * A carried decision sets the dossier's track (and status 'besluit_gedragen') and review date, with the
 * decision as the reason in the history. A held item is marked 'aangehouden' so it returns on the next
 * proposed agenda, and the dossier takes the review date with a timeline line (recordHeld); an
 * escalation flags the dossier until the escalation returns.
 */
export function settleDecision(
  db: Db,
  session: Session,
  input: {
    decisionId: number;
    expectedVersion: number;
    outcome: SettleOutcome;
    escalation?: { body: string; question: string } | undefined;
  },
  now: string,
): Change<Decision> {
  const row = decisionRow(db, input.decisionId);
  requireUnlocked(row);
  requireConcept(row);
  requireVersion(row, input.expectedVersion);
  const decision = getDecision(db, row.id);
  const facts = { at: now, userId: session.userId, decisionId: row.id };
  const setItemStatus = (status: string) =>
    row.agenda_item_id !== null &&
    db.prepare('UPDATE agenda_items SET status = ? WHERE id = ?').run(status, row.agenda_item_id);
  const audits: AuditFacts[] = [];

  let state: 'gedragen' | 'voorlopig_gedragen' | 'aangehouden' | 'geescaleerd';

  if (input.outcome === 'gedragen') {
    if (decision.evaluation.state === 'voorlopig') throw requiredMissing(decision);
    if (!decision.evaluation.carried) throw notCarried(decision);
    state = 'gedragen';
    applyCarried(db, row, decision, facts, `Gedragen besluit ${row.number}`);
    setItemStatus(decision.direction === 'aanhouden' ? 'aangehouden' : 'besproken');
    audits.push(audit('dossier.update', 'dossiers', [row.dossier_id]));
  } else if (input.outcome === 'voorlopig') {
    if (decision.evaluation.state !== 'voorlopig') {
      if (decision.evaluation.carried)
        throw new AppError('CONFLICT', 'Carried: nothing to confirm', {
          info: { reason: 'nothing_to_confirm' },
        });
      throw notCarried(decision);
    }
    // Not carried yet: the dossier keeps its track; it returns on the agenda until confirmed
    // (agenda reason 'confirmation_needed'), and its timeline says whose confirmation is awaited.
    state = 'voorlopig_gedragen';
    setItemStatus('besproken');
    addHistoryRow(
      db,
      row.dossier_id,
      'besluit',
      `${row.number}: concept`,
      `${row.number}: voorlopig gedragen`,
      {
        ...facts,
        reason: `Besluit ${row.number} voorlopig gedragen, bevestiging nodig van ${partiesText(decision)}: ${row.text}`,
      },
    );
    audits.push(audit('dossier.update', 'dossiers', [row.dossier_id]));
  } else if (input.outcome === 'aanhouden') {
    state = 'aangehouden';
    setItemStatus('aangehouden');
    recordHeld(db, row, facts);
    audits.push(audit('dossier.update', 'dossiers', [row.dossier_id]));
  } else {
    // "Voorleggen aan" (issue 11): the table may put a dossier to a body together, or the chair does
    // so over dissent; either way with the question put to it, and the dissent (if any) minuted.
    const bodies = escalationBodies(db);
    const { body, question } = input.escalation ?? { body: bodies[0]!, question: '' };
    if (!bodies.includes(body))
      throw new AppError('BAD_INPUT', 'Not one of the bodies of this city', {
        fields: [{ path: 'escalation.body', code: 'unknown_body', message: 'Unknown body' }],
      });
    state = 'geescaleerd';
    const consensus = decision.evaluation.carried || decision.evaluation.state === 'voorlopig';
    const escalationId = insertEscalation(db, {
      dossierId: row.dossier_id,
      decisionId: row.id,
      body,
      question,
      consensus,
      dissent: consensus ? '' : dissentText(decision, organisationNames(db)),
      at: now,
    });
    changeDossier(
      db,
      row.dossier_id,
      { escalated: 1 },
      { ...facts, reason: `Besluit ${row.number} voorgelegd aan ${body}: ${question}` },
    );
    setItemStatus('besproken');
    audits.push(
      audit('escalation.create', 'escalations', [escalationId]),
      audit('dossier.update', 'dossiers', [row.dossier_id]),
    );
  }
  // Settled after the meeting closed (a reopened decision): it is locked again at once.
  const meetingClosed =
    row.agenda_item_id !== null && loadItem(db, row.agenda_item_id).meetingState === CLOSED_MEETING_STATE;
  // What was true now is what the record keeps: later attendance changes do not touch it.
  freezeEvaluation(db, row);
  db.prepare(
    'UPDATE decisions SET state = ?, decided_at = ?, locked = ?, version = version + 1 WHERE id = ?',
  ).run(state, now, meetingClosed ? 1 : 0, row.id);
  return {
    result: getDecision(db, row.id),
    audit: [audit(`decision.${input.outcome}`, 'decisions', [row.id]), ...audits],
  };
}

/**
 * Brings a settled or locked decision back to concept. The reason goes into the dossier's history
 * (the audit log holds ids only); the consents stay until the text changes.
 */
export function reopenDecision(
  db: Db,
  session: Session,
  input: { decisionId: number; reason: string },
  now: string,
): Change<Decision> {
  const row = decisionRow(db, input.decisionId);
  if (row.state === 'concept' && row.locked === 0)
    throw new AppError('CONFLICT', 'The decision is open already', { info: { reason: 'decision_open' } });
  db.prepare(
    "UPDATE decisions SET state = 'concept', locked = 0, decided_at = NULL, version = version + 1 WHERE id = ?",
  ).run(row.id);
  // Back to concept: it is evaluated over the table as it is now until it is settled again.
  unfreezeEvaluation(db, row.id);
  addHistoryRow(db, row.dossier_id, 'besluit', `${row.number}: ${row.state}`, `${row.number}: concept`, {
    at: now,
    userId: session.userId,
    reason: input.reason,
    decisionId: row.id,
  });
  if (row.agenda_item_id !== null && loadItem(db, row.agenda_item_id).meetingState !== CLOSED_MEETING_STATE)
    db.prepare("UPDATE agenda_items SET status = 'open' WHERE id = ?").run(row.agenda_item_id);
  return { result: getDecision(db, row.id), audit: audit('decision.reopen', 'decisions', [row.id]) };
}

/**
 * The escalation's answer is back (at a meeting or in between): recorded as a result, with the date
 * the body answered. The dossier loses its flag when no other escalation is open; its timeline says
 * what came back.
 */
export function returnEscalation(
  db: Db,
  session: Session,
  input: { escalationId: number; outcome: EscalationOutcome; answer: string; answeredOn: string },
  today: string,
  now: string,
): Change<Escalation> {
  const e = escalationRow(db, input.escalationId);
  if (e.returnedAt !== null)
    throw new AppError('CONFLICT', 'The escalation has returned already', {
      info: { reason: 'escalation_returned' },
    });
  if (input.answeredOn > today)
    throw new AppError('BAD_INPUT', 'Answer date in the future', {
      fields: [{ path: 'answeredOn', code: 'date_in_future', message: 'Answer date in the future' }],
    });
  if (input.answeredOn < e.createdAt.slice(0, 10))
    throw new AppError('BAD_INPUT', 'Answer date before the escalation', {
      fields: [{ path: 'answeredOn', code: 'before_escalation', message: 'Before the escalation' }],
    });
  recordEscalationAnswer(db, e.id, { ...input, at: now, userId: session.userId });
  const reason = `${e.body}: ${escalationOutcomeLabels[input.outcome]} — ${input.answer}`;
  const facts = { at: now, userId: session.userId, reason, decisionId: e.decisionId };
  if (!hasOpenEscalation(db, e.dossierId)) changeDossier(db, e.dossierId, { escalated: 0 }, facts);
  else addHistoryRow(db, e.dossierId, 'escalatie', e.body, 'terug', facts);
  return {
    result: escalationRow(db, e.id),
    audit: [
      audit('escalation.return', 'escalations', [e.id]),
      audit('dossier.update', 'dossiers', [e.dossierId]),
    ],
  };
}

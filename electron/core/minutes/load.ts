import { agendaItemKindLabels, type AgendaItemKind } from '../../../shared/domain/agenda';
import { dossierStatusLabels, initials, trackLabels } from '../../../shared/domain/dossier';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { decisionRow, tableOf, toDecision } from '../decisions/repo';
import { getSetting } from '../settings/settings';
import type {
  Action,
  ActionStatus,
  AttendanceEntry,
  AttendanceStatus,
  Decision,
  DecisionState,
  Direction,
  DossierRef,
  EarlierAction,
  MinutesItem,
  MinutesModel,
  MinutesState,
  PersonRef,
  Position,
} from './model';

/**
 * Reads one meeting's records into the minutes model. Only columns the minutes may print are read:
 * never dossiers.v_number, never dossier_special, and the person's name only when the environment
 * allows full names (meta `minutes_full_names` = '1'); otherwise initials.
 *
 * What the minutes take from the records (choices):
 * - positions: per agenda item, each organisation's latest version recorded for that item;
 * - the decision: the one recorded for the agenda item (latest), with every consent and reason;
 * - actions: those made in this meeting, under their dossier's item; actions on no agenda item
 *   (no dossier, or a dossier not on the agenda) under a closing "Overige actiepunten" item;
 * - earlier actions: actions from earlier meetings still open, or reviewed in this meeting;
 * - accepted corrections (minutes_corrections) replace the recorded text they correct.
 */

export interface LoadOptions {
  version: number;
  state: MinutesState;
  generatedAt: string;
}

interface MeetingRow {
  id: number;
  date: string;
  time: string;
  place: string;
  started_at: string | null;
  ended_at: string | null;
  chair_user_id: number | null;
  secretary_user_id: number | null;
}

interface ItemRow {
  id: number;
  kind: AgendaItemKind;
  dossier_id: number | null;
  title: string | null;
  carried_from: string | null;
  status: string;
  dossier_number: string | null;
  dossier_name: string | null;
  note: string;
  track: string | null;
  dossier_status: string | null;
  target_date: string | null;
}

interface ActionRow {
  id: number;
  dossier_id: number | null;
  what: string;
  organisation: string;
  person: string | null;
  due_date: string;
  status: string;
  postponements: number;
  reason: string | null;
}

interface Correction {
  target_kind: 'position' | 'action';
  target_id: number;
  field: string;
  proposed_text: string;
}

export function fullNamesAllowed(db: Db): boolean {
  return getSetting(db, 'minutes_full_names');
}

function person(db: Db, userId: number | null): PersonRef {
  const row = userId
    ? (db
        .prepare(
          'SELECT u.display_name AS name, o.name AS organisation FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?',
        )
        .get(userId) as PersonRef | undefined)
    : undefined;
  return row ?? { name: 'niet vastgelegd', organisation: '—' };
}

function amsterdamTime(iso: string | null): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function dossierRef(number: string, name: string, fullNames: boolean): DossierRef {
  return fullNames ? { number, initials: initials(name), name } : { number, initials: initials(name) };
}

function actionStatus(row: ActionRow): ActionStatus {
  if (row.status === 'open') return row.postponements > 0 ? 'uitgesteld' : 'open';
  return row.status as ActionStatus;
}

function toAction(row: ActionRow): Action {
  return {
    what: row.what,
    organisation: row.organisation,
    person: row.person ?? '—',
    dueDate: row.due_date,
    status: actionStatus(row),
    statusReason: row.reason,
  };
}

const ACTION_COLUMNS = `a.id, a.dossier_id, a.what, o.name AS organisation, a.person, a.due_date, a.status,
  a.postponements, a.reason`;

/** Accepted corrections of this meeting's minutes, any version, in the order they were decided. */
function acceptedCorrections(db: Db, meetingId: number): Correction[] {
  return db
    .prepare(
      `SELECT c.target_kind, c.target_id, c.field, c.proposed_text FROM minutes_corrections c
       JOIN minutes_versions v ON v.id = c.minutes_version_id
       WHERE v.meeting_id = ? AND c.status = 'aanvaard' ORDER BY c.decided_at, c.id`,
    )
    .all(meetingId) as Correction[];
}

function corrected<T extends object>(
  record: T,
  kind: Correction['target_kind'],
  id: number,
  corrections: Correction[],
): T {
  const out = { ...record } as Record<string, unknown>;
  for (const c of corrections)
    if (c.target_kind === kind && c.target_id === id) out[c.field] = c.proposed_text;
  return out as T;
}

function attendance(db: Db, meeting: MeetingRow, chair: PersonRef, secretary: PersonRef): AttendanceEntry[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.name, a.presence, a.names FROM attendance a JOIN organisations o ON o.id = a.organisation_id
       WHERE a.meeting_id = ? ORDER BY o.sort_order, o.id`,
    )
    .all(meeting.id) as { id: number; name: string; presence: AttendanceStatus; names: string }[];
  // Who sat at the table: chair and secretary, and whoever recorded their own organisation's position or
  // consent in this meeting (not on someone's behalf).
  const recorders = db
    .prepare(
      `SELECT DISTINCT u.organisation_id AS org, u.display_name AS name FROM users u WHERE u.id IN (
         SELECT p.recorded_by FROM positions p JOIN agenda_items ai ON ai.id = p.agenda_item_id
           WHERE ai.meeting_id = ? AND p.on_behalf = 0
         UNION SELECT c.recorded_by FROM consents c JOIN decisions d ON d.id = c.decision_id
           WHERE d.meeting_id = ? AND c.organisation_id = (SELECT organisation_id FROM users WHERE id = c.recorded_by))
       ORDER BY u.display_name`,
    )
    .all(meeting.id, meeting.id) as { org: number; name: string }[];
  // Who recorded for an organisation not their own (the notulist writing down what was said).
  const onBehalf = db
    .prepare(
      `SELECT DISTINCT p.organisation_id AS org, u.display_name AS name FROM positions p
         JOIN agenda_items ai ON ai.id = p.agenda_item_id JOIN users u ON u.id = p.recorded_by
         WHERE ai.meeting_id = ? AND p.on_behalf = 1
       UNION SELECT c.organisation_id, u.display_name FROM consents c JOIN decisions d ON d.id = c.decision_id
         JOIN users u ON u.id = c.recorded_by WHERE d.meeting_id = ? AND u.organisation_id <> c.organisation_id
       ORDER BY 2`,
    )
    .all(meeting.id, meeting.id) as { org: number; name: string }[];
  return rows.map((r) => {
    // The names the notulist entered win; otherwise those who recorded something for the organisation.
    const entered = r.names
      .split(/[,;\n]/)
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const names = new Set<string>(entered);
    if (r.presence === 'aanwezig' && entered.length === 0) {
      for (const p of [chair, secretary]) if (p.organisation === r.name) names.add(p.name);
      for (const rec of recorders) if (rec.org === r.id) names.add(rec.name);
    }
    const recordedBy = [...new Set(onBehalf.filter((b) => b.org === r.id).map((b) => b.name))];
    return {
      organisation: r.name,
      status: r.presence,
      representatives: [...names],
      ...(names.size === 0 && recordedBy.length > 0 ? { recordedBy } : {}),
    };
  });
}

/**
 * Each party's latest position on the dossier as it stood at this meeting: recorded on this item, or
 * else the latest from an earlier meeting (or outside a meeting, before this one ended), marked with
 * its date so a reader sees it was not restated.
 */
function positions(
  db: Db,
  meeting: MeetingRow,
  itemId: number,
  dossierId: number,
  written: Set<string>,
  corrections: Correction[],
): Position[] {
  const rows = db
    .prepare(
      `WITH known AS (
         SELECT p.*, m.id AS meeting_id, COALESCE(m.date, substr(p.recorded_at, 1, 10)) AS said_on
         FROM positions p LEFT JOIN agenda_items ai ON ai.id = p.agenda_item_id
         LEFT JOIN meetings m ON m.id = ai.meeting_id
         WHERE p.dossier_id = ? AND (p.agenda_item_id = ?
           OR (m.id IS NOT NULL AND m.id <> ? AND (m.date < ? OR (m.date = ? AND m.id < ?)))
           OR (p.agenda_item_id IS NULL AND p.recorded_at <= COALESCE(?, '9999')))
       )
       SELECT k.id, o.name AS organisation, k.direction, k.reasoning, k.information, k.conditions, k.withheld,
              k.withheld_reason, k.on_behalf, u.display_name AS recorder, k.agenda_item_id = ? AS here, k.said_on
       FROM known k JOIN organisations o ON o.id = k.organisation_id JOIN users u ON u.id = k.recorded_by
       WHERE k.version = (SELECT MAX(k2.version) FROM known k2 WHERE k2.organisation_id = k.organisation_id)
       ORDER BY o.sort_order, o.id`,
    )
    .all(dossierId, itemId, meeting.id, meeting.date, meeting.date, meeting.id, meeting.ended_at, itemId) as {
    id: number;
    organisation: string;
    direction: Direction;
    reasoning: string;
    information: string;
    conditions: string;
    withheld: number;
    withheld_reason: string | null;
    on_behalf: number;
    recorder: string;
    here: number | null;
    said_on: string;
  }[];
  return rows.map((r) => {
    const text = corrected(
      { reasoning: r.reasoning, information: r.information, conditions: r.conditions },
      'position',
      r.id,
      corrections,
    );
    const onBehalf = r.on_behalf
      ? `${written.has(r.organisation) ? 'Schriftelijke inbreng, o' : 'O'}pgetekend door ${r.recorder}.`
      : null;
    return {
      organisation: r.organisation,
      direction: r.direction,
      ...text,
      informationWithheld: r.withheld ? { reason: r.withheld_reason ?? 'Geen reden opgegeven.' } : null,
      recordedOnBehalf: onBehalf,
      ...(r.here ? {} : { earlierDate: r.said_on }),
    };
  });
}

function decision(db: Db, item: ItemRow, meetingId: number): Decision | null {
  if (item.dossier_id === null) return null;
  const row = db
    .prepare(
      `SELECT id, number, text, direction, review_date, state FROM decisions
       WHERE agenda_item_id = ? OR (agenda_item_id IS NULL AND meeting_id = ? AND dossier_id = ?)
       ORDER BY id DESC LIMIT 1`,
    )
    .get(item.id, meetingId, item.dossier_id) as
    | {
        id: number;
        number: string;
        text: string;
        direction: Direction;
        review_date: string | null;
        state: DecisionState;
      }
    | undefined;
  if (!row) return null;
  // A settled decision as it was settled (issue 11): the participants and consents frozen then; the
  // consent of an organisation that did not take part is not the table's and is not minuted.
  const full = toDecision(db, decisionRow(db, row.id));
  const table = tableOf(db, decisionRow(db, row.id));
  const took = new Set(table.participants.map((p) => p.organisationId));
  const consents = table.consents
    .filter((c) => took.has(c.organisationId))
    .map((c) => ({ organisation: c.organisationName, value: c.consent, reason: c.reason }));
  return {
    number: row.number,
    text: row.text,
    direction: row.direction,
    reviewDate: row.review_date,
    state: row.state,
    consents,
    ...(row.state === 'voorlopig_gedragen'
      ? { awaitingConfirmation: full.evaluation.missingRequired.map((m) => m.label) }
      : {}),
    ...escalationOf(db, row.id),
  };
}

function escalationOf(db: Db, decisionId: number): Pick<Decision, 'escalation'> {
  const e = db
    .prepare(
      'SELECT body, question, consensus FROM escalations WHERE decision_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(decisionId) as { body: string; question: string; consensus: number } | undefined;
  return e ? { escalation: { body: e.body, question: e.question, consensus: e.consensus === 1 } } : {};
}

function earlierOpenActions(
  db: Db,
  meeting: MeetingRow,
  fullNames: boolean,
  corrections: Correction[],
): EarlierAction[] {
  const rows = db
    .prepare(
      `SELECT ${ACTION_COLUMNS}, m.date AS meeting_date, d.number AS dossier_number, d.name AS dossier_name
       FROM actions a JOIN organisations o ON o.id = a.organisation_id JOIN meetings m ON m.id = a.meeting_id
       LEFT JOIN dossiers d ON d.id = a.dossier_id
       WHERE (m.date < ? OR (m.date = ? AND m.id < ?)) AND (a.status = 'open' OR a.reviewed_in = ?)
       ORDER BY a.due_date, a.id`,
    )
    .all(meeting.date, meeting.date, meeting.id, meeting.id) as (ActionRow & {
    meeting_date: string;
    dossier_number: string | null;
    dossier_name: string | null;
  })[];
  return rows.map((r) => ({
    ...corrected(toAction(r), 'action', r.id, corrections),
    meetingDate: r.meeting_date,
    dossier: r.dossier_number ? dossierRef(r.dossier_number, r.dossier_name ?? '', fullNames) : null,
  }));
}

export function meetingExists(db: Db, meetingId: number): boolean {
  return db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId) !== undefined;
}

export function loadMinutesModel(db: Db, meetingId: number, options: LoadOptions): MinutesModel {
  const meeting = db
    .prepare(
      'SELECT id, date, time, place, started_at, ended_at, chair_user_id, secretary_user_id FROM meetings WHERE id = ?',
    )
    .get(meetingId) as MeetingRow | undefined;
  if (!meeting) throw new AppError('NOT_FOUND', 'No such meeting', { info: { meetingId } });
  const fullNames = fullNamesAllowed(db);
  const corrections = acceptedCorrections(db, meetingId);
  const chair = person(db, meeting.chair_user_id);
  const secretary = person(db, meeting.secretary_user_id);
  const present = attendance(db, meeting, chair, secretary);
  const written = new Set(
    present.filter((a) => a.status === 'schriftelijke_inbreng').map((a) => a.organisation),
  );

  const actionRows = db
    .prepare(
      `SELECT ${ACTION_COLUMNS} FROM actions a JOIN organisations o ON o.id = a.organisation_id
       WHERE a.meeting_id = ? ORDER BY a.id`,
    )
    .all(meetingId) as ActionRow[];
  const unplaced = new Set(actionRows);
  const actionsFor = (dossierId: number): Action[] =>
    actionRows
      .filter((a) => a.dossier_id === dossierId && unplaced.delete(a))
      .map((a) => corrected(toAction(a), 'action', a.id, corrections));

  const itemRows = db
    .prepare(
      `SELECT ai.id, ai.kind, ai.dossier_id, ai.title, ai.carried_from, ai.status, ai.note, d.number AS dossier_number,
              d.name AS dossier_name, d.track, d.status AS dossier_status, d.target_date
       FROM agenda_items ai LEFT JOIN dossiers d ON d.id = ai.dossier_id
       WHERE ai.meeting_id = ? ORDER BY ai.position, ai.id`,
    )
    .all(meetingId) as ItemRow[];
  const items: MinutesItem[] = itemRows.map((row, i) => {
    if (row.kind === 'dossier' && row.dossier_id !== null && row.dossier_number !== null) {
      return {
        kind: 'dossier',
        number: i + 1,
        dossier: dossierRef(row.dossier_number, row.dossier_name ?? '', fullNames),
        context: {
          track: trackLabels[row.track as keyof typeof trackLabels] ?? row.track ?? '',
          status:
            dossierStatusLabels[row.dossier_status as keyof typeof dossierStatusLabels] ??
            row.dossier_status ??
            '',
          targetDate: row.target_date,
        },
        note: row.note,
        carriedOver: row.carried_from !== null,
        deferred: row.status === 'doorgeschoven',
        positions: positions(db, meeting, row.id, row.dossier_id, written, corrections),
        decision: decision(db, row, meetingId),
        actions: actionsFor(row.dossier_id),
      };
    }
    return {
      kind: 'procedural',
      number: i + 1,
      title: row.title ?? agendaItemKindLabels[row.kind] ?? row.kind,
      notes: row.note,
      decision: null,
      actions: [],
    };
  });
  if (unplaced.size > 0) {
    items.push({
      kind: 'procedural',
      number: items.length + 1,
      title: 'Overige actiepunten',
      notes: '',
      decision: null,
      actions: [...unplaced].map((a) => corrected(toAction(a), 'action', a.id, corrections)),
    });
  }

  return {
    city: getSetting(db, 'city'),
    meeting: {
      date: meeting.date,
      // The actual times when the meeting ran; the planned time until it has.
      startTime: amsterdamTime(meeting.started_at) ?? meeting.time,
      endTime: amsterdamTime(meeting.ended_at),
      place: meeting.place || '—',
    },
    chair,
    secretary,
    version: options.version,
    state: options.state,
    classification: 'Vertrouwelijk',
    generatedAt: options.generatedAt,
    attendance: present,
    items,
    earlierOpenActions: earlierOpenActions(db, meeting, fullNames, corrections),
    signaturePage: null,
    extract: null,
  };
}

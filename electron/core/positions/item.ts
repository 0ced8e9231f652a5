import { participantsFromAttendance, Presence } from '../../../shared/domain/consent';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';

/** The meeting state in which the work on its items is finished (issue 3: gepland → … → afgerond). */
export const CLOSED_MEETING_STATE = 'afgerond';

export interface ItemRow {
  id: number;
  meetingId: number;
  kind: string;
  status: string;
  title: string | null;
  dossierId: number | null;
  meetingDate: string;
  meetingState: string;
}

export function loadItem(db: Db, itemId: number): ItemRow {
  const row = db
    .prepare(
      `SELECT a.id, a.meeting_id AS meetingId, a.kind, a.status, a.title, a.dossier_id AS dossierId,
              m.date AS meetingDate, m.state AS meetingState
         FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?`,
    )
    .get(itemId) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such agenda item');
  return row;
}

/** An item about a dossier, as positions, decisions and actions need; with the dossier id non-null. */
export function loadDossierItem(db: Db, itemId: number): ItemRow & { dossierId: number } {
  const item = loadItem(db, itemId);
  if (item.dossierId === null)
    throw new AppError('BAD_INPUT', 'Agenda item is not about a dossier', {
      fields: [{ path: 'itemId', code: 'not_dossier_item', message: 'Not a dossier item' }],
    });
  return item as ItemRow & { dossierId: number };
}

/** Refuses new work on an item of a closed meeting: what was said there is on record as it was. */
export function requireOpenMeeting(item: ItemRow): void {
  if (item.meetingState === CLOSED_MEETING_STATE)
    throw new AppError('CONFLICT', 'The meeting is closed', { info: { reason: 'meeting_closed' } });
}

export interface Attendee {
  organisationId: number;
  organisationName: string;
  presence: Presence;
}

/** Attendance of a meeting in the organisations' configured order. */
export function attendance(db: Db, meetingId: number): Attendee[] {
  const rows = db
    .prepare(
      `SELECT a.organisation_id AS organisationId, o.name AS organisationName, a.presence
         FROM attendance a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.meeting_id = ? ORDER BY o.sort_order, o.id`,
    )
    .all(meetingId) as { organisationId: number; organisationName: string; presence: string }[];
  return rows.map((r) => ({ ...r, presence: Presence.parse(r.presence) }));
}

/** The participating organisations (present or with written input), in display order. */
export function participants(db: Db, meetingId: number): Attendee[] {
  const all = attendance(db, meetingId);
  const ids = new Set(participantsFromAttendance(all));
  return all.filter((a) => ids.has(a.organisationId));
}

/** Positions and consents are only taken from organisations at the table (or with written input). */
export function requireParticipant(db: Db, meetingId: number, organisationId: number): void {
  if (!participants(db, meetingId).some((p) => p.organisationId === organisationId))
    throw new AppError('BAD_INPUT', 'Organisation does not take part in this meeting', {
      fields: [{ path: 'organisationId', code: 'not_participant', message: 'Not a participant' }],
    });
}

export function organisationName(db: Db, id: number): string {
  const row = db.prepare('SELECT name FROM organisations WHERE id = ?').get(id) as
    { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such organisation');
  return row.name;
}

import { z } from 'zod';
import {
  AgendaItemKind,
  AgendaItemStatus,
  AgendaReason,
  agendaItemKindLabels,
} from '../../../shared/domain/agenda';
import { Presence } from '../../../shared/domain/consent';
import { pseudonym } from '../../../shared/domain/dossier';
import type {
  AgendaItemView,
  AttendanceView,
  MeetingDetail,
  MeetingState,
  MeetingSummary,
  Person,
} from '../../../shared/contract/meetings';
import { MeetingState as MeetingStateSchema } from '../../../shared/contract/meetings';
import type { Role } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { all, exists, insert, one, run, value, values } from '../db/sql';
import { signalsFor } from '../agenda/signals';

/** SQL for meetings and their agenda. Reads return contract shapes; writes assume a transaction. */

export interface MeetingRow {
  id: number;
  date: string;
  time: string;
  place: string;
  chair_user_id: number | null;
  secretary_user_id: number | null;
  state: string;
  current_item_id: number | null;
  started_at: string | null;
  ended_at: string | null;
  version: number;
}

interface ItemRow {
  id: number;
  position: number;
  kind: string;
  dossier_id: number | null;
  dossier_number: string | null;
  dossier_name: string | null;
  title: string | null;
  reasons: string;
  planned_minutes: number;
  status: string;
  carried_from: string | null;
  note: string;
}

const Reasons = z.array(AgendaReason);

export function meetingRow(db: Db, id: number): MeetingRow {
  const row = one<MeetingRow>(db, 'SELECT * FROM meetings WHERE id = ?', id);
  if (!row) throw new AppError('NOT_FOUND', 'No such meeting');
  return row;
}

/** Refuses a change based on an outdated copy of the meeting. */
export function expectVersion(row: MeetingRow, version: number): void {
  if (row.version !== version)
    throw new AppError('CONFLICT', 'The meeting was changed by someone else', {
      info: { reason: 'stale_meeting', version: row.version },
    });
}

export function bumpVersion(db: Db, meetingId: number): void {
  run(db, 'UPDATE meetings SET version = version + 1 WHERE id = ?', meetingId);
}

export const stateOf = (row: MeetingRow): MeetingState => MeetingStateSchema.parse(row.state);

function person(db: Db, id: number | null): Person | null {
  if (id === null) return null;
  const r = one<{ id: number; display_name: string }>(
    db,
    'SELECT id, display_name FROM users WHERE id = ?',
    id,
  );
  return r ? { id: r.id, displayName: r.display_name } : null;
}

/** The label that may be shown anywhere: dossier number and initials, or the item's title. */
export function itemLabel(
  kind: AgendaItemKind,
  title: string | null,
  number: string | null,
  name: string | null,
): string {
  if (kind === 'dossier' && number !== null) return pseudonym(number, name ?? '');
  return title ?? agendaItemKindLabels[kind];
}

export function listItems(db: Db, meetingId: number): AgendaItemView[] {
  const rows = all<ItemRow>(
    db,
    `SELECT a.id, a.position, a.kind, a.dossier_id, d.number AS dossier_number, d.name AS dossier_name, a.title,
            a.reasons, a.planned_minutes, a.status, a.carried_from, a.note
       FROM agenda_items a LEFT JOIN dossiers d ON d.id = a.dossier_id
      WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    meetingId,
  );
  // Signals as the dossier is now, counted to the meeting's date (issue 11).
  const date = value<string>(db, 'SELECT date FROM meetings WHERE id = ?', meetingId) ?? '';
  const signals = signalsFor(
    db,
    rows.flatMap((r) => (r.dossier_id === null ? [] : [r.dossier_id])),
    date,
  );
  return rows.map((r) => {
    const kind = AgendaItemKind.parse(r.kind);
    return {
      id: r.id,
      position: r.position,
      kind,
      dossierId: r.dossier_id,
      dossierNumber: r.dossier_number,
      label: itemLabel(kind, r.title, r.dossier_number, r.dossier_name),
      title: r.title,
      reasons: Reasons.parse(JSON.parse(r.reasons)),
      signals: (r.dossier_id !== null && signals.get(r.dossier_id)) || [],
      plannedMinutes: r.planned_minutes,
      status: AgendaItemStatus.parse(r.status),
      carriedFrom: r.carried_from,
      note: r.note,
    };
  });
}

function attendance(db: Db, meetingId: number): AttendanceView[] {
  const rows = all<{ id: number; name: string; presence: string | null; names: string | null }>(
    db,
    `SELECT o.id, o.name, a.presence, a.names FROM organisations o
       LEFT JOIN attendance a ON a.organisation_id = o.id AND a.meeting_id = ?
      WHERE o.active = 1 OR a.presence IS NOT NULL ORDER BY o.sort_order, o.id`,
    meetingId,
  );
  return rows.map((r) => ({
    organisationId: r.id,
    organisationName: r.name,
    presence: r.presence === null ? null : Presence.parse(r.presence),
    names: r.names ?? '',
  }));
}

export function summaries(db: Db): MeetingSummary[] {
  const rows = all<MeetingRow & { item_count: number }>(
    db,
    `SELECT m.*, (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS item_count
       FROM meetings m ORDER BY m.date DESC, m.id DESC`,
  );
  return rows.map((r) => summary(db, r, r.item_count));
}

function summary(db: Db, r: MeetingRow, itemCount: number): MeetingSummary {
  return {
    id: r.id,
    date: r.date,
    time: r.time,
    place: r.place,
    state: stateOf(r),
    chair: person(db, r.chair_user_id),
    secretary: person(db, r.secretary_user_id),
    itemCount,
    version: r.version,
  };
}

export function detail(db: Db, id: number, cutoff: string): MeetingDetail {
  const r = meetingRow(db, id);
  const items = listItems(db, id);
  return {
    ...summary(db, r, items.length),
    startedAt: r.started_at,
    endedAt: r.ended_at,
    currentItemId: r.current_item_id,
    cutoff,
    attendance: attendance(db, id),
    items,
  };
}

export interface NewItem {
  kind: AgendaItemKind;
  dossierId: number | null;
  title: string | null;
  reasons: readonly AgendaReason[];
  plannedMinutes: number;
  carriedFrom: string | null;
}

export function insertItem(db: Db, meetingId: number, position: number, item: NewItem): number {
  return insert(
    db,
    `INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, title, reasons, planned_minutes, status, carried_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    meetingId,
    position,
    item.kind,
    item.dossierId,
    item.title,
    JSON.stringify(item.reasons),
    item.plannedMinutes,
    item.carriedFrom,
  );
}

/** Rewrites positions 1..n in the given order. */
export function renumber(db: Db, itemIds: readonly number[]): void {
  itemIds.forEach((id, i) => run(db, 'UPDATE agenda_items SET position = ? WHERE id = ?', i + 1, id));
}

export function itemIdsInOrder(db: Db, meetingId: number): number[] {
  return values<number>(
    db,
    'SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id',
    meetingId,
  );
}

export function itemOf(db: Db, meetingId: number, itemId: number): AgendaItemView {
  const item = listItems(db, meetingId).find((i) => i.id === itemId);
  if (!item)
    throw new AppError('NOT_FOUND', 'No such agenda item in this meeting', {
      fields: [{ path: 'itemId', code: 'unknown', message: 'Unknown agenda item' }],
    });
  return item;
}

// --- meetings --------------------------------------------------------------------------------------

/** The date of the latest meeting ever planned, or null when there is none. */
export function latestMeetingDate(db: Db): string | null {
  return value<string | null>(db, 'SELECT max(date) FROM meetings') ?? null;
}

/** The earliest meeting from `today` on that has not started, if any. */
export function nextUnstartedMeeting(db: Db, today: string): MeetingRow | undefined {
  return one<MeetingRow>(
    db,
    `SELECT * FROM meetings WHERE state IN ('gepland', 'in_voorbereiding') AND date >= ?
      ORDER BY date, time, id LIMIT 1`,
    today,
  );
}

export interface MeetingFields {
  date: string;
  time: string;
  place: string;
  chairUserId: number | null;
  secretaryUserId: number | null;
}

export function insertMeeting(db: Db, m: MeetingFields): number {
  return insert(
    db,
    'INSERT INTO meetings (date, time, place, chair_user_id, secretary_user_id) VALUES (?, ?, ?, ?, ?)',
    m.date,
    m.time,
    m.place,
    m.chairUserId,
    m.secretaryUserId,
  );
}

export function updateMeeting(db: Db, id: number, m: MeetingFields): void {
  run(
    db,
    'UPDATE meetings SET date = ?, time = ?, place = ?, chair_user_id = ?, secretary_user_id = ? WHERE id = ?',
    m.date,
    m.time,
    m.place,
    m.chairUserId,
    m.secretaryUserId,
    id,
  );
}

/** A planned meeting whose agenda was touched is in preparation. */
export function markInPreparation(db: Db, id: number): void {
  run(db, `UPDATE meetings SET state = 'in_voorbereiding' WHERE id = ?`, id);
}

/** Another meeting than this one that is running now, if any. */
export function otherRunningMeetingId(db: Db, exceptId: number): number | undefined {
  return value<number>(db, `SELECT id FROM meetings WHERE state = 'bezig' AND id <> ?`, exceptId);
}

/** The item shown on the screen of the running meeting: undefined with no meeting running. */
export function runningMeetingCurrentItem(db: Db): { current_item_id: number | null } | undefined {
  return one<{ current_item_id: number | null }>(
    db,
    `SELECT current_item_id FROM meetings WHERE state = 'bezig'`,
  );
}

export function markStarted(db: Db, id: number, at: string, firstItemId: number): void {
  run(
    db,
    `UPDATE meetings SET state = 'bezig', started_at = ?, current_item_id = ? WHERE id = ?`,
    at,
    firstItemId,
    id,
  );
}

export function markEnded(db: Db, id: number, at: string): void {
  run(
    db,
    `UPDATE meetings SET state = 'afgerond', ended_at = ?, current_item_id = NULL WHERE id = ?`,
    at,
    id,
  );
}

export function setCurrentItem(db: Db, meetingId: number, itemId: number): void {
  run(db, 'UPDATE meetings SET current_item_id = ? WHERE id = ?', itemId, meetingId);
}

// --- attendance ------------------------------------------------------------------------------------

export function setPresence(
  db: Db,
  meetingId: number,
  organisationId: number,
  presence: string | null,
): void {
  if (presence === null)
    run(db, 'DELETE FROM attendance WHERE meeting_id = ? AND organisation_id = ?', meetingId, organisationId);
  else
    run(
      db,
      `INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET presence = excluded.presence`,
      meetingId,
      organisationId,
      presence,
    );
}

/** The names present for an organisation; false when the organisation has no attendance recorded. */
export function setAttendanceNames(
  db: Db,
  meetingId: number,
  organisationId: number,
  names: string,
): boolean {
  return (
    db
      .prepare('UPDATE attendance SET names = ? WHERE meeting_id = ? AND organisation_id = ?')
      .run(names, meetingId, organisationId).changes > 0
  );
}

// --- agenda items ----------------------------------------------------------------------------------

export function setItemNote(db: Db, itemId: number, note: string): void {
  run(db, 'UPDATE agenda_items SET note = ? WHERE id = ?', note, itemId);
}

export function setItemStatus(db: Db, itemId: number, status: string): void {
  run(db, 'UPDATE agenda_items SET status = ? WHERE id = ?', status, itemId);
}

export function setItemReasons(
  db: Db,
  itemId: number,
  reasons: readonly AgendaReason[],
  carriedFrom: string | null,
): void {
  run(
    db,
    'UPDATE agenda_items SET reasons = ?, carried_from = ? WHERE id = ?',
    JSON.stringify(reasons),
    carriedFrom,
    itemId,
  );
}

export function setPlannedMinutes(db: Db, itemId: number, minutes: number): void {
  run(db, 'UPDATE agenda_items SET planned_minutes = ? WHERE id = ?', minutes, itemId);
}

/** Whether positions or decisions were recorded under the item (it then cannot be removed). */
export function itemHasWork(db: Db, itemId: number): boolean {
  return (
    exists(db, 'SELECT 1 FROM positions WHERE agenda_item_id = ? LIMIT 1', itemId) ||
    exists(db, 'SELECT 1 FROM decisions WHERE agenda_item_id = ? LIMIT 1', itemId)
  );
}

export function deleteItem(db: Db, itemId: number): void {
  run(db, 'DELETE FROM agenda_items WHERE id = ?', itemId);
}

// --- discussion requests ---------------------------------------------------------------------------

export interface DiscussionRequestRow {
  id: number;
  requested_at: string;
  late: number;
}

/** An organisation's earlier request to discuss this dossier at this meeting, if any. */
export function earlierRequest(
  db: Db,
  meetingId: number,
  dossierId: number,
  organisationId: number,
): DiscussionRequestRow | undefined {
  return one<DiscussionRequestRow>(
    db,
    `SELECT id, requested_at, late FROM discussion_requests
      WHERE meeting_id = ? AND dossier_id = ? AND organisation_id = ? ORDER BY requested_at LIMIT 1`,
    meetingId,
    dossierId,
    organisationId,
  );
}

export function insertRequest(
  db: Db,
  r: { meetingId: number; dossierId: number; organisationId: number; at: string; late: boolean },
): number {
  return insert(
    db,
    'INSERT INTO discussion_requests (meeting_id, dossier_id, organisation_id, requested_at, late) VALUES (?, ?, ?, ?, ?)',
    r.meetingId,
    r.dossierId,
    r.organisationId,
    r.at,
    r.late ? 1 : 0,
  );
}

// --- people ----------------------------------------------------------------------------------------

/** The users who may be named chair or secretary: not disabled, by display name. */
export function activeUsers(db: Db): { id: number; displayName: string; roles: Role[] }[] {
  return all<{ id: number; display_name: string; roles: string }>(
    db,
    'SELECT id, display_name, roles FROM users WHERE disabled = 0 ORDER BY display_name',
  ).map((r) => ({ id: r.id, displayName: r.display_name, roles: JSON.parse(r.roles) as Role[] }));
}

/** A user's roles, or undefined when the user does not exist or is disabled. */
export function enabledUserRoles(db: Db, id: number): Role[] | undefined {
  const r = one<{ roles: string; disabled: number }>(
    db,
    'SELECT roles, disabled FROM users WHERE id = ?',
    id,
  );
  return !r || r.disabled === 1 ? undefined : (JSON.parse(r.roles) as Role[]);
}

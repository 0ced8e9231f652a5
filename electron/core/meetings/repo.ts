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
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';

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
}

const Reasons = z.array(AgendaReason);

export function meetingRow(db: Db, id: number): MeetingRow {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
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
  db.prepare('UPDATE meetings SET version = version + 1 WHERE id = ?').run(meetingId);
}

export const stateOf = (row: MeetingRow): MeetingState => MeetingStateSchema.parse(row.state);

function person(db: Db, id: number | null): Person | null {
  if (id === null) return null;
  const r = db.prepare('SELECT id, display_name FROM users WHERE id = ?').get(id) as
    { id: number; display_name: string } | undefined;
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
  const rows = db
    .prepare(
      `SELECT a.id, a.position, a.kind, a.dossier_id, d.number AS dossier_number, d.name AS dossier_name, a.title,
              a.reasons, a.planned_minutes, a.status, a.carried_from
         FROM agenda_items a LEFT JOIN dossiers d ON d.id = a.dossier_id
        WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as ItemRow[];
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
      plannedMinutes: r.planned_minutes,
      status: AgendaItemStatus.parse(r.status),
      carriedFrom: r.carried_from,
    };
  });
}

function attendance(db: Db, meetingId: number): AttendanceView[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.name, a.presence FROM organisations o
         LEFT JOIN attendance a ON a.organisation_id = o.id AND a.meeting_id = ?
        WHERE o.active = 1 OR a.presence IS NOT NULL ORDER BY o.sort_order, o.id`,
    )
    .all(meetingId) as { id: number; name: string; presence: string | null }[];
  return rows.map((r) => ({
    organisationId: r.id,
    organisationName: r.name,
    presence: r.presence === null ? null : Presence.parse(r.presence),
  }));
}

export function summaries(db: Db): MeetingSummary[] {
  const rows = db
    .prepare(
      `SELECT m.*, (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS item_count
         FROM meetings m ORDER BY m.date DESC, m.id DESC`,
    )
    .all() as (MeetingRow & { item_count: number })[];
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
  return Number(
    db
      .prepare(
        `INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, title, reasons, planned_minutes, status, carried_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
      )
      .run(
        meetingId,
        position,
        item.kind,
        item.dossierId,
        item.title,
        JSON.stringify(item.reasons),
        item.plannedMinutes,
        item.carriedFrom,
      ).lastInsertRowid,
  );
}

/** Rewrites positions 1..n in the given order. */
export function renumber(db: Db, itemIds: readonly number[]): void {
  const set = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  itemIds.forEach((id, i) => set.run(i + 1, id));
}

export function itemIdsInOrder(db: Db, meetingId: number): number[] {
  return db
    .prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id')
    .pluck()
    .all(meetingId) as number[];
}

export function itemOf(db: Db, meetingId: number, itemId: number): AgendaItemView {
  const item = listItems(db, meetingId).find((i) => i.id === itemId);
  if (!item)
    throw new AppError('NOT_FOUND', 'No such agenda item in this meeting', {
      fields: [{ path: 'itemId', code: 'unknown', message: 'Unknown agenda item' }],
    });
  return item;
}

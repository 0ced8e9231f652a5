import type { Db } from '../db/open';
import { one } from '../db/sql';

/** The running meeting (state 'bezig') and its current item, if one runs. */
export function runningMeeting(
  db: Db,
): { id: number; date: string; state: string; current_item_id: number | null } | undefined {
  return one(
    db,
    `SELECT id, date, state, current_item_id FROM meetings WHERE state = 'bezig' ORDER BY date DESC, id DESC LIMIT 1`,
  );
}

/** A meeting's state, undefined when there is no such meeting. */
export function meetingState(db: Db, meetingId: number): string | undefined {
  return one<{ state: string }>(db, 'SELECT state FROM meetings WHERE id = ?', meetingId)?.state;
}

import type { Db } from '../db/open';

/**
 * Locks every decision of a meeting; called in the transaction that closes the meeting. Returns the
 * ids it locked (for that transaction's audit record). After this, a decision changes only after
 * `decisions.reopen` with a reason.
 */
export function lockMeetingDecisions(db: Db, meetingId: number): number[] {
  const ids = (
    db.prepare('SELECT id FROM decisions WHERE meeting_id = ? AND locked = 0').all(meetingId) as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (ids.length)
    db.prepare('UPDATE decisions SET locked = 1 WHERE meeting_id = ? AND locked = 0').run(meetingId);
  return ids;
}

import type { Db } from '../db/open';
import { value } from '../db/sql';

/** What a backup contains, counted in the backup's own copy of the database. */
export function contentCounts(db: Db): {
  dossiers: number;
  meetings: number;
  auditRecords: number;
  lastMeeting: string | null;
} {
  return {
    dossiers: value<number>(db, 'SELECT count(*) FROM dossiers') ?? 0,
    meetings: value<number>(db, 'SELECT count(*) FROM meetings') ?? 0,
    auditRecords: value<number>(db, 'SELECT count(*) FROM audit') ?? 0,
    lastMeeting: value<string | null>(db, `SELECT max(date) FROM meetings WHERE state = 'afgerond'`) ?? null,
  };
}

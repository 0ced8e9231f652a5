import type { Episode } from '../../../shared/contract/dossiers';
import { EndedBy, OutcomeCategory, Track } from '../../../shared/domain/dossier';
import type { Db } from '../db/open';
import type { DossierRow } from './dossier';

/* The outflow's own SQL: the outcome columns of a dossier and its earlier episodes. */

export interface OutcomeValues {
  status: string;
  outcome: string;
  subkind: string | null;
  permitGround: string | null;
  mobReason: string | null;
  country: string | null;
  detail: string | null;
  endedBy: string;
  date: string;
}

export function writeOutcome(db: Db, id: number, o: OutcomeValues, now: string): void {
  db.prepare(
    `UPDATE dossiers SET status = @status, outcome = @outcome, outcome_subkind = @subkind, outcome_detail = @detail,
       outcome_ground = @permitGround, outcome_reason = @mobReason, outcome_country = @country, ended_by = @endedBy,
       outflow_date = @date, version = version + 1, updated_at = @now WHERE id = @id`,
  ).run({
    status: o.status,
    outcome: o.outcome,
    subkind: o.subkind,
    detail: o.detail,
    permitGround: o.permitGround,
    mobReason: o.mobReason,
    country: o.country,
    endedBy: o.endedBy,
    date: o.date,
    now,
    id,
  });
}

/** The status the dossier had before it reached `status` (for a reopen), or undefined. */
export function statusBefore(db: Db, dossierId: number, status: string): string | null | undefined {
  const row = db
    .prepare(
      `SELECT from_value FROM dossier_history WHERE dossier_id = ? AND field = 'status' AND to_value = ?
        ORDER BY id DESC LIMIT 1`,
    )
    .get(dossierId, status) as { from_value: string | null } | undefined;
  return row?.from_value;
}

export function clearOutcome(db: Db, id: number, status: string, now: string): void {
  db.prepare(
    `UPDATE dossiers SET status = ?, outcome = NULL, outcome_subkind = NULL, outcome_detail = NULL, ended_by = NULL,
       outflow_date = NULL, outcome_ground = NULL, outcome_reason = NULL, outcome_country = NULL,
       version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(status, now, id);
}

/** Keeps the dossier's current outcome as an earlier episode, before a reopen clears it. */
export function keepEpisode(
  db: Db,
  row: DossierRow,
  facts: { at: string; userId: number; reason: string },
): void {
  db.prepare(
    `INSERT INTO dossier_episodes (dossier_id, outcome, outcome_subkind, outcome_ground, outcome_reason, outcome_country,
       outcome_detail, ended_by, outflow_date, track, reopened_at, reopen_reason, reopened_by)
     SELECT id, outcome, outcome_subkind, outcome_ground, outcome_reason, outcome_country, outcome_detail, ended_by,
            outflow_date, track, ?, ?, ? FROM dossiers WHERE id = ?`,
  ).run(facts.at, facts.reason, facts.userId, row.id);
}

export function episodesOf(db: Db, dossierId: number): Episode[] {
  const rows = db
    .prepare(
      `SELECT id, outcome, outcome_subkind, outcome_ground, outcome_reason, outcome_country, outcome_detail, ended_by,
              outflow_date, track, reopened_at, reopen_reason
         FROM dossier_episodes WHERE dossier_id = ? ORDER BY id`,
    )
    .all(dossierId) as {
    id: number;
    outcome: string | null;
    outcome_subkind: string | null;
    outcome_ground: string | null;
    outcome_reason: string | null;
    outcome_country: string | null;
    outcome_detail: string | null;
    ended_by: string | null;
    outflow_date: string | null;
    track: string;
    reopened_at: string;
    reopen_reason: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    outcome: OutcomeCategory.safeParse(r.outcome).data ?? null,
    outcomeSubkind: r.outcome_subkind,
    permitGround: r.outcome_ground,
    mobReason: r.outcome_reason,
    country: r.outcome_country,
    detail: r.outcome_detail,
    endedBy: EndedBy.safeParse(r.ended_by).data ?? null,
    outflowDate: r.outflow_date,
    track: Track.parse(r.track),
    reopenedAt: r.reopened_at,
    reopenReason: r.reopen_reason,
  }));
}

import type { Db } from '../db/open';

/*
 * The monitoring queries. Every query takes the same period and track and works on one definition of
 * the population (the CTE below), so the tables add up:
 *
 * - in the population: referred on or before the period's last day, and not left before its first
 *   day (a dossier that came in after the period does not count; one that left before it neither);
 * - left in the period: finished (uitgestroomd/gesloten) with an outflow date on or before the last
 *   day — the last day counts. A finished dossier without an outflow date (onvolledig) counts as left
 *   in every period it is in, until someone completes it;
 * - everyone else in the population is "nog in begeleiding" at the end of the period, including
 *   those who left after it.
 *
 * Only counts and durations leave these queries: no name, V-nummer or dossier number.
 */

export interface Period {
  from: string;
  to: string;
  track: string;
}

const population = /* sql */ `
WITH p AS (
  SELECT track, status, outcome, outcome_subkind, outcome_ground, ended_by, outflow_date, target_date,
         coalesce(intake_date, referred_at) AS start, stuck, stuck_reason_code,
         CASE WHEN status IN ('uitgestroomd', 'gesloten') AND (outflow_date IS NULL OR outflow_date <= @to)
              THEN 1 ELSE 0 END AS gone
    FROM dossiers
   WHERE referred_at <= @to
     AND (outflow_date IS NULL OR outflow_date >= @from)
     AND (@track = 'alle' OR track = @track)
)`;

export interface OutcomeGroup {
  gone: number;
  outcome: string | null;
  subkind: string | null;
  ground: string | null;
  n: number;
}

export function outcomeGroups(db: Db, q: Period): OutcomeGroup[] {
  return db
    .prepare(
      `${population}
       SELECT gone, outcome, outcome_subkind AS subkind, outcome_ground AS ground, count(*) AS n
         FROM p GROUP BY gone, outcome, outcome_subkind, outcome_ground`,
    )
    .all(q) as OutcomeGroup[];
}

export interface DurationRow {
  gone: number;
  days: number;
  /** Outflow on or before the target date (null when either is missing). */
  inTerm: number | null;
  start: string;
  outflow: string | null;
}

/** Per dossier in the population: days from the start (intake, else referral) to outflow, or to the period's end. */
export function durations(db: Db, q: Period): DurationRow[] {
  return db
    .prepare(
      `${population}
       SELECT gone,
              julianday(CASE WHEN gone = 1 THEN coalesce(outflow_date, @to) ELSE @to END) - julianday(start) AS days,
              CASE WHEN gone = 1 AND outflow_date IS NOT NULL AND target_date IS NOT NULL
                   THEN outflow_date <= target_date END AS inTerm,
              start, CASE WHEN gone = 1 THEN outflow_date END AS outflow
         FROM p WHERE start <= @to`,
    )
    .all(q) as DurationRow[];
}

const quarterOf = (col: string) =>
  `substr(${col}, 1, 4) || '-K' || ((CAST(substr(${col}, 6, 2) AS INTEGER) + 2) / 3)`;

/** Referrals per quarter within the period. */
export function inflowByQuarter(db: Db, q: Period): { quarter: string; n: number }[] {
  return db
    .prepare(
      `SELECT ${quarterOf('referred_at')} AS quarter, count(*) AS n FROM dossiers
        WHERE referred_at BETWEEN @from AND @to AND (@track = 'alle' OR track = @track)
        GROUP BY quarter`,
    )
    .all(q) as { quarter: string; n: number }[];
}

/** Outflow per quarter within the period: current outcomes and earlier episodes (a reopen keeps them). */
export function outflowByQuarter(db: Db, q: Period): { quarter: string; n: number }[] {
  return db
    .prepare(
      `SELECT quarter, sum(n) AS n FROM (
         SELECT ${quarterOf('outflow_date')} AS quarter, count(*) AS n FROM dossiers
          WHERE outflow_date BETWEEN @from AND @to AND status IN ('uitgestroomd', 'gesloten')
            AND (@track = 'alle' OR track = @track) GROUP BY quarter
         UNION ALL
         SELECT ${quarterOf('outflow_date')} AS quarter, count(*) AS n FROM dossier_episodes
          WHERE outflow_date BETWEEN @from AND @to AND (@track = 'alle' OR track = @track) GROUP BY quarter)
        GROUP BY quarter`,
    )
    .all(q) as { quarter: string; n: number }[];
}

export function outcomeByTrack(
  db: Db,
  q: Period,
): { track: string; gone: number; outcome: string | null; n: number }[] {
  return db
    .prepare(`${population} SELECT track, gone, outcome, count(*) AS n FROM p GROUP BY track, gone, outcome`)
    .all(q) as { track: string; gone: number; outcome: string | null; n: number }[];
}

export function endedByGroups(db: Db, q: Period): { endedBy: string | null; mob: number; n: number }[] {
  return db
    .prepare(
      `${population} SELECT ended_by AS endedBy, outcome = 'MOB' AS mob, count(*) AS n FROM p WHERE gone = 1
        GROUP BY ended_by, outcome = 'MOB'`,
    )
    .all(q) as { endedBy: string | null; mob: number; n: number }[];
}

/** Open dossiers flagged stuck now, by the pick-list reason (null: not chosen). */
export function stuckByReason(db: Db, track: string): { code: string | null; n: number }[] {
  return db
    .prepare(
      `SELECT stuck_reason_code AS code, count(*) AS n FROM dossiers
        WHERE stuck = 1 AND status NOT IN ('uitgestroomd', 'gesloten') AND (@track = 'alle' OR track = @track)
        GROUP BY stuck_reason_code`,
    )
    .all({ track }) as { code: string | null; n: number }[];
}

/** Escalations not yet returned, by the body they were put to. */
export function openEscalations(db: Db, track: string): { body: string; n: number; oldest: string }[] {
  return db
    .prepare(
      `SELECT e.body, count(*) AS n, min(e.created_at) AS oldest FROM escalations e JOIN dossiers d ON d.id = e.dossier_id
        WHERE e.returned_at IS NULL AND (@track = 'alle' OR d.track = @track)
        GROUP BY e.body ORDER BY n DESC, e.body`,
    )
    .all({ track }) as { body: string; n: number; oldest: string }[];
}

/** Open actions past their due date, per organisation. */
export function overdueActions(db: Db, today: string, track: string): { organisation: string; n: number }[] {
  return db
    .prepare(
      `SELECT o.name AS organisation, count(*) AS n FROM actions a JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN dossiers d ON d.id = a.dossier_id
        WHERE a.status = 'open' AND a.due_date < @today AND (@track = 'alle' OR d.track = @track)
        GROUP BY o.id ORDER BY n DESC, o.name`,
    )
    .all({ today, track }) as { organisation: string; n: number }[];
}

export interface PeriodRecord {
  id: number;
  v_number: string | null;
  number: string;
  track: string;
  status: string;
  referred_at: string;
  intake_date: string | null;
  outcome: string | null;
  outcome_subkind: string | null;
  outcome_ground: string | null;
  outcome_country: string | null;
  outcome_reason: string | null;
  ended_by: string | null;
  outflow_date: string | null;
  gone: number;
}

/**
 * The one query that reads V-nummers: the record-level export (beheerder only, audited). Same
 * population and edges as the counts, so its rows add up to the reports' tables.
 */
export function periodRecords(db: Db, q: Period): PeriodRecord[] {
  return db
    .prepare(
      `SELECT id, v_number, number, track, status, referred_at, intake_date, outcome, outcome_subkind,
              outcome_ground, outcome_country, outcome_reason, ended_by, outflow_date,
              CASE WHEN status IN ('uitgestroomd', 'gesloten') AND (outflow_date IS NULL OR outflow_date <= @to)
                   THEN 1 ELSE 0 END AS gone
         FROM dossiers
        WHERE referred_at <= @to
          AND (outflow_date IS NULL OR outflow_date >= @from)
          AND (@track = 'alle' OR track = @track)
        ORDER BY number`,
    )
    .all(q) as PeriodRecord[];
}

import type { MonitoringReport, OutcomeRow, ReportQuery, TrackRow } from '../../../shared/contract/reports';
import { addMonths } from '../../../shared/domain/dates';
import {
  endedByValues,
  outcomeCategories,
  outcomeSubkinds,
  permitGrounds,
  tracks,
  type OutcomeCategory,
} from '../../../shared/domain/dossier';
import type { Db } from '../db/open';
import { getSetting } from '../settings/settings';
import {
  durations,
  endedByGroups,
  inflowByQuarter,
  openEscalations,
  outcomeByTrack,
  outcomeGroups,
  outflowByQuarter,
  overdueActions,
  stuckByReason,
  type Period,
} from './repo';

/*
 * The monitoring reports, assembled from the repository's counts (reports/repo.ts defines the
 * population and the period edges). Each part is its own function so the benchmark can time it, and
 * the exports (CSV, XLSX, DOCX, CLI) all start from the one MonitoringReport.
 */

/** Average month length, so "6 months" means the same for every dossier in mean and median. */
const DAYS_PER_MONTH = 365.25 / 12;
const share = (n: number, of: number): number | null => (of > 0 ? n / of : null);

/** The evaluation's outcome table: totals, nog in begeleiding, then each category with its sub-rows. */
export function outcomeTable(db: Db, q: Period): { rows: OutcomeRow[]; population: number; left: number } {
  const groups = outcomeGroups(db, q);
  const population = groups.reduce((s, g) => s + g.n, 0);
  const left = groups.filter((g) => g.gone === 1).reduce((s, g) => s + g.n, 0);
  const gone = groups.filter((g) => g.gone === 1);
  const count = (pred: (g: (typeof gone)[number]) => boolean) =>
    gone.filter(pred).reduce((s, g) => s + g.n, 0);
  const rows: OutcomeRow[] = [];
  const row = (code: string, level: OutcomeRow['level'], n: number, ofLeft = true) =>
    rows.push({
      code,
      level,
      n,
      shareOfAll: share(n, population),
      shareOfLeft: ofLeft ? share(n, left) : null,
    });
  row('totaal', 'total', population, false);
  row('in_begeleiding', 'category', population - left, false);
  row('uitgestroomd', 'total', left);
  for (const c of outcomeCategories) {
    const inCat = (g: (typeof gone)[number]) => g.outcome === c;
    row(c, 'category', count(inCat));
    const subs: string[] =
      c === 'VERBLIJFSVERGUNNING' ? [...permitGrounds] : Object.keys(outcomeSubkinds[c as OutcomeCategory]);
    const subOf = (g: (typeof gone)[number]) => (c === 'VERBLIJFSVERGUNNING' ? g.ground : g.subkind);
    for (const s of subs)
      row(
        `${c}.${s}`,
        'sub',
        count((g) => inCat(g) && subOf(g) === s),
      );
    if (subs.length) {
      // MOB without "vertrek zonder toezicht" is ordinary MOB; elsewhere a missing sub-kind is onvolledig.
      const rest = count((g) => inCat(g) && !subs.includes(subOf(g) ?? ''));
      if (c === 'MOB') row('MOB.overig', 'sub', rest);
      else if (rest > 0) row(`${c}.onbekend`, 'sub', rest);
    }
  }
  const unknown = count(
    (g) => g.outcome === null || !(outcomeCategories as readonly string[]).includes(g.outcome),
  );
  row('ONVOLLEDIG', 'category', unknown);
  return { rows, population, left };
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function durationReport(db: Db, q: Period): MonitoringReport['duration'] {
  const rows = durations(db, q);
  const leftRows = rows.filter((r) => r.gone === 1);
  const months = (rs: typeof rows) => rs.map((r) => r.days / DAYS_PER_MONTH);
  const stat = (rs: typeof rows) => ({
    n: rs.length,
    meanMonths: mean(months(rs)),
    medianMonths: median(months(rs)),
  });
  const dated = leftRows.filter((r) => r.outflow !== null);
  const within = [6, 12, 18].map((m) => {
    const n = dated.filter((r) => r.outflow! <= addMonths(r.start, m)).length;
    return { months: m, n, share: share(n, dated.length) };
  });
  const withTarget = leftRows.filter((r) => r.inTerm !== null);
  const inTerm = withTarget.filter((r) => r.inTerm === 1).length;
  return {
    // An outflow without a date (onvolledig) has no duration: it is left out here, counted in the table.
    left: stat(dated),
    stillIn: stat(rows.filter((r) => r.gone === 0)),
    within,
    withinTerm: { n: inTerm, of: withTarget.length, share: share(inTerm, withTarget.length) },
  };
}

/** Every quarter that overlaps the period, in order, with its inflow and outflow (zeros included). */
export function flowReport(db: Db, q: Period): MonitoringReport['flow'] {
  const inflow = new Map(inflowByQuarter(db, q).map((r) => [r.quarter, r.n]));
  const outflow = new Map(outflowByQuarter(db, q).map((r) => [r.quarter, r.n]));
  const out: MonitoringReport['flow'] = [];
  let y = Number(q.from.slice(0, 4));
  let k = Math.floor((Number(q.from.slice(5, 7)) - 1) / 3) + 1;
  const endY = Number(q.to.slice(0, 4));
  const endK = Math.floor((Number(q.to.slice(5, 7)) - 1) / 3) + 1;
  while (y < endY || (y === endY && k <= endK)) {
    const quarter = `${y}-K${k}`;
    out.push({ quarter, inflow: inflow.get(quarter) ?? 0, outflow: outflow.get(quarter) ?? 0 });
    if (++k > 4) [y, k] = [y + 1, 1];
  }
  return out;
}

export function trackReport(db: Db, q: Period): TrackRow[] {
  const groups = outcomeByTrack(db, q);
  return tracks
    .map((track) => {
      const mine = groups.filter((g) => g.track === track);
      const n = (pred: (g: (typeof mine)[number]) => boolean) =>
        mine.filter(pred).reduce((s, g) => s + g.n, 0);
      return {
        track,
        inBegeleiding: n((g) => g.gone === 0),
        TERUGKEER: n((g) => g.gone === 1 && g.outcome === 'TERUGKEER'),
        VERBLIJFSVERGUNNING: n((g) => g.gone === 1 && g.outcome === 'VERBLIJFSVERGUNNING'),
        DOORMIGRATIE: n((g) => g.gone === 1 && g.outcome === 'DOORMIGRATIE'),
        MOB: n((g) => g.gone === 1 && g.outcome === 'MOB'),
        OVERIG: n((g) => g.gone === 1 && g.outcome === 'OVERIG'),
        ONVOLLEDIG: n(
          (g) => g.gone === 1 && !(outcomeCategories as readonly (string | null)[]).includes(g.outcome),
        ),
      };
    })
    .filter((r) => q.track === 'alle' || r.track === q.track);
}

export function endedByReport(
  db: Db,
  q: Period,
): { all: MonitoringReport['endedBy']; mob: MonitoringReport['endedBy'] } {
  const groups = endedByGroups(db, q);
  const codes = [...endedByValues, 'niet_vastgelegd'];
  const tally = (mobOnly: boolean) =>
    codes.map((code) => ({
      code,
      n: groups
        .filter((g) => (g.endedBy ?? 'niet_vastgelegd') === code && (!mobOnly || g.mob === 1))
        .reduce((s, g) => s + g.n, 0),
    }));
  return { all: tally(false), mob: tally(true) };
}

export function stuckReport(db: Db, track: string): MonitoringReport['stuck'] {
  return stuckByReason(db, track)
    .map((r) => ({ code: r.code ?? 'niet_gekozen', n: r.n }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
}

export function monitoringReport(db: Db, query: ReportQuery, today: string): MonitoringReport {
  const q: Period = { from: query.from, to: query.to, track: query.track };
  const table = outcomeTable(db, q);
  const ended = endedByReport(db, q);
  return {
    query: q,
    today,
    termMonths: getSetting(db, 'term_months'),
    population: table.population,
    left: table.left,
    outcomes: table.rows,
    duration: durationReport(db, q),
    flow: flowReport(db, q),
    byTrack: trackReport(db, q),
    endedBy: ended.all,
    endedByMob: ended.mob,
    stuck: stuckReport(db, q.track),
    escalations: openEscalations(db, q.track),
    overdueActions: overdueActions(db, today, q.track),
  };
}

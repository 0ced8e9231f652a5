import type { MonitoringReport, ReportName } from '../../../shared/contract/reports';

/*
 * The reports as CSV (RFC 4180: comma, CRLF, quotes doubled), one file per report, with the codes of
 * shared/domain in the first column so tables from several cities can be combined by code. Shares are
 * decimal fractions with a dot (0.125), not formatted percentages, so a spreadsheet can compute with them.
 */

export type Cell = string | number | null;

export interface ReportTable {
  header: string[];
  rows: Cell[][];
}

const csv = (header: string[], rows: Cell[][]): ReportTable => ({ header, rows });

/** A report table as CSV text. */
export function toCsv({ header, rows }: ReportTable): string {
  const cell = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export { reportNames, type ReportName } from '../../../shared/contract/reports';

/** One report as a table: the header and rows that the CSV and the XLSX sheet both hold. */
export function reportTable(r: MonitoringReport, name: ReportName): ReportTable {
  switch (name) {
    case 'uitkomsten':
      return csv(
        ['code', 'niveau', 'n', 'aandeel_van_allen', 'aandeel_van_uitgestroomden'],
        r.outcomes.map((o) => [o.code, o.level, o.n, o.shareOfAll, o.shareOfLeft]),
      );
    case 'doorlooptijd':
      return csv(
        ['groep', 'n', 'gemiddeld_maanden', 'mediaan_maanden', 'aandeel'],
        [
          ['uitgestroomd', r.duration.left.n, r.duration.left.meanMonths, r.duration.left.medianMonths, null],
          [
            'in_begeleiding',
            r.duration.stillIn.n,
            r.duration.stillIn.meanMonths,
            r.duration.stillIn.medianMonths,
            null,
          ],
          ...r.duration.within.map((w): Cell[] => [`binnen_${w.months}_maanden`, w.n, null, null, w.share]),
          ['binnen_termijn', r.duration.withinTerm.n, null, null, r.duration.withinTerm.share],
        ],
      );
    case 'kwartalen':
      return csv(
        ['kwartaal', 'instroom', 'uitstroom'],
        r.flow.map((q) => [q.quarter, q.inflow, q.outflow]),
      );
    case 'traject':
      return csv(
        [
          'traject',
          'in_begeleiding',
          'TERUGKEER',
          'VERBLIJFSVERGUNNING',
          'DOORMIGRATIE',
          'MOB',
          'OVERIG',
          'ONVOLLEDIG',
        ],
        r.byTrack.map((t) => [
          t.track,
          t.inBegeleiding,
          t.TERUGKEER,
          t.VERBLIJFSVERGUNNING,
          t.DOORMIGRATIE,
          t.MOB,
          t.OVERIG,
          t.ONVOLLEDIG,
        ]),
      );
    case 'beeindigd_door':
      return csv(
        ['beeindigd_door', 'n', 'n_mob'],
        r.endedBy.map((e, i) => [e.code, e.n, r.endedByMob[i]?.n ?? 0]),
      );
    case 'vastgelopen':
      return csv(
        ['reden', 'n'],
        r.stuck.map((s) => [s.code, s.n]),
      );
    case 'escalaties':
      return csv(
        ['voorgelegd_aan', 'n', 'oudste'],
        r.escalations.map((e) => [e.body, e.n, e.oldest]),
      );
    case 'acties_verlopen':
      return csv(
        ['organisatie', 'n'],
        r.overdueActions.map((a) => [a.organisation, a.n]),
      );
  }
}

export const reportCsv = (r: MonitoringReport, name: ReportName): string => toCsv(reportTable(r, name));

/** The CLI's JSON for `report outcomes`: one row per category and sub-kind with its code and n. */
export const outcomesJson = (r: MonitoringReport) => ({
  period: { from: r.query.from, to: r.query.to, track: r.query.track },
  rows: r.outcomes
    .filter((o) => o.code !== 'totaal' && o.code !== 'uitgestroomd')
    .map((o) => ({ code: o.code, n: o.n })),
});

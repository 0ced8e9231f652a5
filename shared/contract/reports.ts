import { z } from 'zod';
import { IsoDate } from '../domain/dates';
import { Track } from '../domain/dossier';
import { allow, method } from './define';

/*
 * Monitoring (issue 12): what the gemeente, its koepel and the ministry ask, computed in the backend
 * over the whole register. Pseudonymised by construction: only counts, shares and organisation names
 * leave the backend, never a name, V-nummer or dossier number. The same numbers feed the screen, the
 * CSV/XLSX/DOCX exports and the CLI.
 */

export const ReportQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** All dossiers, or those whose (last) track is this one. */
    track: z.union([Track, z.literal('alle')]).default('alle'),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_end_before_start' });
  });
export type ReportQuery = z.output<typeof ReportQuery>;
export type ReportQueryInput = z.input<typeof ReportQuery>;

/** One row of the evaluation's outcome table: a category ("MOB") or a sub-row ("MOB.vertrek_zonder_toezicht"). */
export const OutcomeRow = z.object({
  code: z.string(),
  level: z.enum(['total', 'category', 'sub']),
  n: z.number().int(),
  /** Share of everyone in the period's population (0..1). */
  shareOfAll: z.number().nullable(),
  /** Share of those who left in the period (0..1); null for "nog in begeleiding". */
  shareOfLeft: z.number().nullable(),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

const Stat = z.object({
  n: z.number().int(),
  meanMonths: z.number().nullable(),
  medianMonths: z.number().nullable(),
});

export const DurationReport = z.object({
  left: Stat,
  stillIn: Stat,
  /** Of those who left: how many within 6, 12 and 18 months of the start, and within their target date. */
  within: z.array(z.object({ months: z.number().int(), n: z.number().int(), share: z.number().nullable() })),
  withinTerm: z.object({ n: z.number().int(), of: z.number().int(), share: z.number().nullable() }),
});
export type DurationReport = z.infer<typeof DurationReport>;

export const QuarterRow = z.object({
  quarter: z.string(),
  inflow: z.number().int(),
  outflow: z.number().int(),
});
export type QuarterRow = z.infer<typeof QuarterRow>;

/** Per track: those still in, and those who left by category. */
export const TrackRow = z.object({
  track: Track,
  inBegeleiding: z.number().int(),
  TERUGKEER: z.number().int(),
  VERBLIJFSVERGUNNING: z.number().int(),
  DOORMIGRATIE: z.number().int(),
  MOB: z.number().int(),
  OVERIG: z.number().int(),
  ONVOLLEDIG: z.number().int(),
});
export type TrackRow = z.infer<typeof TrackRow>;

export const CountRow = z.object({ code: z.string(), n: z.number().int() });
export type CountRow = z.infer<typeof CountRow>;

export const MonitoringReport = z.object({
  query: z.object({ from: IsoDate, to: IsoDate, track: z.string() }),
  /** The day the state-of-now reports (stuck, escalations, overdue actions) were taken. */
  today: IsoDate,
  termMonths: z.number().int(),
  population: z.number().int(),
  left: z.number().int(),
  outcomes: z.array(OutcomeRow),
  duration: DurationReport,
  flow: z.array(QuarterRow),
  byTrack: z.array(TrackRow),
  endedBy: z.array(CountRow),
  endedByMob: z.array(CountRow),
  stuck: z.array(CountRow),
  escalations: z.array(z.object({ body: z.string(), n: z.number().int(), oldest: z.string() })),
  overdueActions: z.array(z.object({ organisation: z.string(), n: z.number().int() })),
});
export type MonitoringReport = z.infer<typeof MonitoringReport>;

/** The reports' names in the exports (CSV file, XLSX sheet), in the screen's order. */
export const reportNames = [
  'uitkomsten',
  'doorlooptijd',
  'kwartalen',
  'traject',
  'beeindigd_door',
  'vastgelopen',
  'escalaties',
  'acties_verlopen',
] as const;
export const ReportName = z.enum(reportNames);
export type ReportName = z.infer<typeof ReportName>;

/**
 * An export of the same numbers: one report as CSV or XLSX, or all of them (no `report`) as XLSX or as
 * the DOCX "monitoringsrapportage". Aggregated like the screen, so the same roles may have it.
 */
export const ReportExportInput = z
  .object({
    from: IsoDate,
    to: IsoDate,
    track: z.union([Track, z.literal('alle')]).default('alle'),
    format: z.enum(['csv', 'xlsx', 'docx']),
    report: ReportName.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_end_before_start' });
    if (q.format === 'csv' && !q.report)
      ctx.addIssue({ code: 'custom', path: ['report'], message: 'required' });
    if (q.format === 'docx' && q.report)
      ctx.addIssue({ code: 'custom', path: ['report'], message: 'docx_is_all' });
  });
export type ReportExportInput = z.input<typeof ReportExportInput>;

export const ReportFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type ReportFile = z.infer<typeof ReportFile>;

/**
 * The record-level export's columns, one row per dossier of the period's population (the reports'
 * definition), keyed by V-nummer for linking with IND and DT&V registrations; codes of shared/domain,
 * dates as YYYY-MM-DD, 1/0 for yes/no. No name or other personal detail beyond the key.
 */
export const recordColumns = [
  'v_nummer',
  'dossiernummer',
  'traject',
  'status',
  'aangemeld',
  'intake',
  'uitkomst',
  'vorm_of_grond',
  'land',
  'reden_mob',
  'beeindigd_door',
  'uitstroomdatum',
  'uitgestroomd_in_periode',
  'onvolledig',
] as const;

export const RecordExportInput = z
  .object({
    from: IsoDate,
    to: IsoDate,
    track: z.union([Track, z.literal('alle')]).default('alle'),
    format: z.enum(['csv', 'xlsx']),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period_end_before_start' });
  });
export type RecordExportInput = z.input<typeof RecordExportInput>;

export const reportMethods = {
  'reports.monitoring': method({
    input: ReportQuery,
    output: MonitoringReport,
    access: allow('reports.read'),
  }),
  'reports.export': method({
    input: ReportExportInput,
    output: ReportFile,
    access: allow('reports.read'),
  }),
  /** V-nummers leave the system: the beheerder only, and every export is audited. */
  'reports.records': method({
    input: RecordExportInput,
    output: ReportFile.extend({ count: z.number().int() }),
    access: allow('reports.records'),
  }),
} as const;

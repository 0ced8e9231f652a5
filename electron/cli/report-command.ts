/**
 * The command line's `report outcomes`: the monitoring's outcome table over a period, through the same
 * method as the reports screen (reports.monitoring, with its permissions), as JSON (one row per
 * category and sub-kind with its code and n, and `in_begeleiding`) or CSV, to stdout or a file
 * (written atomically); XLSX holds every report, a sheet each; DOCX is the monitoringsrapportage (every
 * table, with the definitions). Both binary formats come from reports.export, the screen's downloads.
 */
import path from 'node:path';
import type { Api } from '../../shared/contract/index';
import { isIsoDate } from '../../shared/domain/dates';
import type { Session } from '../../shared/domain/roles';
import { outcomesJson, reportCsv } from '../core/reports/csv';
import { writeFileAtomic } from '../core/storage/atomic';
import { CliError, refusal } from './open';

export interface ReportOptions {
  from: string;
  to: string;
  format: 'json' | 'csv' | 'xlsx' | 'docx';
  out?: string | undefined;
  cwd: string;
}

/** Checks the options before anything is opened. */
export function parseReportOptions(values: {
  from?: string | undefined;
  to?: string | undefined;
  format?: string | undefined;
}): { from: string; to: string; format: 'json' | 'csv' | 'xlsx' | 'docx' } {
  const { from, to } = values;
  if (!from || !isIsoDate(from)) throw new CliError('--from YYYY-MM-DD is required');
  if (!to || !isIsoDate(to)) throw new CliError('--to YYYY-MM-DD is required');
  if (to < from) throw new CliError('--to is before --from');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx' && format !== 'docx')
    throw new CliError('--format must be json, csv, xlsx or docx');
  return { from, to, format };
}

/** Returns what to print. */
export async function reportCommand(api: Api, session: Session, opts: ReportOptions): Promise<string> {
  try {
    if (opts.format === 'xlsx' || opts.format === 'docx') {
      // Every report in one file (XLSX: the outcome table first); a binary file is never printed.
      const file = await api['reports.export']({ from: opts.from, to: opts.to, format: opts.format });
      const target = path.resolve(opts.cwd, opts.out ?? `monitoring-${opts.from}-${opts.to}.${opts.format}`);
      writeFileAtomic(target, Buffer.from(file.base64, 'base64'), 0o600);
      return `Rapportages (${opts.format.toUpperCase()}) geschreven naar ${target}\n`;
    }
    const report = await api['reports.monitoring']({ from: opts.from, to: opts.to });
    const text =
      opts.format === 'json'
        ? `${JSON.stringify(outcomesJson(report), null, 2)}\n`
        : reportCsv(report, 'uitkomsten');
    if (!opts.out) return text;
    writeFileAtomic(path.resolve(opts.cwd, opts.out), text, 0o600);
    return `Uitkomsten geschreven naar ${opts.out}\n`;
  } catch (e) {
    throw refusal(e, session, 'this account may not read the reports');
  }
}

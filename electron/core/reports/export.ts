import type { ReportExportInput, ReportFile } from '../../../shared/contract/reports';
import { docxStyle } from '../../../shared/theme/docx';
import type { Db } from '../db/open';
import { getSetting } from '../settings/settings';
import { monitoringReport } from './compute';
import { reportCsv } from './csv';
import { reportsDocx } from './docx';
import { reportsXlsx } from './xlsx';

/*
 * The reports as a file to download or write: the screen's buttons and the CLI both come here, so
 * the exported numbers are the API's numbers. The file name carries the period (and the report).
 */

const mime = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export async function exportReports(
  db: Db,
  input: Required<Omit<ReportExportInput, 'report'>> & Pick<ReportExportInput, 'report'>,
  today: string,
): Promise<ReportFile> {
  const r = monitoringReport(db, { from: input.from, to: input.to, track: input.track }, today);
  const track = input.track === 'alle' ? '' : `-${input.track}`;
  const stem = `${input.report ?? 'monitoringsrapportage'}-${input.from}-${input.to}${track}`;
  const bytes =
    input.format === 'csv'
      ? Buffer.from(reportCsv(r, input.report ?? 'uitkomsten'), 'utf8')
      : input.format === 'xlsx'
        ? await reportsXlsx(r, input.report ? [input.report] : undefined)
        : await reportsDocx(r, getSetting(db, 'city'), docxStyle(getSetting(db, 'theme')));
  return {
    fileName: `${stem}.${input.format}`,
    mimeType: mime[input.format],
    base64: bytes.toString('base64'),
  };
}

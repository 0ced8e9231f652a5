import ExcelJS from 'exceljs';
import type { MonitoringReport } from '../../../shared/contract/reports';
import { reportNames, reportTable, type ReportName, type ReportTable } from './csv';

/*
 * All reports as one XLSX workbook (ExcelJS, the same package the register import uses): a sheet per
 * report with the same header and rows as its CSV, the outcome table first; numbers stay numbers.
 */
export async function reportsXlsx(
  r: MonitoringReport,
  names: readonly ReportName[] = reportNames,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LVV Overleg';
  for (const name of names) {
    const { header, rows } = reportTable(r, name);
    const sheet = wb.addWorksheet(name);
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((c) => c ?? ''));
  }
  const info = wb.addWorksheet('periode');
  info.addRow(['van', r.query.from]);
  info.addRow(['tot_en_met', r.query.to]);
  info.addRow(['traject', r.query.track]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as a one-sheet workbook; every cell as the CSV has it (V-nummers stay text, not numbers). */
export async function tableXlsx(sheetName: string, { header, rows }: ReportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LVV Overleg';
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (c === null ? '' : String(c))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportField, ImportIssue } from '../../shared/domain/register-import';

/*
 * A messy register as the secretaries keep it, generated so the test knows the exact report for
 * every line: headers in odd case and spacing between extra columns, Dutch dates in every accepted
 * form (and some that are not), track and status as labels in any case, and a fixed share of bad,
 * duplicate and already-registered V-nummers, missing names, impossible dates and empty lines. In
 * XLSX some dates are real date cells and some V-nummers numbers, as Excel makes them.
 */

/** The V-nummer of a demo dossier (Mateus K. D.): a row carrying it is a duplicate of the register. */
export const REGISTERED_V_NUMBER = '3012457781';

export const sheetHeaders = [
  ' naam ',
  'Opmerkingen',
  'V-Nummer',
  'GEBOORTEDATUM',
  'Nationaliteit',
  'traject',
  'Status',
  'Telefoon casemanager',
  'Casemanager',
  'Datum  aanmelding',
];

export type Cell = string | number | Date;

export interface SheetLine {
  /** The line in the file (the header is line 1). */
  line: number;
  cells: Cell[];
  status: 'ok' | 'refused' | 'empty';
  issues: ImportIssue[];
}

const nationalities = ['Eritrea', 'Syrië', 'Somalië', 'Marokko', 'staatloos', 'onbekend', 'Guinee'];
const trackTexts = ['Legalisatie', 'terugkeer', 'NOG TE BEPALEN', 'tweesporen', 'Stabilisatie', ''];
const statusTexts = ['Aangemeld', 'in traject', 'Intake', 'richting_bepalen', ''];

/** Day-first Dutch forms and ISO, by turns: 7-3-1990, 07-03-1990, 1990-03-07. */
function dutchDate(y: number, m: number, d: number, form: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return form % 3 === 0 ? `${d}-${m}-${y}` : form % 3 === 1 ? `${p(d)}-${p(m)}-${y}` : `${y}-${p(m)}-${p(d)}`;
}

/**
 * `rows` data lines with their expected report. `registered` is the dossier number that holds
 * REGISTERED_V_NUMBER; `xlsx` makes some cells native dates and numbers.
 */
export function messySheet(rows: number, registered: string, xlsx = false, series = 40): SheetLine[] {
  // Each sheet its own V-nummers (series 40..99), so several can be imported into one register.
  const vOf = (i: number) => `${series}${String(100_000 + i).padStart(8, '0')}`;
  const out: SheetLine[] = [];
  for (let i = 0; i < rows; i++) {
    const line = i + 2;
    const birth = { y: 1970 + (i % 35), m: (i % 12) + 1, d: (i % 28) + 1 };
    const referred = { y: 2025 + (i % 2), m: (i % 11) + 1, d: (i % 27) + 1 };
    const row: Record<ImportField, Cell> & { note: string; phone: string } = {
      name: `Persoon ${i} Testnaam`,
      note: i % 4 === 0 ? `opmerking ${i}; "met aanhalingstekens", en komma` : '',
      vNumber: i % 3 === 0 ? `${vOf(i).slice(0, 2)} ${vOf(i).slice(2, 6)}.${vOf(i).slice(6)}` : vOf(i),
      birthDate:
        xlsx && i % 5 === 1
          ? new Date(Date.UTC(birth.y, birth.m - 1, birth.d))
          : dutchDate(birth.y, birth.m, birth.d, i),
      nationality: nationalities[i % nationalities.length]!,
      track: trackTexts[i % trackTexts.length]!,
      status: statusTexts[i % statusTexts.length]!,
      phone: `06-${String(10_000_000 + i)}`,
      casemanager: i % 6 === 0 ? '' : `Casemanager ${i % 4}`,
      referredAt: dutchDate(referred.y, referred.m, referred.d, i + 1),
    };
    if (xlsx && i % 7 === 2) row.vNumber = Number(vOf(i));
    let status: SheetLine['status'] = 'refused';
    let issues: SheetLine['issues'] = [];
    // One kind of mess per line, the first rule that applies; everything else is a good line.
    if (i % 30 === 5) {
      out.push({ line, cells: sheetHeaders.map(() => ''), status: 'empty', issues: [] });
      continue;
    } else if (i % 10 === 3) {
      row.vNumber = '12345';
      issues = [{ field: 'vNumber', code: 'v_number_length' }];
    } else if (i % 25 === 7) {
      row.vNumber = 'V401234567';
      issues = [{ field: 'vNumber', code: 'v_number_chars' }];
    } else if (i % 20 === 11) {
      row.vNumber = vOf(i - 1);
      issues = [{ field: 'vNumber', code: 'v_number_twice_in_file', line: line - 1 }];
    } else if (i % 50 === 17) {
      row.vNumber = REGISTERED_V_NUMBER;
      issues = [{ field: 'vNumber', code: 'v_number_in_register', number: registered }];
    } else if (i % 40 === 9) {
      row.birthDate = `31-2-${birth.y}`;
      issues = [{ field: 'birthDate', code: 'date_impossible' }];
    } else if (i % 45 === 19) {
      row.name = '  ';
      issues = [{ field: 'name', code: 'required' }];
    } else if (i % 60 === 23) {
      row.track = 'Vertrek';
      issues = [{ field: 'track', code: 'track_unknown' }];
    } else if (i % 70 === 29) {
      row.referredAt = `${referred.y}/12/07`;
      issues = [{ field: 'referredAt', code: 'date_format' }];
    } else if (i % 90 === 31) {
      row.referredAt = '';
      issues = [{ field: 'referredAt', code: 'required' }];
    } else if (i % 80 === 33) {
      row.birthDate = '1-1-2030';
      issues = [{ field: 'birthDate', code: 'birth_in_future' }];
    } else {
      status = 'ok';
    }
    out.push({
      line,
      status,
      issues,
      cells: [
        row.name,
        row.note,
        row.vNumber,
        row.birthDate,
        row.nationality,
        row.track,
        row.status,
        row.phone,
        row.casemanager,
        row.referredAt,
      ],
    });
  }
  return out;
}

/** As Dutch Excel saves CSV: ';' between cells, CRLF between lines, a BOM in front. */
export function sheetCsv(lines: readonly SheetLine[]): Buffer {
  const text = Papa.unparse(
    [sheetHeaders, ...lines.map((l) => l.cells.map((c) => (c instanceof Date ? '' : String(c))))],
    { delimiter: ';', newline: '\r\n' },
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function sheetXlsx(lines: readonly SheetLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register LVV');
  ws.addRow(sheetHeaders);
  for (const l of lines) {
    const row = ws.addRow(l.status === 'empty' ? [] : l.cells);
    l.cells.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'd-m-yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

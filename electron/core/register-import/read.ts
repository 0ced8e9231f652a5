import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { GridRow } from '../../../shared/domain/register-import';
import { AppError } from '../../../shared/errors';

/*
 * Reading an uploaded register into lines of text cells, in the backend process. CSV goes through
 * papaparse, XLSX through ExcelJS; both are told apart by their bytes, not by the file's name. Every
 * limit is checked before the library sees the data, and every failure is a BAD_INPUT on `file` with
 * a code the screen words in Dutch (the message is English, for logs).
 */

export type ImportFormat = 'csv' | 'xlsx';

/** Beyond a register of a large city many times over; keeps one import well inside a second. */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_COLUMNS = 100;
/** What an XLSX may unpack to (20,000 lines of a register are ~10 MB of XML); a zip that claims more is refused before it is unpacked. */
const MAX_UNPACKED = 64 * 1024 * 1024;

export interface Grid {
  format: ImportFormat;
  /** The worksheet read (XLSX only). */
  sheet: string | null;
  headers: string[];
  /** The lines after the header, empty ones included (they are reported). */
  rows: GridRow[];
}

function refuse(code: string, message: string): AppError {
  return new AppError('BAD_INPUT', message, { fields: [{ path: 'file', code, message }] });
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;
const isOldExcel = (b: Buffer) => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0;

export async function readGrid(bytes: Buffer): Promise<Grid> {
  if (bytes.length === 0) throw refuse('file_empty', 'The file is empty');
  if (isOldExcel(bytes)) throw refuse('file_xls', 'An old .xls workbook; save it as .xlsx or .csv');
  const grid = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (grid.headers.length > MAX_IMPORT_COLUMNS)
    throw refuse('too_many_columns', `More than ${MAX_IMPORT_COLUMNS} columns`);
  if (grid.rows.length > MAX_IMPORT_ROWS) throw refuse('too_many_rows', `More than ${MAX_IMPORT_ROWS} rows`);
  return grid;
}

/** Splits off the header: the first line with any text in it. */
function withHeader(format: ImportFormat, sheet: string | null, lines: GridRow[]): Grid {
  const at = lines.findIndex((l) => l.cells.some((c) => c.trim() !== ''));
  if (at < 0) throw refuse('file_empty', 'The file has no header row');
  const headers = lines[at]!.cells.map((c) => c.trim());
  // Trailing empty lines are the end of the file, not lines of the register.
  let end = lines.length;
  while (end > at + 1 && lines[end - 1]!.cells.every((c) => c.trim() === '')) end--;
  return { format, sheet, headers, rows: lines.slice(at + 1, end) };
}

// --- CSV --------------------------------------------------------------------------------------------

/**
 * Text as Excel saves it: UTF-8 (with or without BOM), or, from "CSV (gescheiden door
 * lijstscheidingsteken)" on Windows, Windows-1252. Bytes that are not valid UTF-8 are read as the latter.
 */
function decode(bytes: Buffer): string {
  if (bytes.includes(0)) throw refuse('file_type', 'Not a CSV or XLSX file (binary content)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Dutch Excel separates with ';' (the comma is the decimal sign); others with ',' or a tab. */
function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

function readCsv(bytes: Buffer): Grid {
  const text = decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const lines: GridRow[] = [];
  // Papa counts records; a spreadsheet counts lines, and a quoted cell may hold line breaks. The
  // record's line is the count of line breaks before its start (the end of the previous record).
  let line = 1;
  let counted = 0;
  let previousEnd = 0;
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(firstLine),
    skipEmptyLines: false,
    step: (result) => {
      let start = previousEnd;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      for (; counted < start; counted++) if (text[counted] === '\n') line++;
      lines.push({ line, cells: result.data.map((c) => c ?? '') });
      previousEnd = result.meta.cursor;
      if (lines.length > MAX_IMPORT_ROWS + 1) throw refuse('too_many_rows', 'Too many rows');
    },
  });
  return withHeader('csv', null, lines);
}

// --- XLSX -------------------------------------------------------------------------------------------

/**
 * What the zip's central directory says its entries unpack to, checked before ExcelJS unpacks
 * anything: a few MB of zip can claim gigabytes (a zip bomb).
 */
function unpackedSize(b: Buffer): 'ok' | 'too_large' | 'malformed' {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = b.readUInt16LE(i + 10);
    let p = b.readUInt32LE(i + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return 'malformed';
      total += b.readUInt32LE(p + 24);
      if (total > MAX_UNPACKED) return 'too_large';
      p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
    return 'ok';
  }
  return 'malformed';
}

/** A cell as the text a person sees in it; a date cell as an ISO date. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v)
    return 'result' in v && v.result !== undefined ? cellText(v.result) : '';
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
  return '';
}

async function readXlsx(bytes: Buffer): Promise<Grid> {
  const size = unpackedSize(bytes);
  if (size === 'too_large')
    throw refuse('file_unpacked_too_large', `The XLSX unpacks to more than ${MAX_UNPACKED} bytes`);
  if (size === 'malformed') throw refuse('file_unreadable', 'Not a readable XLSX (zip) file');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse('file_unreadable', `Not a readable XLSX file: ${e instanceof Error ? e.message : ''}`);
  }
  // The first sheet with anything on it: a register often has an empty or an explanation sheet too.
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) throw refuse('file_empty', 'The workbook has no rows');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw refuse('too_many_rows', 'Too many rows');
  const lines: GridRow[] = [];
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS + 1);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    lines.push({ line: r, cells });
  }
  return withHeader('xlsx', sheet.name, lines);
}

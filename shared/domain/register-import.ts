import { dateIssue, type DateIssue } from './dates';
import {
  dossierInputAt,
  dossierStatusLabels,
  dossierStatuses,
  normaliseVNumber,
  trackLabels,
  tracks,
  vNumberIssue,
  type DossierFields,
  type DossierStatus,
  type Track,
} from './dossier';

/*
 * Importing an existing register (the secretaries' Excel sheet): which columns mean what, how a cell
 * becomes a dossier field, and why a row is refused. Pure, so the backend (which reads the file and
 * writes the dossiers) and the screen (which shows the report) share the vocabulary. Every row goes
 * through the same zod rules as `dossiers.create` (dossierInputAt), so an imported dossier can never
 * be one the form would have refused.
 */

/** The columns the import understands, in the order the preview shows them. */
export const importFields = [
  'name',
  'vNumber',
  'birthDate',
  'nationality',
  'track',
  'status',
  'casemanager',
  'referredAt',
] as const;
export type ImportField = (typeof importFields)[number];

/** Column index (0 = the sheet's first column) per field; null = not in the file / not used. */
export type ColumnMapping = Record<ImportField, number | null>;

/** How the secretaries head their columns; compared after `normaliseHeader`. */
const headerNames: Record<ImportField, readonly string[]> = {
  name: ['Naam', 'Volledige naam', 'Name'],
  vNumber: ['V-nummer', 'V-nr', 'Vreemdelingennummer', 'V-number'],
  birthDate: ['Geboortedatum', 'Geb. datum', 'Date of birth'],
  nationality: ['Nationaliteit', 'Nationality'],
  track: ['Traject', 'Track'],
  status: ['Status'],
  casemanager: ['Casemanager', 'Case manager'],
  referredAt: ['Datum aanmelding', 'Aanmelddatum', 'Aangemeld op', 'Referral date'],
};

/** Case, spaces, hyphens, dots and underscores do not matter: "V-nummer" = "v nummer" = "VNUMMER". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLocaleLowerCase('nl')
    .replace(/[\s\-_.:]+/g, '');
}

const knownHeaders = new Map<string, ImportField>(
  importFields.flatMap((f) => headerNames[f].map((h) => [normaliseHeader(h), f] as const)),
);

/** The automatic mapping: per field the first column whose header names it. */
export function recogniseColumns(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(importFields.map((f) => [f, null])) as ColumnMapping;
  headers.forEach((h, i) => {
    const field = knownHeaders.get(normaliseHeader(h));
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
}

/** Spreadsheet column letters, as the user sees them in Excel: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The fields a mapping must have for any row to be imported. */
export const requiredImportFields: readonly ImportField[] = ['name', 'referredAt'];

// --- cells ------------------------------------------------------------------------------------------

const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A date as the register writes it: 7-12-2026, 07-12-2026 (day first, the Dutch order) or
 * 2026-12-07. Strict: no two-digit years, no slashes (12/7 is a month first elsewhere), no words.
 */
export function parseRegisterDate(raw: string): { date: string } | { issue: DateIssue } {
  const s = raw.trim();
  let y: string, m: string, d: string;
  const a = dmy.exec(s);
  const b = a ? null : ymd.exec(s);
  if (a) [, d, m, y] = a as unknown as [string, string, string, string];
  else if (b) [, y, m, d] = b as unknown as [string, string, string, string];
  else return { issue: 'date_format' };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const issue = dateIssue(iso);
  return issue ? { issue } : { date: iso };
}

const byLabel = <C extends string>(codes: readonly C[], labels: Record<C, string>) =>
  new Map<string, C>(
    codes.flatMap((c) => [[normaliseHeader(c), c] as const, [normaliseHeader(labels[c]), c] as const]),
  );
const trackByText = byLabel(tracks, trackLabels);
const statusByText = byLabel(dossierStatuses, dossierStatusLabels);

/** "Legalisatie", "legalisatie", "Nog te bepalen" or "nog_te_bepalen" → the track's code. */
export const trackFromText = (s: string): Track | undefined => trackByText.get(normaliseHeader(s));
export const statusFromText = (s: string): DossierStatus | undefined => statusByText.get(normaliseHeader(s));

// --- the report -------------------------------------------------------------------------------------

/** Why a row is refused. Worded in Dutch below and in the renderer's dictionaries (nl and en). */
export type ImportReason =
  | 'required'
  | 'too_long'
  | 'v_number_chars'
  | 'v_number_length'
  | 'v_number_twice_in_file'
  | 'v_number_in_register'
  | DateIssue
  | 'birth_in_future'
  | 'track_unknown'
  | 'status_unknown'
  | 'invalid';

export const importReasons = [
  'required',
  'too_long',
  'v_number_chars',
  'v_number_length',
  'v_number_twice_in_file',
  'v_number_in_register',
  'date_format',
  'date_impossible',
  'date_too_early',
  'date_too_late',
  'birth_in_future',
  'track_unknown',
  'status_unknown',
  'invalid',
] as const satisfies readonly ImportReason[];

export interface ImportIssue {
  field: ImportField;
  code: ImportReason;
  /** v_number_twice_in_file: the line that has it first. */
  line?: number | undefined;
  /** v_number_in_register: the dossier that has it. */
  number?: string | undefined;
}

/** Dutch column names, as the report names them (the renderer has the English ones). */
export const importFieldLabels: Record<ImportField, string> = {
  name: 'Naam',
  vNumber: 'V-nummer',
  birthDate: 'Geboortedatum',
  nationality: 'Nationaliteit',
  track: 'Traject',
  status: 'Status',
  casemanager: 'Casemanager',
  referredAt: 'Datum aanmelding',
};

/** Dutch text per reason; {field}, {line} and {number} are filled in from the issue. */
export const importReasonMessages: Record<ImportReason, string> = {
  required: '{field} ontbreekt.',
  too_long: '{field} is te lang.',
  v_number_chars: 'Een V-nummer bestaat alleen uit cijfers.',
  v_number_length: 'Een V-nummer heeft precies 10 cijfers.',
  v_number_twice_in_file: 'Dit V-nummer staat ook op regel {line} van het bestand.',
  v_number_in_register: 'Dit V-nummer hoort al bij dossier {number}.',
  date_format: '{field}: schrijf de datum als 7-12-2026 of 2026-12-07.',
  date_impossible: '{field}: deze datum bestaat niet.',
  date_too_early: '{field}: een datum vóór 1900 is niet mogelijk.',
  date_too_late: '{field}: een datum na 2199 is niet mogelijk.',
  birth_in_future: 'De geboortedatum ligt in de toekomst.',
  track_unknown:
    'Onbekend traject; kies uit: Nog te bepalen, Stabilisatie, Legalisatie, Terugkeer, Doormigratie, Tweesporen.',
  status_unknown:
    'Onbekende status; kies uit: Aangemeld, Intake, Richting bepalen, In traject, Besluit gedragen, Uitvoering, Uitgestroomd, Gesloten.',
  invalid: '{field} is ongeldig.',
};

/** One issue as a Dutch sentence (the command line's report; the screen uses its dictionaries). */
export function importIssueText(i: ImportIssue): string {
  return importReasonMessages[i.code]
    .replace('{field}', importFieldLabels[i.field])
    .replace('{line}', String(i.line ?? ''))
    .replace('{number}', i.number ?? '');
}

// --- planning ---------------------------------------------------------------------------------------

/** A line of the file as text cells (the header is one too); `line` counts from 1 as a spreadsheet does. */
export interface GridRow {
  line: number;
  cells: string[];
}

export type RowStatus = 'ok' | 'refused' | 'empty';

export interface PlannedRow {
  line: number;
  status: RowStatus;
  /** The mapped cells as read (trimmed), '' when empty or unmapped. */
  cells: Record<ImportField, string>;
  issues: ImportIssue[];
  /** The dossier to create, for rows that are ok. */
  fields: DossierFields | null;
}

const dossierPath: Partial<Record<string, ImportField>> = {
  name: 'name',
  vNumber: 'vNumber',
  birthDate: 'birthDate',
  nationality: 'nationality',
  track: 'track',
  status: 'status',
  casemanager: 'casemanager',
  referredAt: 'referredAt',
};

function asReason(code: string): ImportReason {
  return (importReasons as readonly string[]).includes(code) ? (code as ImportReason) : 'invalid';
}

/**
 * Checks every data row against the register's rules: the cells parsed (dates, track and status by
 * code or label), the dossier validated as `dossiers.create` would, the V-nummer unique within the
 * file (later lines are refused, naming the first) and in the register (`existing`: V-nummer →
 * dossier number). An empty line is reported as such and neither imported nor refused.
 */
export function planImport(
  rows: readonly GridRow[],
  mapping: ColumnMapping,
  existing: ReadonlyMap<string, string>,
  today: string,
): PlannedRow[] {
  const schema = dossierInputAt(today);
  const firstLine = new Map<string, number>();
  return rows.map((row) => {
    const cells = Object.fromEntries(
      importFields.map((f) => {
        const col = mapping[f];
        return [f, col === null ? '' : (row.cells[col] ?? '').trim()];
      }),
    ) as Record<ImportField, string>;
    if (row.cells.every((c) => c.trim() === '')) {
      return { line: row.line, status: 'empty', cells, issues: [], fields: null };
    }
    const issues: ImportIssue[] = [];
    const date = (f: 'birthDate' | 'referredAt'): string | null => {
      if (!cells[f]) return null;
      const parsed = parseRegisterDate(cells[f]);
      if ('issue' in parsed) {
        issues.push({ field: f, code: parsed.issue });
        return null;
      }
      return parsed.date;
    };
    const birthDate = date('birthDate');
    const referredAt = date('referredAt');
    const track = cells.track ? trackFromText(cells.track) : 'nog_te_bepalen';
    if (!track) issues.push({ field: 'track', code: 'track_unknown' });
    const status = cells.status ? statusFromText(cells.status) : 'aangemeld';
    if (!status) issues.push({ field: 'status', code: 'status_unknown' });

    const parsed = schema.safeParse({
      name: cells.name,
      vNumber: cells.vNumber || null,
      birthDate,
      nationality: cells.nationality || null,
      casemanager: cells.casemanager || null,
      track: track ?? 'nog_te_bepalen',
      status: status ?? 'aangemeld',
      // A bad date already has its issue; a placeholder keeps the other rules checking.
      referredAt: referredAt ?? (cells.referredAt ? today : ''),
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = dossierPath[String(i.path[0])] ?? 'name';
        if (issues.some((x) => x.field === field)) continue;
        // A missing date arrives as a date_format issue of the empty string: it is missing.
        const code = field === 'referredAt' && !cells.referredAt ? 'required' : asReason(i.message);
        issues.push({ field, code });
      }
    }
    const vNumber = cells.vNumber && !vNumberIssue(cells.vNumber) ? normaliseVNumber(cells.vNumber) : null;
    if (vNumber) {
      // Already in the register says it all; a second line with it in the file would only repeat it.
      const inRegister = existing.get(vNumber);
      const first = firstLine.get(vNumber);
      if (inRegister !== undefined)
        issues.push({ field: 'vNumber', code: 'v_number_in_register', number: inRegister });
      else if (first !== undefined)
        issues.push({ field: 'vNumber', code: 'v_number_twice_in_file', line: first });
      else firstLine.set(vNumber, row.line);
    }
    if (issues.length || !parsed.success)
      return { line: row.line, status: 'refused', cells, issues, fields: null };
    return { line: row.line, status: 'ok', cells, issues, fields: parsed.data };
  });
}

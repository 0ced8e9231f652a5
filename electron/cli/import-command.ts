/**
 * The command line's `import dossiers`: an existing register (CSV or XLSX) through the same methods
 * as the app's import screen (dossiers.import.preview / run), so the same checks, limits, transaction
 * and audit apply. It prints the report the screen shows, one line per line of the file, in Dutch.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../shared/contract/index';
import { MAX_IMPORT_BYTES, type ImportReport } from '../../shared/contract/register-import';
import {
  columnLetter,
  importFieldLabels,
  importFields,
  importIssueText,
} from '../../shared/domain/register-import';
import type { Session } from '../../shared/domain/roles';
import { ApiError } from '../../shared/errors';
import { CliError, refusal } from './open';

/** The report as the command prints it. */
export function formatImportReport(r: ImportReport): string {
  const out: string[] = [];
  const kind = r.format.toUpperCase() + (r.sheet ? `, werkblad "${r.sheet}"` : '');
  out.push(
    `Bestand ${r.fileName} (${kind}): ${r.counts.rows} regels — ${r.counts.ok} in orde, ` +
      `${r.counts.refused} geweigerd, ${r.counts.empty} leeg.`,
  );
  const used = new Set<number>();
  const mapped = importFields.map((f) => {
    const c = r.mapping[f];
    if (c === null) return `${importFieldLabels[f]}: —`;
    used.add(c);
    return `${importFieldLabels[f]}: kolom ${columnLetter(c)} "${r.headers[c] ?? ''}"`;
  });
  out.push(`Kolommen: ${mapped.join('; ')}.`);
  const ignored = r.headers
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => h !== '' && !used.has(i))
    .map(({ h, i }) => `${columnLetter(i)} "${h}"`);
  if (ignored.length) out.push(`Niet gebruikt: ${ignored.join(', ')}.`);
  for (const row of r.rows) {
    const who = row.cells.name ? ` (${row.cells.name})` : '';
    if (row.status === 'empty') out.push(`regel ${row.line}: lege regel, overgeslagen`);
    else if (row.status === 'ok')
      out.push(
        row.number
          ? `regel ${row.line}: geïmporteerd als ${row.number}${who}`
          : `regel ${row.line}: in orde${who}${r.outcome === 'preview' ? '' : ', niet geïmporteerd'}`,
      );
    else out.push(`regel ${row.line}: geweigerd${who} — ${row.issues.map(importIssueText).join(' ')}`);
  }
  if (r.outcome === 'preview') out.push('Proefimport (--dry-run): er is niets opgeslagen.');
  else if (r.outcome === 'imported')
    out.push(
      `Geïmporteerd: ${r.imported} dossiers` +
        (r.counts.refused ? `; ${r.counts.refused} geweigerde regels overgeslagen.` : '.'),
    );
  else if (r.counts.ok === 0) out.push('Niets geïmporteerd: geen enkele regel is in orde.');
  else
    out.push(
      `Niets geïmporteerd: ${r.counts.refused} regels geweigerd (alles of niets). ` +
        'Verbeter het bestand, of sla de geweigerde regels over met --skip-refused.',
    );
  return `${out.join('\n')}\n`;
}

export interface ImportOptions {
  file: string;
  dryRun: boolean;
  skipRefused: boolean;
  cwd: string;
}

/**
 * Returns what to print and the exit code: 0 when the import happened (or, with --dry-run, would
 * happen with the same options), 1 when nothing was or would be imported.
 */
export async function importCommand(
  api: Api,
  session: Session,
  opts: ImportOptions,
): Promise<{ text: string; code: number }> {
  const file = path.resolve(opts.cwd, opts.file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  if (size > MAX_IMPORT_BYTES)
    throw new CliError(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const input = { file: { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') } };
  try {
    const mode = opts.skipRefused ? ('geweigerde_overslaan' as const) : ('alles_of_niets' as const);
    const report = opts.dryRun
      ? await api['dossiers.import.preview'](input)
      : await api['dossiers.import.run']({ ...input, mode });
    const wouldImport = report.counts.ok > 0 && (opts.skipRefused || report.counts.refused === 0);
    const code = report.outcome === 'imported' || (opts.dryRun && wouldImport) ? 0 : 1;
    return { text: formatImportReport(report), code };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'BAD_INPUT' && e.error.fields?.[0]?.path === 'file')
      throw new CliError(`${path.basename(file)}: ${e.message}`);
    throw refusal(e, session, 'only the chair, the secretary and casemanagers may import dossiers');
  }
}

/**
 * `check` reads and changes nothing: no login, no audit record, no head file, no throttle count, and
 * above all no WAL applied to the database. It copies the database (and its -wal, which holds
 * committed writes not yet in the main file) into a private scratch folder and opens the copy
 * read-only; the originals are only read. The key comes from a key holder's entry (password) or the
 * recovery key, as for any other command, but nothing is written back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { openHolderKey } from '../core/crypto/holder-key';
import { parseRecoveryKey, unwrapKey, wrapContext } from '../core/crypto/keywrap';
import { openForReading } from '../core/db/open';
import { latestVersion } from '../core/db/migrations';
import { checkEnvironment, signaturesProblem, type CheckReport } from '../core/environment/check';
import { environmentFiles } from '../core/environment/vault';
import { findEntry, readKeyFile } from '../core/storage/keyfile';
import { CliError, readSecret } from './open';

/** The Dutch sentence for what check found (the English reason follows it for the log). */
export function findingNl(report: CheckReport): string {
  switch (report.finding) {
    case 'damaged_pages': {
      const pages = [...new Set([...report.integrity.matchAll(/[Pp]age (\d+)/g)].map((m) => m[1]))];
      return pages.length
        ? `De database is beschadigd: SQLite vond fouten op pagina ${pages.slice(0, 10).join(', ')}${pages.length > 10 ? ' en meer' : ''}. Zet de laatste reservekopie terug.`
        : 'De database is beschadigd: SQLite vond beschadigde pagina’s. Zet de laatste reservekopie terug.';
    }
    case 'not_encrypted':
      return 'Het databasebestand is niet versleuteld.';
    case 'audit_broken':
      return `De auditketen is verbroken bij regel ${report.audit.brokenAt}: er is iets gewijzigd of verwijderd.`;
    case 'frozen_head':
      return 'De auditketen past niet meer bij de kop die in een vastgesteld verslag is vastgelegd: de keten is herschreven.';
    case 'behind':
      return 'De database loopt achter: het kopbestand naast het sleutelbestand kent latere vastleggingen dan de database bevat. Er ontbreekt een nieuwere kopie of het -wal-bestand.';
    case 'diverged':
      return 'De auditketen wijkt af van het kopbestand naast het sleutelbestand: de keten is herschreven of vervangen.';
    case 'head_missing':
      return 'Het kopbestand naast het sleutelbestand ontbreekt, terwijl deze database er een heeft geschreven. Mogelijk is een oudere kopie teruggezet.';
    case 'head_unreadable':
      return 'Het kopbestand naast het sleutelbestand is onleesbaar.';
    case 'head_foreign':
      return 'Het kopbestand naast het sleutelbestand hoort bij een andere database.';
    case 'signature':
      return 'Een handtekening onder een vastgesteld verslag klopt niet meer met het opgeslagen document.';
    default:
      return 'De controle is mislukt.';
  }
}

/** A failure before anything could be checked, in Dutch, with the English reason after it. */
class CheckRefused extends CliError {}
const refuse = (nl: string, en: string) => new CheckRefused(`${nl} (${en})`);

async function keyFor(
  keyFile: string,
  opts: {
    user?: string | undefined;
    passwordFile?: string | undefined;
    recoveryKeyFile?: string | undefined;
  },
): Promise<Buffer> {
  if (!opts.user) {
    const key = parseRecoveryKey(readSecret(opts.recoveryKeyFile));
    if (!key) throw new CliError('the recovery key must be 64 hexadecimal digits');
    return key;
  }
  let keys;
  try {
    keys = readKeyFile(keyFile);
  } catch {
    throw refuse(
      'Het sleutelbestand ontbreekt of is onleesbaar; controleer met de herstelsleutel (--recovery-key-file).',
      'key file missing or unreadable',
    );
  }
  const entry = findEntry(keys, opts.user);
  const password = readSecret(opts.passwordFile);
  const key = entry?.holder
    ? await openHolderKey(entry.holder, password, keys.databaseId, entry.userId).catch(() => null)
    : entry?.wrapped
      ? await unwrapKey(entry.wrapped, password, wrapContext(keys.databaseId, entry.userId))
      : null;
  if (!key)
    throw new CliError(
      'wrong user name or password, or this account does not hold the key (only key holders can open the environment)',
    );
  return key;
}

/** Runs the read-only check; returns the lines to print and the exit code. */
export async function checkCommand(
  dataDir: string,
  opts: {
    user?: string | undefined;
    passwordFile?: string | undefined;
    recoveryKeyFile?: string | undefined;
  },
): Promise<{ out: string; code: number }> {
  const { dbFile, keyFile } = environmentFiles(dataDir);
  if (!fs.existsSync(dbFile)) {
    if (fs.existsSync(keyFile))
      throw refuse(
        'Het databasebestand ontbreekt, terwijl het sleutelbestand er is. Zet de laatste reservekopie terug.',
        'database file missing',
      );
    throw new CliError(`no environment at ${dataDir}`);
  }
  const stat = fs.statSync(dbFile);
  if (!stat.isFile()) throw refuse('Het databasepad is geen bestand.', 'not a file');
  if (stat.size === 0)
    throw refuse(
      'Het databasebestand is leeg (0 bytes). Er is niets gewijzigd; zet de laatste reservekopie terug.',
      'the database file is empty',
    );
  const key = await keyFor(keyFile, opts);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-check-'));
  try {
    const copy = path.join(scratch, 'check.db');
    fs.copyFileSync(dbFile, copy);
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
    let db;
    try {
      db = openForReading(copy, key);
    } catch (e) {
      if (e instanceof AppError && e.code === 'DATABASE_UNREADABLE')
        throw refuse(
          'Dit bestand is geen database van deze omgeving, of de eerste pagina is beschadigd (of de sleutel past niet). Er is niets gewijzigd.',
          'not a database of this environment, damaged, or the wrong key',
        );
      throw e;
    }
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latestVersion)
        throw refuse(
          `Deze database is van een nieuwere versie van LVV Overleg (schema ${version}; deze versie kent ${latestVersion}). Gebruik de nieuwere versie.`,
          'database schema is newer than this app',
        );
      let report = checkEnvironment(db, copy, keyFile);
      if (report.ok) {
        const problem = await signaturesProblem(db);
        if (problem) report = { ...report, ok: false, reason: problem, finding: 'signature' };
      }
      // One line, as every other failure of the command line.
      if (!report.ok) return { out: `lvv-overleg: ${findingNl(report)} (${report.reason})\n`, code: 1 };
      return {
        out: `OK: integriteit in orde, versleuteld, auditketen geldig (${report.audit.records} records, kop ${report.audit.head.slice(0, 16)}…)\n`,
        code: 0,
      };
    } finally {
      db.close();
    }
  } finally {
    key.fill(0);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * backup and restore on the command line. `backup` is the API's backups.make into a file of the
 * administrator's choosing. `restore` works when the current database is damaged or gone, so it does
 * not open it: it unpacks the backup into a private scratch folder, opens *that* through the same
 * backend and API (a beheerder's password from the backup's own key file, or the recovery key), and
 * only then puts the backup's files in place of the current ones, which are renamed aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import type { BackupContents } from '../../shared/contract/backups';
import { can } from '../../shared/domain/permissions';
import { restoreBackup } from '../core/backup/backup';
import { BundleError, readBundle } from '../core/backup/bundle';
import { createBackend } from '../core/backend';
import { environmentFiles } from '../core/environment/vault';
import { headFileFor } from '../core/audit/head-file';
import { readKeyFile } from '../core/storage/keyfile';
import { silentLogger } from '../core/ports';
import { CLI_CALLER, CliError, openForCli, type OpenOptions } from './open';

export function describeContents(c: BackupContents): string {
  return [
    `Reservekopie van ${c.city || 'onbekende gemeente'}, gemaakt ${c.createdAt}`,
    `  laatste afgeronde overleg: ${c.lastMeeting ?? 'geen'}`,
    `  ${c.dossiers} dossiers, ${c.meetings} overleggen, ${c.auditRecords} auditregels`,
  ].join('\n');
}

export function resolveFromCwd(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export async function backupCommand(api: Api, open: () => Promise<unknown>, out: string): Promise<string> {
  await open();
  const made = await api['backups.make']({ out: resolveFromCwd(out) });
  return `${describeContents(made.contents!)}\nGeschreven en gecontroleerd: ${resolveFromCwd(out)}\n`;
}

export async function restoreCommand(
  dataDir: string,
  from: string,
  credentials: Omit<OpenOptions, 'dataDir'>,
  now: () => Date,
): Promise<string> {
  const file = resolveFromCwd(from);
  let parts;
  try {
    parts = readBundle(file).parts;
  } catch (e) {
    if (e instanceof BundleError || (e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${file} is not a usable backup (${(e as Error).message})`);
    throw e;
  }
  const target = environmentFiles(dataDir);
  const scratch = fs.mkdtempSync(path.join(path.dirname(target.dbFile), '.lvv-restore-'));
  const backend = createBackend({ dataDir: scratch, clock: now, logger: silentLogger });
  try {
    const inScratch = environmentFiles(scratch);
    fs.writeFileSync(inScratch.dbFile, parts.database, { mode: 0o600 });
    fs.writeFileSync(inScratch.keyFile, parts.keys, { mode: 0o600 });
    fs.writeFileSync(headFileFor(inScratch.keyFile), parts.head, { mode: 0o600 });
    const api = createApi((m, i) => backend.dispatch(m, i, CLI_CALLER));
    const session = await openForCli(api, { ...credentials, dataDir: scratch });
    if (!can(session, 'administer'))
      throw new CliError('only a beheerder (or the recovery key) can restore a backup');
    const key = Buffer.from(backend.vault.databaseKey());
    backend.close();
    try {
      let expect: string | null = null;
      try {
        expect = readKeyFile(target.keyFile).databaseId;
      } catch {
        expect = null; // no (readable) key file: nothing to compare with
      }
      const { summary, aside } = restoreBackup(file, key, target, now().toISOString(), expect);
      return `${describeContents(summary)}\nTeruggezet in ${path.dirname(target.dbFile)}.${
        aside.length ? `\nDe vorige bestanden staan ernaast:\n${aside.map((a) => `  ${a}`).join('\n')}` : ''
      }\n`;
    } finally {
      key.fill(0);
    }
  } finally {
    backend.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

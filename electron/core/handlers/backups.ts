import path from 'node:path';
import type { Handlers } from '../../../shared/contract/index';
import type { BackupEntry as BackupEntryOut } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import {
  inspectBackup,
  listBackups,
  makeBackup,
  pruneBackups,
  restoreBackup,
  writeBackupHint,
  type BackupEntry,
} from '../backup/backup';
import type { BackupSummary } from '../backup/bundle';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { getSetting, setSetting } from '../settings/settings';
import type { Db } from '../db/open';
import type { Session } from '../../../shared/domain/roles';
import fs from 'node:fs';
import { looksIntact } from '../environment/check';

type BackupHandlers = Pick<
  Handlers,
  'backups.status' | 'backups.configure' | 'backups.make' | 'backups.inspect' | 'backups.restore'
>;

const contents = (s: BackupSummary) => ({
  createdAt: s.createdAt,
  city: s.city,
  lastMeeting: s.lastMeeting,
  dossiers: s.dossiers,
  meetings: s.meetings,
  auditRecords: s.auditRecords,
});

function entryOut(e: BackupEntry, databaseId: string): BackupEntryOut {
  return {
    name: e.name,
    size: e.size,
    contents: e.summary ? contents(e.summary) : null,
    ours: e.summary?.databaseId === databaseId,
  };
}

function folderOf(db: Db): string {
  const folder = getSetting(db, 'backup_folder');
  if (!folder)
    throw new AppError('STORAGE_FAULT', 'No backup folder has been chosen', {
      info: { reason: 'backup_folder_unset' },
    });
  return folder;
}

/**
 * Makes a backup of the open environment into the chosen folder and keeps the newest N; audited.
 * Exported for the automatic backup when a meeting ends (backend.ts).
 */
export function backupNow(ctx: CoreContext, session: Session | null, out?: string): BackupEntryOut {
  const { vault } = ctx;
  const db = vault.database();
  const folder = out ? null : folderOf(db);
  const made = makeBackup(
    db,
    vault.databaseKey(),
    vault,
    folder ? { folder } : { file: path.resolve(out!) },
    ctx.nowIso(),
  );
  const databaseId = made.summary!.databaseId;
  if (folder) pruneBackups(folder, databaseId, getSetting(db, 'backup_keep'));
  writeAudited(ctx, session, (d) => {
    setSetting(d, 'backup_last_error', '');
    return { result: null, audit: { action: 'backup.make', entity: 'meta', ids: [] } };
  });
  ctx.ports.logger.info('Backup made', { file: made.name });
  return entryOut(made, databaseId);
}

export function backupHandlers(ctx: CoreContext): BackupHandlers {
  const { vault } = ctx;

  const status = () => {
    const db = vault.database();
    const folder = getSetting(db, 'backup_folder') ?? null;
    const databaseId = vault.databaseId();
    return {
      folder,
      keep: getSetting(db, 'backup_keep'),
      backups: folder ? listBackups(folder).map((e) => entryOut(e, databaseId)) : [],
      lastError: getSetting(db, 'backup_last_error') || null,
    };
  };

  /** A backup in the chosen folder, by its name only: no path from the caller reaches the file system. */
  const fileOf = (name: string) => path.join(folderOf(vault.database()), path.basename(name));

  return {
    'backups.status': () => status(),

    'backups.configure': ({ folder, keep }, { session }) => {
      if (!path.isAbsolute(folder)) {
        const message = 'The backup folder must be an absolute path';
        throw new AppError('BAD_INPUT', message, {
          fields: [{ path: 'folder', code: 'absolute_path', message }],
        });
      }
      const resolved = path.resolve(folder);
      fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
      writeAudited(ctx, session, (db) => {
        setSetting(db, 'backup_folder', resolved);
        setSetting(db, 'backup_keep', keep);
        return { result: null, audit: { action: 'backup.configure', entity: 'meta', ids: [] } };
      });
      writeBackupHint(vault.keyFile, resolved);
      return status();
    },

    'backups.make': ({ out }, { session }) => backupNow(ctx, session, out),

    'backups.inspect': ({ name }) => contents(inspectBackup(fileOf(name), vault.databaseKey())),

    'backups.restore': ({ name }, { session }) => {
      const s = requireSession(session);
      const file = fileOf(name);
      const key = Buffer.from(vault.databaseKey());
      const databaseId = vault.databaseId();
      try {
        // Checked while still open: a backup that is not usable closes nothing.
        const checked = inspectBackup(file, key);
        if (checked.databaseId !== databaseId)
          throw new AppError('STORAGE_FAULT', 'The backup is of another environment', {
            info: { reason: 'backup_other_environment' },
          });
        // Closed for everyone first: nobody writes to the files while they are replaced.
        // A damaged database (opened with the recovery key to put a backup back) is not written to.
        if (looksIntact(vault.database()))
          writeAudited(ctx, s, () => ({
            result: null,
            audit: { action: 'backup.restore_started', entity: 'meta', ids: [] },
          }));
        vault.lock();
        const { summary, aside } = restoreBackup(file, key, vault, ctx.nowIso(), databaseId);
        // The restored database records that it was put back, by whom; then it closes again until
        // the next login.
        vault.open(key);
        writeAudited(ctx, s, () => ({
          result: null,
          audit: { action: 'backup.restore', entity: 'meta', ids: [] },
        }));
        vault.lock();
        ctx.ports.logger.info('Backup restored', { file: name, aside: aside.length });
        return { contents: contents(summary), aside: aside.map((a) => path.basename(a)) };
      } finally {
        key.fill(0);
      }
    },
  };
}

import { AppError } from '../../../shared/errors';
import { folderInUse, readLockHolder } from './folder-lock';

/**
 * Turns a failure of the file system or of SQLite into the fault the user can act on (STORAGE_FAULT
 * with its reason, or FOLDER_IN_USE), so that a full disk does not read as "damaged or wrong key" and
 * no raw SQLITE_… or ENOSPC text reaches anyone. Returns null for anything else (left as it is).
 * The English message names the code once (never "ENOSPC: ENOSPC: …").
 */
export function classifyFault(e: unknown, lockFile?: string): AppError | null {
  if (e instanceof AppError || !(e instanceof Error)) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const fault = (reason: 'disk_full' | 'read_only' | 'database_damaged', what: string) =>
    new AppError('STORAGE_FAULT', `${what} (${code})`, { info: { reason } });
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return fault('disk_full', 'No space left on the disk');
  if (
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH'
  )
    return fault('read_only', 'The data folder or a file in it cannot be written');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return fault('database_damaged', 'The database is damaged');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    // Another program has the database file open without the folder's lock (or holds it): name it.
    const holder = lockFile ? readLockHolder(lockFile) : null;
    if (holder) return folderInUse(holder);
    return new AppError('FOLDER_IN_USE', `The database is in use by another program (${code})`, {
      info: { holder: 'unknown program' },
    });
  }
  if (code.startsWith('SQLITE_IOERR'))
    return /full|space/i.test(e.message)
      ? fault('disk_full', 'No space left on the disk')
      : fault('read_only', 'The database file could not be written or read');
  return null;
}

/**
 * One program at a time per data folder. SQLite would let a second program open the same encrypted
 * database and then fail somewhere in the middle with "database is locked" (or worse, two backends
 * each with their own sessions and idle timers writing to one file). So every host (the app, the
 * browser host) and every CLI command that opens the database first takes a lock file beside it,
 * created with O_EXCL so that exactly one of two racing programs wins, readable by the owner only.
 *
 * The file names its holder (pid, host name, kind of program, start time), so the refusal can say
 * who has the folder open. A holder whose pid is gone on this same machine crashed or was killed:
 * its lock is stale and taken over. A lock from another machine (a shared folder) is never guessed
 * stale; the message names that machine.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export type LockKind = 'app' | 'browser host' | 'cli';

export interface LockHolder {
  pid: number;
  host: string;
  kind: LockKind;
  /** ISO time the holder took the lock. */
  since: string;
  /** Random per acquisition, so a release never removes a lock someone else has taken since. */
  nonce: string;
}

/**
 * Beside the database, as vault.ts's environmentFiles places it: `lvv-overleg.lock` in the folder, or
 * `<name>.lock` beside `<name>.db`. (Not imported from vault.ts, which would load the SQLite driver
 * into Electron's main process, which only needs the lock.)
 */
export function lockFileFor(location: string): string {
  return location.endsWith('.db')
    ? `${location.slice(0, -'.db'.length)}.lock`
    : path.join(location, 'lvv-overleg.lock');
}

/** Whether a process with this pid exists on this machine (EPERM: it exists, but is someone else's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockEnvironment {
  pid: number;
  host: string;
  now: () => Date;
  isAlive: (pid: number) => boolean;
}

const defaults = (): LockEnvironment => ({
  pid: process.pid,
  host: os.hostname(),
  now: () => new Date(),
  isAlive: pidAlive,
});

export interface FolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

const KINDS: readonly string[] = ['app', 'browser host', 'cli'];

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (
      Number.isSafeInteger(v.pid) &&
      typeof v.host === 'string' &&
      typeof v.kind === 'string' &&
      KINDS.includes(v.kind) &&
      typeof v.since === 'string' &&
      typeof v.nonce === 'string'
    )
      return v as LockHolder;
  } catch {
    // not ours, or half written
  }
  return null;
}

export function readLockHolder(file: string): LockHolder | null {
  try {
    return parseHolder(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** One line naming the holder, for logs, the CLI and the `{holder}` of the UI's message. */
export function describeHolder(h: Pick<LockHolder, 'kind' | 'pid' | 'host' | 'since'>): string {
  return `${h.kind}, pid ${h.pid} on ${h.host}, since ${h.since}`;
}

/**
 * The Dutch sentence a host shows when it cannot start because the folder is in use, from the facts
 * of the FOLDER_IN_USE error (the renderer words the same code itself; a host that cannot start has
 * no renderer to ask).
 */
export function folderInUseTextNl(info: Record<string, string | number | undefined> | undefined): string {
  const kinds: Record<string, string> = {
    app: 'de LVV Overleg-app',
    'browser host': 'LVV Overleg in de browser',
    cli: 'de opdrachtregel',
  };
  const who = kinds[String(info?.kind)] ?? 'een ander programma';
  const since = new Date(String(info?.since));
  const when = Number.isNaN(since.getTime())
    ? String(info?.since)
    : new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(since);
  const detail = info?.pid ? ` (proces ${info.pid} op ${info.host}, sinds ${when})` : '';
  return `Deze gegevensmap is al geopend door ${who}${detail}. Sluit dat programma eerst en probeer het daarna opnieuw.`;
}

export function folderInUse(h: LockHolder): AppError {
  return new AppError(
    'FOLDER_IN_USE',
    `The data folder is in use by ${describeHolder(h)}; close that program first`,
    {
      info: { holder: describeHolder(h), kind: h.kind, pid: h.pid, host: h.host, since: h.since },
    },
  );
}

/** A lock file that is empty or unreadable this long after it was written is debris of a crash. */
const UNREADABLE_STALE_MS = 10_000;

/**
 * Takes the lock of the data folder at `location` for this process, or throws AppError
 * FOLDER_IN_USE naming the holder. Creates the folder (owner only) when it does not exist yet, as
 * `init` and a first start need.
 */
export function acquireFolderLock(
  location: string,
  kind: LockKind,
  env: Partial<LockEnvironment> = {},
): FolderLock {
  const e = { ...defaults(), ...env };
  const file = lockFileFor(location);
  const dir = path.dirname(file);
  // A folder we had to create and that is still empty at release (a mistyped path) is removed again.
  const createdDir = !fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const holder: LockHolder = {
    pid: e.pid,
    host: e.host,
    kind,
    since: e.now().toISOString(),
    nonce: crypto.randomBytes(12).toString('hex'),
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, holder)) return lockHandle(file, holder, createdDir);
    const current = readLockHolder(file);
    if (current) {
      const stale = current.host === e.host && current.pid !== e.pid && !e.isAlive(current.pid);
      if (!stale) throw folderInUse(current);
      takeOver(file, current);
    } else if (unreadableAndOld(file, e.now())) {
      takeOver(file, null);
    } else {
      // Another program created it a moment ago and is still writing its name: look again shortly.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  throw new AppError('FOLDER_IN_USE', 'The data folder is in use by another program', {
    info: { holder: 'unknown program' },
  });
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(holder));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function unreadableAndOld(file: string, now: Date): boolean {
  try {
    return now.getTime() - fs.statSync(file).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return true; // gone meanwhile: try again
  }
}

/**
 * Removes a stale lock, but only the one we judged stale: two programs that both found it stale must
 * not remove each other's fresh lock. The removal itself is guarded by a second O_EXCL file.
 */
function takeOver(file: string, stale: LockHolder | null): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another program is taking over right now; a guard left by a crash is removed after a while.
    if (unreadableAndOld(guard, new Date())) fs.rmSync(guard, { force: true });
    return;
  }
  fs.closeSync(fd);
  try {
    const now = readLockHolder(file);
    if ((now?.nonce ?? null) === (stale?.nonce ?? null)) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function lockHandle(file: string, holder: LockHolder, createdDir: boolean): FolderLock {
  let released = false;
  return {
    file,
    holder,
    release: () => {
      if (released) return;
      released = true;
      if (readLockHolder(file)?.nonce === holder.nonce) fs.rmSync(file, { force: true });
      if (createdDir) {
        try {
          fs.rmdirSync(path.dirname(file)); // only when empty
        } catch {
          // not empty: an environment was created in it
        }
      }
    },
  };
}

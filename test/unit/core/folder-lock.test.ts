import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { environmentFiles } from '../../../electron/core/environment/vault';
import {
  acquireFolderLock,
  folderInUseTextNl,
  lockFileFor,
  readLockHolder,
} from '../../../electron/core/storage/folder-lock';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = tempDir('lvv-lock-');
  dirs.push(d);
  return d;
};

/** The pid of a process that has certainly ended (ran and was reaped). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the data folder lock', () => {
  it('sits beside the database, whichever way the folder is named', () => {
    for (const location of ['/data/lvv', '/data/utrecht.db']) {
      const { dbFile } = environmentFiles(location);
      expect(path.dirname(lockFileFor(location))).toBe(path.dirname(dbFile));
    }
    expect(lockFileFor('/data/lvv')).toBe('/data/lvv/lvv-overleg.lock');
    expect(lockFileFor('/data/utrecht.db')).toBe('/data/utrecht.lock');
  });

  it('is created for the owner only and names its holder; release removes it', () => {
    const d = dir();
    const lock = acquireFolderLock(d, 'browser host');
    const file = path.join(d, 'lvv-overleg.lock');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readLockHolder(file)).toMatchObject({ pid: process.pid, kind: 'browser host' });
    lock.release();
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a second holder with FOLDER_IN_USE naming the first (kind, pid, since)', () => {
    const d = dir();
    const first = acquireFolderLock(d, 'app', { now: () => new Date('2026-11-17T08:30:00Z') });
    const e = refusal(() => acquireFolderLock(d, 'cli', { pid: process.pid + 1 }));
    expect(e.code).toBe('FOLDER_IN_USE');
    expect(e.info).toMatchObject({ kind: 'app', pid: process.pid, since: '2026-11-17T08:30:00.000Z' });
    expect(String(e.info?.holder)).toContain(`app, pid ${process.pid}`);
    // The same process asking twice (a second host in one process) is refused too.
    expect(refusal(() => acquireFolderLock(d, 'browser host')).code).toBe('FOLDER_IN_USE');
    first.release();
    acquireFolderLock(d, 'cli').release();
  });

  it('takes over a lock whose process is gone on this machine', () => {
    const d = dir();
    const pid = deadPid();
    acquireFolderLock(d, 'app', { pid }); // left behind, as by a killed app
    const lock = acquireFolderLock(d, 'browser host');
    expect(readLockHolder(lock.file)).toMatchObject({ pid: process.pid, kind: 'browser host' });
    lock.release();
  });

  it('never guesses a lock from another machine stale', () => {
    const d = dir();
    acquireFolderLock(d, 'app', { pid: deadPid(), host: 'laptop-voorzitter' });
    const e = refusal(() => acquireFolderLock(d, 'cli'));
    expect(e.info).toMatchObject({ host: 'laptop-voorzitter', kind: 'app' });
  });

  it('treats a fresh unreadable lock as in use, and one left unreadable by a crash as stale', () => {
    const d = dir();
    const file = lockFileFor(d);
    fs.writeFileSync(file, '');
    expect(refusal(() => acquireFolderLock(d, 'cli')).code).toBe('FOLDER_IN_USE');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireFolderLock(d, 'cli').release();
  });

  it('release never removes a lock someone else took over meanwhile', () => {
    const d = dir();
    const pid = deadPid();
    const mine = acquireFolderLock(d, 'app', { pid });
    const theirs = acquireFolderLock(d, 'browser host'); // took over: "mine" looked dead
    mine.release();
    expect(readLockHolder(theirs.file)?.kind).toBe('browser host');
    theirs.release();
  });

  it('removes a folder it created for nothing (a mistyped path) at release', () => {
    const d = path.join(dir(), 'typo');
    acquireFolderLock(d, 'cli').release();
    expect(fs.existsSync(d)).toBe(false);
  });

  it('words the refusal in Dutch for a host that cannot start', () => {
    expect(
      folderInUseTextNl({
        kind: 'browser host',
        pid: 4242,
        host: 'laptop',
        since: '2026-11-17T08:30:00.000Z',
      }),
    ).toBe(
      'Deze gegevensmap is al geopend door LVV Overleg in de browser (proces 4242 op laptop, sinds 17-11-2026, 09:30). Sluit dat programma eerst en probeer het daarna opnieuw.',
    );
    expect(folderInUseTextNl({ holder: 'unknown program' })).toMatch(
      /^Deze gegevensmap is al geopend door een ander programma\./,
    );
  });
});

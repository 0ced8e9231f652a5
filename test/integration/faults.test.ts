import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { headFileFor } from '../../electron/core/audit/head-file';
import { latestVersion } from '../../electron/core/db/migrations';
import { lockFileFor } from '../../electron/core/storage/folder-lock';
import { readKeyFile } from '../../electron/core/storage/keyfile';
import { ApiError, type RpcError } from '../../shared/errors';
import { errorText } from '../../renderer/src/errors';
import { translate, type T } from '../../renderer/src/i18n';
import { cityInput, failure, makeEnv, tempDir, type TestEnv } from '../support/backend';

const nl: T = (key, vars) => translate('nl', key, vars);
/** What the user reads: the Dutch sentence the app shows for this failure. */
async function dutch(p: Promise<unknown>): Promise<string> {
  const f = await failure(p);
  return f ? errorText(new ApiError(f as RpcError), nl) : 'OK';
}

/**
 * Each fault says what it is (issue 10, item 5), and leaves the files as they were: the SHA-256 of
 * every file of the environment is the same before and after.
 */
const root = path.resolve(import.meta.dirname, '../..');
const anna = { username: 'anna', password: 'correct horse battery' };

const envs: TestEnv[] = [];
const mounts: string[] = [];
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.backend.close();
  for (const c of children.splice(0)) c.kill();
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function snapshot(dir: string, only?: (f: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort())
    if ((!only || only(f)) && fs.statSync(path.join(dir, f)).isFile())
      out[f] = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex');
  return out;
}
/**
 * The environment's own files. Not SQLite's -wal and -shm (its working files), nor the login
 * throttle's counter (.logins.json), which counts every attempt by design.
 */
const envFiles = (f: string) =>
  !f.endsWith('-wal') && !f.endsWith('-shm') && !f.endsWith('.lock') && !f.endsWith('.logins.json');

/** A small tmpfs of its own, or null with the reason (not root, no mount in a container). */
function tmpfs(sizeKb: number): { dir: string } | { skip: string } {
  const dir = tempDir('lvv-tmpfs-');
  dirs.push(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return { skip: `cannot mount a tmpfs here: ${(r.stderr || r.error?.message || '').trim()}` };
  mounts.push(dir);
  return { dir };
}
const canMount = (() => {
  const probe = tmpfs(64);
  if ('dir' in probe) spawnSync('umount', [probe.dir]);
  mounts.length = 0;
  return 'dir' in probe ? null : probe.skip;
})();

function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'vulling'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
  // Whatever is left is smaller than one chunk: fill that too.
  const fd2 = fs.openSync(path.join(dir, 'vulling2'), 'w');
  try {
    for (;;) fs.writeSync(fd2, Buffer.alloc(512, 1));
  } catch {
    // full
  } finally {
    fs.closeSync(fd2);
  }
}

async function cityEnv(dir?: string) {
  const env = makeEnv(dir ? { dir } : {});
  envs.push(env);
  await env.api['setup.create'](cityInput);
  return env;
}

describe('faults say what they are and change no file', () => {
  it.skipIf(canMount !== null)(
    `disk full (tmpfs) ${canMount ?? ''}`,
    async () => {
      const m = tmpfs(6 * 1024);
      if (!('dir' in m)) return;
      const env = await cityEnv(path.join(m.dir, 'env'));
      await env.api['auth.login'](anna);
      const backups = path.join(m.dir, 'backups');
      await env.api['backups.configure']({ folder: backups, keep: 3 });
      env.backend.vault.database().pragma('wal_checkpoint(TRUNCATE)');
      await new Promise((r) => setTimeout(r, 300));
      fill(m.dir);
      const before = snapshot(env.dir, envFiles);

      expect(
        await failure(env.api['users.resetPassword']({ userId: 1, password: 'een heel nieuw wachtwoord' })),
      ).toMatchObject({
        code: 'STORAGE_FAULT',
        info: { reason: 'disk_full' },
      });
      expect(await failure(env.api['backups.make']({}))).toMatchObject({
        code: 'STORAGE_FAULT',
        info: { reason: 'disk_full' },
      });
      expect(fs.readdirSync(backups)).toEqual([]);
      expect(await dutch(env.api['backups.make']({}))).toBe(
        'De schijf met de gegevensmap is vol. Er is niets gewijzigd; maak ruimte vrij en probeer het opnieuw.',
      );
      for (let i = 0; i < 40; i++) {
        const r = await failure(env.api['settings.update']({ idleLockMinutes: 5 + i }));
        if (r) {
          expect(r).toMatchObject({ code: 'STORAGE_FAULT', info: { reason: 'disk_full' } });
          break;
        }
      }
      expect(snapshot(env.dir, envFiles)).toEqual(before);
      expect(readKeyFile(env.backend.vault.keyFile).entries).toHaveLength(1);
    },
    60_000,
  );

  it.skipIf(canMount !== null)(
    `read-only folder (tmpfs remounted read-only) ${canMount ?? ''}`,
    async () => {
      const m = tmpfs(8 * 1024);
      if (!('dir' in m)) return;
      const env = await cityEnv(m.dir);
      const before = snapshot(m.dir);
      expect(spawnSync('mount', ['-o', 'remount,ro', m.dir]).status).toBe(0);
      expect(await failure(env.api['auth.login'](anna))).toMatchObject({
        code: 'STORAGE_FAULT',
        info: { reason: 'read_only' },
      });
      expect(await dutch(env.api['auth.login'](anna))).toBe(
        'In de gegevensmap kan niet worden geschreven (alleen-lezen of geen toestemming). Er is niets gewijzigd; vraag uw systeembeheer om schrijfrechten.',
      );
      expect(snapshot(m.dir)).toEqual(before);
      expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    },
    60_000,
  );

  it('a missing database is not a new environment: the login says it is missing, nothing is created', async () => {
    const env = await cityEnv();
    fs.rmSync(env.backend.vault.dbFile);
    const before = snapshot(env.dir, envFiles);
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    expect(await failure(env.api['auth.login'](anna))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'database_missing' },
    });
    expect(await dutch(env.api['auth.login'](anna))).toBe(
      'Het databasebestand ontbreekt, terwijl het sleutelbestand er nog is. Dit is geen nieuwe omgeving: zet de laatste reservekopie terug of zoek het bestand.',
    );
    expect(await failure(env.api['setup.create'](cityInput))).toMatchObject({ code: 'ALREADY_SET_UP' });
    expect(snapshot(env.dir, envFiles)).toEqual(before);
  });

  it('a damaged key-file entry is not a wrong password', async () => {
    const env = await cityEnv();
    const keys = readKeyFile(env.backend.vault.keyFile);
    const holder = keys.entries[0]!.holder!;
    holder.privateKey.ciphertext = holder.privateKey.ciphertext.slice(0, 10);
    fs.writeFileSync(env.backend.vault.keyFile, JSON.stringify(keys));
    const before = snapshot(env.dir, envFiles);
    expect(await failure(env.api['auth.login'](anna))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'key_entry_damaged' },
    });
    expect(await dutch(env.api['auth.login'](anna))).toBe(
      'Uw sleutel in het sleutelbestand is beschadigd; dit is geen verkeerd wachtwoord. Herstel de toegang met de herstelsleutel (Wachtwoord of sleutelbestand kwijt).',
    );
    expect(snapshot(env.dir, envFiles)).toEqual(before);
  });

  it('a key file from another environment says so', async () => {
    const a = await cityEnv();
    await a.api['auth.login'](anna);
    await a.api['settings.update']({ idleLockMinutes: 12 }); // writes the head file, naming a's database
    await a.api['auth.lock']({});
    const b = await cityEnv();
    fs.copyFileSync(b.backend.vault.keyFile, a.backend.vault.keyFile);
    expect(fs.existsSync(headFileFor(a.backend.vault.keyFile))).toBe(true);
    const before = snapshot(a.dir, envFiles);
    expect(await failure(a.api['auth.login'](anna))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'key_file_foreign' },
    });
    expect(await dutch(a.api['auth.login'](anna))).toBe(
      'Het sleutelbestand hoort bij een andere omgeving dan deze database. Zet het juiste sleutelbestand terug of herstel de toegang met de herstelsleutel.',
    );
    expect(snapshot(a.dir, envFiles)).toEqual(before);
  });

  it('a database from a newer version is refused untouched', async () => {
    const env = await cityEnv();
    await env.api['auth.login'](anna);
    const key = env.backend.vault.databaseKey().toString('hex');
    await env.api['auth.lock']({});
    const raw = new Database(env.backend.vault.dbFile);
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key}'"`);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    const before = snapshot(env.dir, envFiles);
    expect(await failure(env.api['auth.login'](anna))).toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(await dutch(env.api['auth.login'](anna))).toBe(
      'Deze database is gemaakt met een nieuwere versie van LVV Overleg. Installeer die versie; de database is niet gewijzigd.',
    );
    expect(snapshot(env.dir, envFiles)).toEqual(before);
  });

  it('a database in use by another program names that program, in the app and on the command line', async () => {
    const env = await cityEnv();
    await env.api['auth.login'](anna);
    // Another program (a stand-in process) holds the folder, and the database's write lock.
    const other = spawn('sleep', ['60']);
    children.push(other);
    fs.writeFileSync(
      lockFileFor(env.dir),
      JSON.stringify({
        pid: other.pid,
        host: os.hostname(),
        kind: 'app',
        since: new Date().toISOString(),
        nonce: 'x',
      }),
    );
    const raw = new Database(env.backend.vault.dbFile);
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${env.backend.vault.databaseKey().toString('hex')}'"`);
    raw.prepare('BEGIN IMMEDIATE').run();
    env.backend.vault.database().pragma('busy_timeout = 100');
    try {
      expect(await failure(env.api['settings.update']({ idleLockMinutes: 30 }))).toMatchObject({
        code: 'FOLDER_IN_USE',
        info: { pid: other.pid, kind: 'app' },
      });
      expect(await dutch(env.api['settings.update']({ idleLockMinutes: 31 }))).toBe(
        `Deze gegevensmap is al geopend door een ander programma (proces ${other.pid}). Sluit dat eerst en probeer het opnieuw.`,
      );
    } finally {
      raw.prepare('ROLLBACK').run();
      raw.close();
    }
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), 'check', '--db', env.dir],
      { cwd: root, encoding: 'utf8', input: '' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`pid ${other.pid}`);
  }, 60_000);
});

describe('no doubled codes', () => {
  it('a file-system error on the command line names its code once', () => {
    const dir = tempDir('lvv-nodouble-');
    dirs.push(dir);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'electron/cli/main.ts'),
        'check',
        '--db',
        dir,
        '--recovery-key-file',
        path.join(dir, 'nope.txt'),
      ],
      { cwd: root, encoding: 'utf8', input: '' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/(\b[A-Z_]{4,}): \1:/);
  });
});

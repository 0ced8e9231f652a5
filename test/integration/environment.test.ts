import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecoveryKey } from '../../electron/core/crypto/keywrap';
import { DB_FILE_NAME, KEY_FILE_NAME } from '../../electron/core/environment/vault';
import { cityInput, errorCode as code, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
afterEach(() => env?.cleanup());

describe('environment set-up and login', () => {
  it('creates an encrypted environment whose recovery key opens it with plain SQLCipher settings', async () => {
    env = makeEnv();
    expect((await env.api['app.status']({})).state).toBe('leeg');
    const { recoveryKey } = await env.api['setup.create'](cityInput);
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');

    const file = path.join(env.dir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Utrecht'))).toBe(false);
    expect(fs.readFileSync(path.join(env.dir, KEY_FILE_NAME), 'utf8')).not.toContain('Utrecht');

    // Any SQLCipher 4 client: cipher settings plus the raw key from the recovery key.
    const db = new Database(file, { readonly: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${parseRecoveryKey(recoveryKey)!.toString('hex')}'"`);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'city'`).get()).toEqual({ value: 'Utrecht' });
    db.close();
  });

  it('logs in with the password, locks, and refuses wrong passwords with one generic error', async () => {
    env = makeEnv();
    await env.api['setup.create'](cityInput);
    expect(await code(env.api['auth.login']({ username: 'anna', password: 'wrong password!!' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(await code(env.api['auth.login']({ username: 'nobody', password: 'correct horse battery' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(await code(env.api['users.list']({}))).toBe('UNAUTHENTICATED');

    const session = await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    expect(session.roles).toEqual(['beheerder']);
    expect(session.organisationName).toBe('Gemeente Utrecht');
    expect((await env.api['app.status']({})).state).toBe('open');
    expect(await env.api['users.list']({})).toHaveLength(1);

    await env.api['auth.lock']({});
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    expect(await code(env.api['users.list']({}))).toBe('UNAUTHENTICATED');
  });

  it('never overwrites an existing environment, and leaves a damaged database file untouched', async () => {
    env = makeEnv();
    await env.api['setup.create'](cityInput);
    expect(await code(env.api['setup.create'](cityInput))).toBe('ALREADY_SET_UP');
    expect(await code(env.api['setup.demo']({}))).toBe('ALREADY_SET_UP');

    const file = path.join(env.dir, DB_FILE_NAME);
    const damaged = Buffer.alloc(8192, 7);
    fs.writeFileSync(file, damaged);
    expect(await code(env.api['auth.login']({ username: 'anna', password: 'correct horse battery' }))).toBe(
      'DATABASE_UNREADABLE',
    );
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(await code(env.api['setup.create'](cityInput))).toBe('ALREADY_SET_UP');
  });

  it('locks by itself after the idle time and drops the session', async () => {
    env = makeEnv();
    await env.api['setup.create'](cityInput);
    await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    await env.api['settings.update']({ idleLockMinutes: 5 });
    env.clock.now = new Date(env.clock.now.getTime() + 4 * 60_000);
    env.backend.tick();
    expect((await env.api['app.status']({})).state).toBe('open');
    env.clock.now = new Date(env.clock.now.getTime() + 6 * 60_000);
    env.backend.tick();
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    expect(await code(env.api['users.list']({}))).toBe('UNAUTHENTICATED');
  });
});

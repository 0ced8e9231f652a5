import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../electron/core/storage/keyfile';
import { cityInput, errorCode, failure, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
afterEach(() => env?.cleanup());

const anna = { username: 'anna', password: 'correct horse battery' };

async function setUp() {
  env = makeEnv();
  const { recoveryKey } = await env.api['setup.create'](cityInput);
  return recoveryKey;
}

describe('recovery with the recovery key', () => {
  it('after the key file is deleted, the recovery key rebuilds it and gives the holder a new password (audited)', async () => {
    const recoveryKey = await setUp();
    fs.rmSync(env.backend.vault.keyFile);
    // Without the key file nobody can open it, not even with the right password.
    expect(await errorCode(env.api['auth.login'](anna))).not.toBe('OK');

    const r = await env.api['auth.recover']({
      recoveryKey,
      username: 'anna',
      password: 'nieuw wachtwoord 2026',
    });
    expect(r).toEqual({ rebuiltKeyFile: true, othersWithoutKey: [] });
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    expect(readKeyFile(env.backend.vault.keyFile).entries.map((e) => e.username)).toEqual(['anna']);
    expect(fs.statSync(env.backend.vault.keyFile).mode & 0o777).toBe(0o600);

    expect(await errorCode(env.api['auth.login'](anna))).toBe('WRONG_CREDENTIALS');
    await env.api['auth.login']({ username: 'anna', password: 'nieuw wachtwoord 2026' });
    expect((await env.api['environment.check']({})).ok).toBe(true);
    const audit = env.backend.vault
      .database()
      .prepare(`SELECT user_id AS userId, action, ids FROM audit WHERE action = 'user.recover'`)
      .all();
    expect(audit).toEqual([{ userId: 0, action: 'user.recover', ids: '[1]' }]);
  });

  it('a damaged key file is put aside, not deleted; a forgotten password is replaced without rebuilding', async () => {
    const recoveryKey = await setUp();
    const file = env.backend.vault.keyFile;
    fs.writeFileSync(file, '{"format": "lvv-overleg-keys/2", "databaseId": "kapot');
    const r = await env.api['auth.recover']({
      recoveryKey,
      username: 'anna',
      password: 'nieuw wachtwoord 2026',
    });
    expect(r.rebuiltKeyFile).toBe(true);
    const aside = fs.readdirSync(env.dir).filter((f) => f.includes('.keys.json.onbruikbaar-'));
    expect(aside).toHaveLength(1);

    const again = await env.api['auth.recover']({
      recoveryKey,
      username: 'anna',
      password: 'nog een wachtwoord 26',
    });
    expect(again.rebuiltKeyFile).toBe(false);
    await env.api['auth.login']({ username: 'anna', password: 'nog een wachtwoord 26' });
  });

  it('refuses a wrong recovery key, a malformed one, and someone who holds no key, changing nothing', async () => {
    const recoveryKey = await setUp();
    await env.api['auth.login'](anna);
    await env.api['users.create']({
      displayName: 'Ilse',
      username: 'ilse',
      organisationId: (await env.api['organisations.list']({}))[1]!.id,
      roles: ['deelnemer'],
      password: 'ilse wachtwoord 2026',
    });
    await env.api['auth.lock']({});
    const keys = fs.readFileSync(env.backend.vault.keyFile);
    const wrong = recoveryKey.replace(/^.{4}/, recoveryKey.startsWith('0000') ? '1111' : '0000');
    expect(
      await errorCode(
        env.api['auth.recover']({ recoveryKey: wrong, username: 'anna', password: 'nieuw wachtwoord 2026' }),
      ),
    ).toBe('DATABASE_UNREADABLE');
    expect(
      await failure(
        env.api['auth.recover']({ recoveryKey: 'abc', username: 'anna', password: 'nieuw wachtwoord 2026' }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'recoveryKey' }] });
    expect(
      await failure(
        env.api['auth.recover']({ recoveryKey, username: 'ilse', password: 'nieuw wachtwoord 2026' }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'username', code: 'not_key_holder' }] });
    expect(fs.readFileSync(env.backend.vault.keyFile).equals(keys)).toBe(true);
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
  });
});

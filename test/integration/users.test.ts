import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
afterEach(() => env?.cleanup());

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof ApiError ? e.code : `THREW ${String(e)}`;
  }
}

async function adminEnv(): Promise<TestEnv> {
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
  return env;
}

describe('users', () => {
  it('an administrator adds, disables and re-enables a user; a disabled user cannot unlock the database', async () => {
    const { api } = await adminEnv();
    const ind = (await api['organisations.list']({})).find((o) => o.name === 'IND')!;
    const ilse = await api['users.create']({
      displayName: 'Ilse',
      username: 'ilse',
      organisationId: ind.id,
      roles: ['deelnemer'],
      password: 'ilse haar wachtwoord',
    });
    expect(
      await code(
        api['users.create']({
          displayName: 'Ilse 2',
          username: 'ILSE',
          organisationId: ind.id,
          roles: ['deelnemer'],
          password: 'nog een wachtwoord',
        }),
      ),
    ).toBe('CONFLICT');

    // Ilse joins from her own client while anna holds the environment open.
    const ilseApi = env.as('ilse-laptop');
    const session = await ilseApi['auth.login']({ username: 'ilse', password: 'ilse haar wachtwoord' });
    expect(session).toMatchObject({ organisationName: 'IND', roles: ['deelnemer'], keyHolder: false });
    expect(await code(ilseApi['users.list']({}))).toBe('FORBIDDEN');
    expect(
      await code(ilseApi['users.resetPassword']({ userId: ilse.id, password: 'zelf resetten mag niet' })),
    ).toBe('FORBIDDEN');

    expect(await code(api['users.setDisabled']({ userId: session.userId - 1, disabled: true }))).toBe(
      'CONFLICT',
    ); // anna herself
    const disabled = await api['users.setDisabled']({ userId: ilse.id, disabled: true });
    expect(disabled.rekeyed).toBeNull(); // ilse never held the key: nothing to re-key
    // Disabling ends her session at once, and she cannot log in again.
    expect(await code(ilseApi['dossiers.list']({}))).toBe('UNAUTHENTICATED');
    expect(await code(ilseApi['auth.login']({ username: 'ilse', password: 'ilse haar wachtwoord' }))).toBe(
      'WRONG_CREDENTIALS',
    );

    await api['users.setDisabled']({ userId: ilse.id, disabled: false });
    await api['users.resetPassword']({ userId: ilse.id, password: 'een nieuw wachtwoord' });
    const again = await ilseApi['auth.login']({ username: 'ilse', password: 'een nieuw wachtwoord' });
    expect(again).toMatchObject({ username: 'ilse', mustChangePassword: true });
    // A temporary password must be replaced before anything else.
    expect(await code(ilseApi['dossiers.list']({}))).toBe('PASSWORD_CHANGE_REQUIRED');
    await ilseApi['auth.changePassword']({ current: 'een nieuw wachtwoord', next: 'mijn eigen wachtwoord' });
    expect(await code(ilseApi['dossiers.list']({}))).toBe('OK');
  });

  it('a user changes their own password; the old one stops working and the database is untouched', async () => {
    const { api } = await adminEnv();
    expect(await code(api['auth.changePassword']({ current: 'wrong', next: 'nieuw lang wachtwoord' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    await api['auth.changePassword']({ current: 'correct horse battery', next: 'nieuw lang wachtwoord' });
    await api['auth.lock']({});
    expect(await code(api['auth.login']({ username: 'anna', password: 'correct horse battery' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    await api['auth.login']({ username: 'anna', password: 'nieuw lang wachtwoord' });
    expect(await api['users.list']({})).toHaveLength(1);
  });

  it('records every change in the audit chain, by whom, with ids only', async () => {
    const { api, backend } = await adminEnv();
    const org = (await api['organisations.list']({}))[1]!;
    await api['users.create']({
      displayName: 'Piet Geheim',
      username: 'piet',
      organisationId: org.id,
      roles: ['deelnemer'],
      password: 'wachtwoord van piet',
    });
    await api['settings.update']({ idleLockMinutes: 15 });
    const rows = backend.vault
      .database()
      .prepare('SELECT user_id, action, entity, ids FROM audit ORDER BY id')
      .all() as { user_id: number; action: string; ids: string }[];
    expect(rows.map((r) => r.action)).toEqual([
      'environment.create',
      'user.create',
      'session.open',
      'user.create',
      'settings.update',
    ]);
    expect(JSON.stringify(rows)).not.toContain('Piet');
    expect(await api['audit.verify']({})).toMatchObject({ valid: true, records: 5 });
  });

  it('the demo has a user per role whose shown password works, and its sixteen dossiers', async () => {
    env = makeEnv();
    const { users } = await env.api['setup.demo']({});
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['beheerder', 'voorzitter', 'notulist', 'ind', 'dtv', 'ngo', 'politie']),
    );
    for (const u of users.slice(0, 3)) {
      const s = await env.api['auth.login']({ username: u.username, password: u.password });
      expect(s.roles).toEqual(u.roles);
      await env.api['auth.lock']({});
    }
    await env.api['auth.login']({ username: 'beheerder', password: users[0]!.password });
    expect((await env.api['app.status']({})).demo).toBe(true);
    expect(
      (env.backend.vault.database().prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n,
    ).toBe(16); // the ten people of domain.md and six earlier dossiers that left (demo-outcomes.ts)
  });
});

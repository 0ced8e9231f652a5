import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index';
import { roles } from '../../shared/domain/roles';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
  const org = (await env.api['organisations.list']({}))[0]!;
  // A user holding every role, so that role checks pass and only the input decides.
  await env.api['users.create']({ displayName: 'Alle Rollen', username: 'alles', organisationId: org.id, roles: [...roles], password: 'alle rollen tegelijk' });
  await env.api['auth.lock']({});
  await env.api['auth.login']({ username: 'alles', password: 'alle rollen tegelijk' });
});
afterAll(() => env.cleanup());

const malformed: unknown[] = [42, 'x', [], null, { __proto__: { admin: true } }, { unexpected: true }];

describe('contract', () => {
  it.each(methodNames)('%s rejects malformed input with BAD_INPUT and changes nothing', async (method) => {
    const before = (env.backend.vault.database().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    for (const input of malformed) {
      const r = await env.backend.dispatch(method, input);
      // Empty inputs legitimately accept {} built from a prototype trick; everything else must fail.
      if (r.ok) {
        expect(input).toEqual({});
        continue;
      }
      expect(r.error.code, `${method} with ${JSON.stringify(input)}`).toBe('BAD_INPUT');
      expect(r.error.message).not.toMatch(/SQLITE|\/|at /);
    }
    if (env.backend.vault.state() !== 'open') await env.api['auth.login']({ username: 'alles', password: 'alle rollen tegelijk' });
    const after = (env.backend.vault.database().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    expect(after).toBe(before);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { makeEnv, type TestEnv } from '../support/backend';

/*
 * The environment can be locked (the opener's idle time, a key holder's Vergrendelen) while someone
 * else's login is still deriving its password hash. That login must end as "locked", a message the
 * screen words, never as INTERNAL with "The database connection is not open" (seen on a busy machine).
 */

let env: TestEnv;
afterEach(() => env.cleanup());

describe('a lock during a login', () => {
  it('answers the login as locked, whenever during the password check the lock comes', async () => {
    env = makeEnv();
    await env.api['setup.demo']({});
    await env.api['auth.logout']({});
    const codes = new Set<string>();
    for (let delay = 0; delay < 12; delay++) {
      await env.login('beheerder');
      const ind = env.as(`test:ind-${delay}`);
      const login = ind['auth.login']({ username: 'ind', password: 'demo-ind-2026' }).then(
        () => 'OK',
        (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`),
      );
      await new Promise((r) => setTimeout(r, delay));
      env.backend.vault.lock();
      codes.add(await login);
      await env.api['auth.logout']({}).catch(() => undefined);
    }
    for (const code of codes) expect(['OK', 'UNAUTHENTICATED']).toContain(code);
    expect(codes.has('UNAUTHENTICATED')).toBe(true);
  });
});

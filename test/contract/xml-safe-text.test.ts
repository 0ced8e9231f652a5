import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract/index';
import { isXmlSafe, terminalSafe, unsafeTextPaths } from '../../shared/text';
import { cityInput, makeEnv, type TestEnv, testCaller } from '../support/backend';

/*
 * Issue 11: U+FFFE in a position made the signed minutes unreadable. No text XML cannot carry gets
 * past the dispatcher, for any method of the contract: the check runs on the raw input before the
 * schema and the handler, so whatever a method's schema lets through is covered.
 */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
});
afterAll(() => env.cleanup());

const bad = [
  'a\uFFFE',
  'a\uFFFF',
  'x\u0000y',
  '\u0001',
  'bel\u0007',
  'ff\u000C',
  'lone \uD800 high',
  'lone \uDC00 low',
];

describe('text XML cannot carry', () => {
  it.each(methodNames)('%s refuses it in any field, nested or not, and changes nothing', async (method) => {
    const audit = () =>
      (env.backend.vault.database().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const before = audit();
    for (const text of bad) {
      for (const input of [{ text }, { a: { b: ['ok', text] } }]) {
        const r = await env.backend.dispatch(method, input, testCaller);
        expect(r.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
        if (r.ok) continue;
        expect(r.error).toMatchObject({ code: 'BAD_INPUT', fields: [{ code: 'invalid_characters' }] });
      }
    }
    const nested = await env.backend.dispatch(method, { a: { b: ['ok', 'x\uFFFE'] } }, testCaller);
    expect(nested.ok ? null : nested.error.fields?.[0]?.path).toBe('a.b.1');
    expect(audit()).toBe(before);
  });

  it('tab, line breaks, emoji and accents are text', () => {
    expect(isXmlSafe('Grâce\tM. K.\r\nregel 2 😀 Ĳ')).toBe(true);
    expect(unsafeTextPaths({ a: 'ok', b: ['\uFFFE'], c: { d: '\uD83D' } })).toEqual(['b.0', 'c.d']);
  });

  it('a terminal line carries no control characters', () => {
    expect(terminalSafe('Vera\u001b[2J\rGELDIG\u202E')).toBe('Vera\uFFFD[2J\uFFFDGELDIG\uFFFD');
  });
});

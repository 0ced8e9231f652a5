import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract/index';
import { makeEnv, type TestEnv, testCaller } from '../support/backend';

/*
 * Every minutes.* method: malformed input is refused with BAD_INPUT before any handler runs, and a
 * good call answers with data that matches the contract's own output schema.
 */

let env: TestEnv;
let signedMeeting = 0;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'notulist', password: 'demo-notulist-2026' });
  signedMeeting = (await env.api['minutes.list']({})).find((m) => m.state === 'ondertekend')!.meetingId;
});
afterAll(() => env.cleanup());

const malformed: Record<string, unknown[]> = {
  'minutes.list': [{ extra: 1 }],
  'minutes.get': [{}, { meetingId: 'een' }, { meetingId: 0 }, { meetingId: 1, extra: 1 }],
  'minutes.startCorrections': [{}, { meetingId: -3 }],
  'minutes.proposeCorrection': [
    { meetingId: 1, targetKind: 'position', targetId: 1, field: 'reasoning' },
    { meetingId: 1, targetKind: 'dossier', targetId: 1, field: 'reasoning', text: 'x' },
    { meetingId: 1, targetKind: 'position', targetId: 1, field: 'v_number', text: 'x' },
    { meetingId: 1, targetKind: 'position', targetId: 1, field: 'reasoning', text: '   ' },
    { meetingId: 1, targetKind: 'position', targetId: 1, field: 'reasoning', text: 'x'.repeat(4001) },
  ],
  'minutes.decideCorrection': [
    { correctionId: 1, accept: 'ja', reason: '' },
    { correctionId: 1, accept: true },
  ],
  'minutes.adopt': [{ meetingId: 1.5 }],
  'minutes.sign': [{ meetingId: null }],
  'minutes.newVersion': [{ meetingId: '1' }],
  'minutes.exportFull': [
    { meetingId: 0 },
    { meetingId: 1, version: 0 },
    { meetingId: 1, scope: { kind: 'full' } },
  ],
  'minutes.exportExtract': [
    { meetingId: 1 },
    { meetingId: 1, scope: { kind: 'alles' } },
    { meetingId: 1, scope: { kind: 'full' } },
    { meetingId: 1, scope: { kind: 'organisation' } },
    { meetingId: 1, scope: { kind: 'dossier', dossierNumber: '' } },
    { meetingId: 1, scope: { kind: 'organisation', organisationId: 1, extra: true } },
  ],
  'minutes.verify': [
    { docx: { name: 'a.docx', base64: 'AAAA' }, signatures: [] },
    { docx: { name: 'a.docx', base64: 'niet base64!' }, signatures: [{ name: 'a.p7s', base64: 'AAAA' }] },
    { docx: { name: '', base64: 'AAAA' }, signatures: [{ name: 'a.p7s', base64: 'AAAA' }] },
    { docx: { name: 'a.docx', base64: 'AAAA' }, signatures: [{ name: 'a.p7s', base64: 'AAAA', extra: 1 }] },
  ],
  'minutes.settings.get': [{ x: 1 }],
  'minutes.settings.update': [{}, { fullNames: 'ja' }],
};

describe('minutes contract', () => {
  const methods = Object.keys(contract).filter((m) => m.startsWith('minutes.')) as MethodName[];

  it('lists malformed examples for every minutes method', () => {
    expect(new Set(methods)).toEqual(new Set(Object.keys(malformed)));
  });

  it.each(Object.entries(malformed))('%s refuses malformed input with BAD_INPUT', async (method, inputs) => {
    // Roles are checked before input: call as a user the method admits.
    const user = method === 'minutes.settings.update' ? 'beheerder' : 'notulist';
    await env.login(user);
    for (const input of inputs) {
      const r = await env.backend.dispatch(method, input, testCaller);
      expect(r.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
    }
  });

  it('answers good calls with data matching the output schema', async () => {
    await env.api['auth.login']({ username: 'notulist', password: 'demo-notulist-2026' });
    const check = async (method: MethodName, input: unknown) => {
      const r = await env.backend.dispatch(method, input, testCaller);
      expect(r.ok, `${method}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect(contract[method].output.safeParse(r.value).success).toBe(true);
      return r.ok ? r.value : null;
    };
    await check('minutes.list', {});
    await check('minutes.get', { meetingId: signedMeeting });
    await check('minutes.settings.get', {});
    const exported = (await check('minutes.exportFull', { meetingId: signedMeeting })) as {
      files: { name: string; base64: string }[];
    };
    await check('minutes.verify', {
      docx: { name: exported.files[0]!.name, base64: exported.files[0]!.base64 },
      signatures: exported.files
        .filter((x) => x.name.endsWith('.p7s'))
        .map(({ name, base64 }) => ({ name, base64 })),
    });
  });
});

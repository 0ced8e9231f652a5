import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/contract/index';
import { ApiError } from '../../shared/errors';
import { makeEnv, type TestEnv } from '../support/backend';

/*
 * Every dossiers.* method (and organisations.setSeesSpecial): malformed input is refused with BAD_INPUT
 * before any handler runs, and a good call answers with data that matches the contract's own schema.
 */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
});
afterAll(() => env.cleanup());

type Call = (input: unknown) => Promise<unknown>;
const call = (m: MethodName): Call => env.api[m] as Call;
const login = (u: string) => env.login(u);

const malformed: Record<string, unknown[]> = {
  'dossiers.list': [{ status: 'weg' }, { text: 42 }, { nearWeeks: 0 }, { sort: 'v_number' }, { extra: true }],
  'dossiers.get': [{}, { id: 'een' }, { id: -1 }, { id: 1, extra: 1 }],
  'dossiers.create': [
    {},
    { name: '', referredAt: '2026-01-01' },
    { name: 'A', referredAt: '2026-02-30' },
    { name: 'A', referredAt: '2026-01-01', vNumber: '123' },
    { name: 'A', referredAt: '2026-01-01', admin: true },
  ],
  'dossiers.update': [
    { id: 1 },
    { id: 1, version: 1, changes: { status: 'weg' } },
    { id: 1, version: 1, changes: {}, sneaky: 1 },
    { id: 1, version: 1, changes: { intakeDate: '2026-1-1' } },
  ],
  'dossiers.checkVNumber': [{}, { vNumber: 3012457781 }, { vNumber: 'x'.repeat(41) }],
  'dossiers.special.get': [{}, { id: 0 }],
  'dossiers.special.update': [
    { id: 1 },
    { id: 1, special: { medicalObstacle: 'misschien' } },
    { id: 1, special: { justice: 'x' } },
  ],
  'dossiers.procedures.add': [
    { dossierId: 1 },
    { dossierId: 1, procedure: { kind: 'raar' } },
    { dossierId: 1, procedure: { kind: 'overig', startedOn: '2026-05-01', endedOn: '2026-04-01' } },
  ],
  'dossiers.procedures.update': [
    { id: 1 },
    { id: 1, procedure: { kind: 'overig', result: 'x'.repeat(501) } },
  ],
  'organisations.setSeesSpecial': [{ organisationId: 1 }, { organisationId: 1, seesSpecial: 'ja' }],
};

/** A small register for the import methods (issue 10), as base64 like every upload. */
const register = {
  name: 'register.csv',
  base64: Buffer.from('Naam;V-nummer;Datum aanmelding\r\nContract Import;9900000002;2-11-2026\r\n').toString(
    'base64',
  ),
};
malformed['dossiers.import.preview'] = [
  {},
  { file: { name: 'r.csv', base64: '!!' } },
  { file: { name: '', base64: register.base64 } },
  { file: register, mapping: { name: 0 } },
  { file: register, extra: 1 },
];
malformed['dossiers.import.run'] = [
  { file: register },
  { file: register, mode: 'alles' },
  { file: { name: 'r.csv', base64: '' }, mode: 'alles_of_niets' },
];

const dossierMethods = methodNames
  .filter((m) => m.startsWith('dossiers.'))
  .concat(['organisations.setSeesSpecial']);

describe('dossier methods reject malformed input with BAD_INPUT', () => {
  it('has a malformed case for every dossier method', () => {
    expect(Object.keys(malformed).sort()).toEqual([...dossierMethods].sort());
  });

  it.each(dossierMethods)('%s', async (m) => {
    await login(m === 'organisations.setSeesSpecial' ? 'beheerder' : 'casemanager');
    for (const input of malformed[m]!) {
      const error = await call(m)(input).then(
        () => null,
        (e: unknown) => (e instanceof ApiError ? e.error : e),
      );
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'BAD_INPUT' });
    }
  });
});

describe('dossier methods answer with data that matches the contract', () => {
  const good: [MethodName, string, unknown][] = [
    ['dossiers.list', 'casemanager', { status: 'open', target: 'verstreken', sort: 'targetDate' }],
    ['dossiers.get', 'ind', { id: 2 }],
    [
      'dossiers.create',
      'casemanager',
      { name: 'Contract Test', referredAt: '2026-11-01', vNumber: '9900000001', aliases: ['C. Test'] },
    ],
    [
      'dossiers.update',
      'casemanager',
      { id: 3, version: 1, changes: { status: 'uitvoering' }, reason: 'Vergunning verleend' },
    ],
    ['dossiers.checkVNumber', 'ngo', { vNumber: '9900000001' }],
    ['dossiers.special.get', 'ggd', { id: 1 }],
    ['dossiers.special.update', 'casemanager', { id: 5, special: { medicalObstacle: 'nee' } }],
    [
      'dossiers.procedures.add',
      'casemanager',
      { dossierId: 4, procedure: { kind: 'asiel_herhaald', startedOn: '2025-10-01' } },
    ],
    [
      'dossiers.procedures.update',
      'casemanager',
      { id: 1, procedure: { kind: 'asiel_herhaald', startedOn: '2025-10-01', result: 'Ingewilligd' } },
    ],
    ['organisations.setSeesSpecial', 'beheerder', { organisationId: 4, seesSpecial: false }],
    ['dossiers.import.preview', 'casemanager', { file: register }],
    ['dossiers.import.run', 'casemanager', { file: register, mode: 'alles_of_niets' }],
  ];

  it('covers every dossier method', () => {
    expect(good.map(([m]) => m).sort()).toEqual([...dossierMethods].sort());
  });

  it.each(good)('%s', async (m, user, input) => {
    await login(user);
    const value = await call(m)(input);
    expect(contract[m].output.safeParse(value).success).toBe(true);
  });
});

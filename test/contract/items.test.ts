import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemsMethods } from '../../shared/contract/items';
import { fullTable, makeItemEnv, type ItemEnv } from '../support/items';
import { testCaller } from '../support/backend';

/**
 * Every method of positions, decisions, actions and the item panel rejects malformed input with
 * BAD_INPUT (and writes nothing). Each is called by a user whose role may call it (the role check
 * comes first), so the answer is about the input and not about the role.
 */
const malformed: Record<keyof typeof itemsMethods, unknown[]> = {
  'positions.record': [
    {},
    { itemId: 1, organisationId: 2, expectedVersion: -1, direction: 'legalisatie' },
    { itemId: 1, organisationId: 2, expectedVersion: 0, direction: 'blijven' },
    { itemId: 1, organisationId: 2, expectedVersion: 0, direction: 'terugkeer', withheld: true },
    { itemId: 1, organisationId: 2, expectedVersion: 0, direction: 'terugkeer', reasoning: 'x'.repeat(4001) },
    { itemId: 1, organisationId: 2, expectedVersion: 0, direction: 'terugkeer', extra: 1 },
    { itemId: '1', organisationId: 2, expectedVersion: 0, direction: 'terugkeer' },
  ],
  'positions.history': [{}, { dossierId: 0 }, { dossierId: 1.5 }],
  'positions.saveDraft': [
    { itemId: 1, organisationId: 2, baseVersion: 0 },
    { itemId: 1, organisationId: 2, baseVersion: 0, fields: { direction: 'x' } },
  ],
  'positions.discardDraft': [{ itemId: 1 }, { itemId: 1, organisationId: null }],
  'decisions.save': [
    { itemId: 1, text: '', direction: 'terugkeer' },
    { itemId: 1, text: 'x', direction: 'blijven' },
    { itemId: 1, text: 'x', direction: 'terugkeer', reviewDate: '2026-02-30' },
    { itemId: 1, decisionId: 3, text: 'x', direction: 'terugkeer' },
  ],
  'decisions.consent': [
    { decisionId: 1, organisationId: 2, consent: 'ja', decisionVersion: 1 },
    { decisionId: 1, organisationId: 2, consent: 'onthouding', decisionVersion: 1 },
    { decisionId: 1, organisationId: 2, consent: 'akkoord' },
  ],
  'decisions.settle': [
    { decisionId: 1, expectedVersion: 1, outcome: 'doorgaan' },
    { decisionId: 1 },
    { decisionId: 1, expectedVersion: 1, outcome: 'escaleren' },
    {
      decisionId: 1,
      expectedVersion: 1,
      outcome: 'escaleren',
      escalation: { body: 'Wethouder', question: ' ' },
    },
  ],
  'decisions.reopen': [{ decisionId: 1 }, { decisionId: 1, reason: '   ' }],
  'decisions.list': [{ dossierId: 'a' }, { meetingId: -1 }],
  'decisions.confirm': [
    { decisionId: 1, organisationId: 2, consent: 'ja' },
    { decisionId: 1, organisationId: 2, consent: 'bezwaar' },
    { decisionId: 1, consent: 'akkoord' },
  ],
  'decisions.requiredParties.get': [{ x: 1 }],
  'decisions.requiredParties.update': [{}, { legalisatie: ['ind'] }],
  'escalations.return': [
    { escalationId: 1 },
    { escalationId: 1, reason: 'x' },
    { escalationId: 1, outcome: 'ja', answer: 'x', answeredOn: '2026-03-01' },
    { escalationId: 1, outcome: 'anders', answer: '  ', answeredOn: '2026-03-01' },
    { escalationId: 1, outcome: 'anders', answer: 'x', answeredOn: '1-3-2026' },
  ],
  'escalations.list': [{ open: 'ja' }],
  'escalations.bodies': [{ x: 1 }],
  'escalations.setBodies': [{ bodies: [] }, { bodies: [''] }],
  'outflow.record': [
    { dossierId: 1, expectedVersion: 1, outcome: 'ONBEKEND', endedBy: 'client', date: '2026-03-01' },
    {
      dossierId: 1,
      expectedVersion: 1,
      outcome: 'OVERIG',
      subkind: 'gedwongen',
      endedBy: 'client',
      date: '2026-03-01',
    },
    { dossierId: 1, expectedVersion: 1, outcome: 'MOB', endedBy: 'iemand', date: '2026-03-01' },
    { dossierId: 1, expectedVersion: 1, outcome: 'MOB', endedBy: 'client', date: '1-3-2026' },
  ],
  'outflow.reopen': [{ dossierId: 1, expectedVersion: 1 }],
  'actions.create': [
    { itemId: 1, what: '', organisationId: 2, dueDate: '2026-03-17' },
    { itemId: 1, what: 'x', organisationId: 2, dueDate: '17-03-2026' },
    { itemId: 1, what: 'x', dueDate: '2026-03-17' },
  ],
  'actions.review': [
    { actionId: 1, expectedVersion: 1, outcome: 'uitgesteld', reason: 'x' },
    { actionId: 1, expectedVersion: 1, outcome: 'niet_gedaan' },
    { actionId: 1, expectedVersion: 1, outcome: 'misschien' },
  ],
  'actions.list': [{ filter: 'soms' }, { dossierId: 0 }],
  'items.work': [{ meetingId: 1 }, { meetingId: 1, itemId: 'x' }],
};

describe('positions, decisions and actions: contract', () => {
  let env: ItemEnv;
  beforeAll(async () => {
    env = await makeItemEnv();
    env.meeting({ date: '2026-03-10', attendance: fullTable, dossiers: [env.dossier(0)] });
  });
  afterAll(() => env.cleanup());

  it('covers every method of the area', () => {
    expect(Object.keys(malformed).sort()).toEqual(Object.keys(itemsMethods).sort());
  });

  for (const [name, inputs] of Object.entries(malformed)) {
    it(`${name} answers BAD_INPUT to malformed input`, async () => {
      const audit = () => (env.db().prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
      const access = itemsMethods[name as keyof typeof itemsMethods].access;
      const roles = access.kind === 'session' && access.roles !== 'any' ? access.roles : null;
      const user = roles?.includes('notulist')
        ? 'notulist'
        : roles && !roles.includes('voorzitter') && roles.includes('beheerder')
          ? 'beheerder'
          : 'voorzitter';
      await env.login(user);
      const before = audit();
      for (const input of inputs) {
        const r = await env.backend.dispatch(name, input, testCaller);
        expect(r.ok ? 'OK' : r.error.code, JSON.stringify(input).slice(0, 80)).toBe('BAD_INPUT');
      }
      expect(audit()).toBe(before);
    });
  }

  it('the item panel answers with data matching its schema', async () => {
    await env.login('notulist');
    const item = env
      .db()
      .prepare("SELECT id, meeting_id FROM agenda_items WHERE kind = 'dossier' LIMIT 1")
      .get() as {
      id: number;
      meeting_id: number;
    };
    const r = await env.backend.dispatch(
      'items.work',
      { meetingId: item.meeting_id, itemId: item.id },
      testCaller,
    );
    expect(r.ok).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentValue } from '../../shared/domain/consent';
import { failure } from '../support/backend';
import { firstItem, makeItemEnv, type ItemEnv } from '../support/items';

/*
 * Issue 11: a decision settles what was true at the table (frozen participants and consents), the
 * parties a direction cannot do without, and escalation as the sources describe it.
 */

/** The participants of `fullTable` (GGD is absent) and the user that speaks for each. */
const speakers: Record<string, string> = {
  'Gemeente Demostad': 'casemanager',
  IND: 'ind',
  'DT&V': 'dtv',
  VluchtelingenWerk: 'ngo',
  Politie: 'politie',
};

describe('a decision settles what was true', () => {
  let env: ItemEnv;
  let item: number;
  let meetingId: number;
  beforeEach(async () => {
    env = await makeItemEnv();
    ({ meetingId, itemId: item } = firstItem(env));
  });
  afterEach(() => env.cleanup());

  const draft = () =>
    env.api['decisions.save']({
      itemId: item,
      text: 'Terugkeer voorbereiden met IOM.',
      direction: 'terugkeer',
    });

  const consentAll = async (decisionId: number, version: number, over: Record<string, ConsentValue> = {}) => {
    for (const [org, user] of Object.entries(speakers)) {
      await env.login(user);
      const consent = over[org] ?? 'akkoord';
      await env.api['decisions.consent']({
        decisionId,
        organisationId: env.org(org),
        consent,
        reason: consent === 'akkoord' ? null : `Reden van ${org}`,
        decisionVersion: version,
      });
    }
    await env.login('voorzitter');
  };

  const setPresence = async (org: string, presence: 'aanwezig' | 'afwezig_met_bericht') => {
    const { version } = await env.api['meetings.get']({ meetingId });
    return env.api['meetings.setAttendance']({ meetingId, version, organisationId: env.org(org), presence });
  };

  it('refuses the attendance trick: the objector cannot be marked absent once consents were given', async () => {
    const d = await draft();
    await consentAll(d.id, d.version, { 'DT&V': 'bezwaar' });
    expect(await failure(setPresence('DT&V', 'afwezig_met_bericht'))).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'attendance_after_consent', number: d.number },
    });
    expect(
      await failure(
        env.api['decisions.settle']({ decisionId: d.id, expectedVersion: d.version, outcome: 'gedragen' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'not_carried' } });
    // Joining the table takes nobody's voice away: a late arrival is still recorded.
    const late = await setPresence('GGD', 'aanwezig');
    expect(late.attendance.find((a) => a.organisationId === env.org('GGD'))?.presence).toBe('aanwezig');
  });

  it('freezes the participants and consents when settled; later attendance does not change the record', async () => {
    const d = await draft();
    await consentAll(d.id, d.version, { Politie: 'akkoord_met_voorbehoud' });
    const settled = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: d.version,
      outcome: 'gedragen',
    });
    const participants = settled.evaluation.participants;
    expect(participants).toContain(env.org('Politie'));
    // The police leave after the decision: that is recorded, and the settled decision stays as it was.
    await setPresence('Politie', 'afwezig_met_bericht');
    await setPresence('GGD', 'aanwezig');
    const after = (await env.api['decisions.list']({ meetingId }))[0]!;
    expect(after.state).toBe('gedragen');
    expect(after.evaluation).toMatchObject({
      carried: true,
      participants,
      reservations: [env.org('Politie')],
      missing: [],
    });
    expect(after.consents.map((c) => c.organisationId)).toContain(env.org('Politie'));
  });
});

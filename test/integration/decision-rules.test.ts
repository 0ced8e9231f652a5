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

describe('the parties a direction cannot do without', () => {
  let env: ItemEnv;
  beforeEach(async () => {
    env = await makeItemEnv();
  });
  afterEach(() => env.cleanup());

  /** A legalisation decision at a table where only the gemeente sits, with the gemeente's akkoord. */
  async function gemeenteAlone() {
    const dossierId = env.dossier(1);
    const { meetingId, itemId } = env.meeting({
      date: '2026-03-10',
      attendance: {
        'Gemeente Demostad': 'aanwezig',
        IND: 'afwezig_met_bericht',
        'DT&V': 'afwezig_met_bericht',
      },
      dossiers: [dossierId],
    });
    const d = await env.api['decisions.save']({
      itemId,
      text: 'Medische legalisatie aanvragen.',
      direction: 'legalisatie',
    });
    await env.login('casemanager');
    const consented = await env.api['decisions.consent']({
      decisionId: d.id,
      organisationId: env.org('Gemeente Demostad'),
      consent: 'akkoord',
      decisionVersion: d.version,
    });
    await env.login('voorzitter');
    return { dossierId, meetingId, itemId, d: consented };
  }
  const trackOf = (id: number) =>
    (env.db().prepare('SELECT track FROM dossiers WHERE id = ?').get(id) as { track: string }).track;

  it('a legalisation carried by the gemeente alone is not carried: only provisionally, until the IND confirms', async () => {
    const { dossierId, meetingId, d } = await gemeenteAlone();
    const trackBefore = trackOf(dossierId);
    expect(d.evaluation).toMatchObject({
      carried: false,
      state: 'voorlopig',
      missingRequired: [{ kind: 'ind', label: 'IND', organisationIds: [env.org('IND')] }],
    });
    expect(
      await failure(
        env.api['decisions.settle']({ decisionId: d.id, expectedVersion: d.version, outcome: 'gedragen' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'required_parties_missing', parties: 'IND' } });
    const provisional = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: d.version,
      outcome: 'voorlopig',
    });
    expect(provisional.state).toBe('voorlopig_gedragen');
    expect(trackOf(dossierId)).toBe(trackBefore);

    // The minutes say whose confirmation is needed.
    const { loadMinutesModel } = await import('../../electron/core/minutes/load');
    const { packMinutesDocx } = await import('../../electron/core/minutes/build-docx');
    const { documentXmlText } = await import('../support/docx-text');
    const model = loadMinutesModel(env.db(), meetingId, {
      version: 1,
      state: 'concept',
      generatedAt: '2026-03-10T12:00:00Z',
    });
    const text = documentXmlText(await packMinutesDocx(model));
    expect(text).toContain('Voorlopig gedragen, bevestiging nodig van IND');

    // It comes back on the next agenda until confirmed.
    const next = await env.api['meetings.plan']({ date: '2026-03-17', time: '10:00', place: '' });
    const proposed = await env.api['meetings.agenda.propose']({ meetingId: next.id });
    expect(proposed.items.find((i) => i.dossierId === dossierId)?.reasons).toContainEqual(
      expect.objectContaining({ code: 'confirmation_needed', decisionNumber: d.number }),
    );

    // At the next meeting's item, the IND sees the decision that waits for it.
    const { meetingId: nextMeeting, itemId: nextItem } = env.meeting({
      date: '2026-03-17',
      attendance: { IND: 'aanwezig' },
      dossiers: [dossierId],
    });
    await env.login('ind');
    const work = await env.api['items.work']({ meetingId: nextMeeting, itemId: nextItem });
    expect(work.pendingConfirmation?.number).toBe(d.number);
    expect(work.permissions.confirmFor).toEqual([env.org('IND')]);

    // Only the missing party confirms; then it is carried and the dossier takes the track.
    await env.login('dtv');
    expect(
      await failure(
        env.api['decisions.confirm']({
          decisionId: d.id,
          organisationId: env.org('DT&V'),
          consent: 'akkoord',
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'organisationId', code: 'not_required' }] });
    await env.login('ind');
    const confirmed = await env.api['decisions.confirm']({
      decisionId: d.id,
      organisationId: env.org('IND'),
      consent: 'akkoord',
    });
    expect(confirmed).toMatchObject({
      state: 'gedragen',
      evaluation: { carried: true, missingRequired: [] },
    });
    expect(trackOf(dossierId)).toBe('legalisatie');
    await env.login('voorzitter');
    const again = await env.api['meetings.agenda.propose']({ meetingId: next.id });
    expect(
      again.items
        .find((i) => i.dossierId === dossierId)
        ?.reasons.some((r) => r.code === 'confirmation_needed') ?? false,
    ).toBe(false);
  });

  it('the beheerder sets the required parties per direction', async () => {
    await env.login('beheerder');
    const defaults = await env.api['decisions.requiredParties.get']({});
    expect(defaults).toMatchObject({
      legalisatie: ['gemeente', 'ind'],
      terugkeer: ['gemeente', 'dtv'],
      doormigratie: ['gemeente', 'dtv'],
      stabilisatie: ['gemeente'],
    });
    await env.api['decisions.requiredParties.update']({ ...defaults, stabilisatie: ['gemeente', 'ggd'] });
    await env.login('voorzitter');
    // GGD is absent at the full table: a stabilisation now needs its confirmation.
    const { itemId } = firstItem(env);
    const d = await env.api['decisions.save']({
      itemId,
      text: 'Rustperiode met GGZ.',
      direction: 'stabilisatie',
    });
    for (const [org, user] of Object.entries(speakers)) {
      await env.login(user);
      await env.api['decisions.consent']({
        decisionId: d.id,
        organisationId: env.org(org),
        consent: 'akkoord',
        decisionVersion: 1,
      });
    }
    const after = (await env.api['decisions.list']({ dossierId: d.dossierId }))[0]!;
    expect(after.evaluation).toMatchObject({
      state: 'voorlopig',
      missingRequired: [{ kind: 'ggd', label: 'GGD' }],
    });
    await env.login('ind');
    expect(await failure(env.api['decisions.requiredParties.update']({ ...defaults }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('escalation: voorleggen aan', () => {
  let env: ItemEnv;
  let item: number;
  let dossierId: number;
  beforeEach(async () => {
    env = await makeItemEnv();
    ({ itemId: item, dossierId } = firstItem(env));
  });
  afterEach(() => env.cleanup());

  const question = 'Kan de IND buitenschuld onderzoeken nu geen ambassade hem erkent?';

  it('the whole table agrees to put a stuck dossier to the werkgroep, with the question; the answer comes back as a result', async () => {
    const bodies = await env.api['escalations.bodies']({});
    expect(bodies).toEqual(['Landelijke werkgroep vastgelopen dossiers', 'Stuurgroep', 'Wethouder']);
    const d = await env.api['decisions.save']({
      itemId: item,
      text: 'Voorleggen aan de werkgroep vastgelopen dossiers.',
      direction: 'nader_onderzoek',
    });
    for (const [org, user] of Object.entries(speakers)) {
      await env.login(user);
      await env.api['decisions.consent']({
        decisionId: d.id,
        organisationId: env.org(org),
        consent: 'akkoord',
        decisionVersion: 1,
      });
    }
    await env.login('voorzitter');
    // A body the city does not have is refused.
    expect(
      await failure(
        env.api['decisions.settle']({
          decisionId: d.id,
          expectedVersion: 1,
          outcome: 'escaleren',
          escalation: { body: 'Minister', question },
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'escalation.body', code: 'unknown_body' }] });
    const settled = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: 1,
      outcome: 'escaleren',
      escalation: { body: 'Landelijke werkgroep vastgelopen dossiers', question },
    });
    expect(settled.state).toBe('geescaleerd');
    const open = await env.api['escalations.list']({ open: true });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      dossierId,
      body: 'Landelijke werkgroep vastgelopen dossiers',
      question,
      consensus: true,
      dissent: '',
      outcome: null,
    });
    const register = await env.api['dossiers.list']({ escalated: true });
    expect(register.rows.map((r) => r.id)).toEqual([dossierId]);

    // The answer arrives by mail after the meeting: the secretary records it, outside any meeting.
    await env.login('notulist');
    expect(
      await failure(
        env.api['escalations.return']({
          escalationId: open[0]!.id,
          outcome: 'buitenschuld_onderzoeken',
          answer: 'x',
          answeredOn: '2026-04-01',
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'answeredOn', code: 'date_in_future' }] });
    const back = await env.api['escalations.return']({
      escalationId: open[0]!.id,
      outcome: 'buitenschuld_onderzoeken',
      answer: 'De werkgroep vraagt de IND buitenschuld te onderzoeken.',
      answeredOn: '2026-03-10',
    });
    expect(back).toMatchObject({ outcome: 'buitenschuld_onderzoeken', answeredOn: '2026-03-10' });
    expect(await env.api['escalations.list']({ open: true })).toEqual([]);
    expect((await env.api['dossiers.list']({ escalated: true })).rows).toEqual([]);
  });

  it('escalation with dissent carries the dissent; the beheerder configures the bodies', async () => {
    await env.login('beheerder');
    await env.api['escalations.setBodies']({ bodies: ['Regionale stuurgroep', 'Wethouder'] });
    await env.login('voorzitter');
    const d = await env.api['decisions.save']({ itemId: item, text: 'Terugkeer.', direction: 'terugkeer' });
    await env.login('dtv');
    await env.api['decisions.consent']({
      decisionId: d.id,
      organisationId: env.org('DT&V'),
      consent: 'bezwaar',
      reason: 'Geen reisdocument mogelijk',
      decisionVersion: 1,
    });
    await env.login('voorzitter');
    await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: 1,
      outcome: 'escaleren',
      escalation: { body: 'Wethouder', question: 'Opvang verlengen?' },
    });
    const [e] = await env.api['escalations.list']({ open: true });
    expect(e).toMatchObject({ body: 'Wethouder', consensus: false, question: 'Opvang verlengen?' });
    expect(e!.dissent).toContain('DT&V: bezwaar — Geen reisdocument mogelijk');
    expect(
      await failure(
        env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 2, outcome: 'escaleren' }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('the demo', () => {
  it('every carried decision in it is carried by the table frozen with it', async () => {
    const env = await makeItemEnv();
    try {
      const carried = (await env.api['decisions.list']({})).filter((d) => d.state === 'gedragen');
      expect(carried.length).toBeGreaterThan(0);
      for (const d of carried)
        expect(d.evaluation, d.number).toMatchObject({ carried: true, missingRequired: [] });
    } finally {
      env.cleanup();
    }
  });
});

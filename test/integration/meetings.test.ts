import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/contract/index';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { ApiError } from '../../shared/errors';
import { insertDossierRow } from '../../electron/core/dossiers/insert';
import { loadMinutesModel } from '../../electron/core/minutes/load';
import type { Db } from '../../electron/core/db/open';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

/*
 * Meetings against the real backend and encrypted database: the proposed agenda built from the
 * database, the meeting's states, who may do what, and the projector's long poll.
 */

let env: TestEnv;
let api: Api;
let ids: { voorzitter: number; notulist: number; ind: number };

let who = 'anna';
/** Moves the clock; logs in again, as days pass between meetings and the idle lock would lock. */
async function at(iso: string) {
  env.clock.now = new Date(iso);
  await login(who);
}
const db = (): Db => env.backend.vault.database();

async function login(username: string) {
  who = username;
  await api['auth.lock']({});
  await env.login(username, username === 'anna' ? cityInput.admin.password : `${username} wachtwoord 2026`);
}

async function refused(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

let seq = 0;
function dossier(over: Partial<Parameters<typeof insertDossierRow>[1]> = {}): number {
  seq++;
  return insertDossierRow(db(), {
    number: `D-2026-${String(seq).padStart(4, '0')}`,
    city: 'Utrecht',
    vNumber: String(1000000000 + seq),
    name: `Persoon Nummer${seq}`,
    aliases: [],
    sex: 'm',
    birthDate: '1980-01-01',
    birthDateEstimated: false,
    countryOfOrigin: 'Angola',
    nationality: 'Angola',
    firstKnownNl: '2010-01-01',
    familyInNl: null,
    languages: null,
    leadNgoId: null,
    casemanager: null,
    shelter: 'geen',
    referredAt: '2026-01-10',
    intakeDate: '2026-01-20',
    track: 'legalisatie',
    status: 'in_traject',
    targetDate: null,
    stuck: false,
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    notes: null,
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...over,
  });
}
const numberOf = (id: number) =>
  db().prepare('SELECT number FROM dossiers WHERE id = ?').pluck().get(id) as string;

beforeEach(async () => {
  env = makeEnv({ now: new Date('2026-10-01T08:00:00Z') });
  api = env.api;
  seq = 0;
  who = 'anna';
  await api['setup.create'](cityInput);
  await api['auth.login']({ username: 'anna', password: cityInput.admin.password });
  const orgs = await api['organisations.list']({});
  const gemeente = orgs.find((o) => o.kind === 'gemeente')!.id;
  const ind = orgs.find((o) => o.kind === 'ind')!.id;
  const mk = (username: string, organisationId: number, roles: ('voorzitter' | 'notulist' | 'deelnemer')[]) =>
    api['users.create']({
      username,
      displayName: username,
      organisationId,
      roles,
      password: `${username} wachtwoord 2026`,
    });
  ids = {
    voorzitter: (await mk('vera', gemeente, ['voorzitter'])).id,
    notulist: (await mk('niels', gemeente, ['notulist'])).id,
    ind: (await mk('ilse', ind, ['deelnemer'])).id,
  };
  await login('vera');
});
afterEach(() => env.cleanup());

async function hold(
  date: string,
  build: (m: MeetingDetail) => Promise<MeetingDetail>,
  statuses: Record<number, 'besproken' | 'aangehouden'>,
) {
  await at(`${date}T08:00:00Z`);
  let m = await api['meetings.plan']({ date, time: '10:00', place: 'Stadskantoor' });
  m = await build(m);
  m = await api['meetings.start']({ meetingId: m.id, version: m.version });
  for (const item of m.items) {
    const s = item.dossierId === null ? 'besproken' : statuses[item.dossierId];
    if (s) m = await api['meetings.setItemStatus']({ meetingId: m.id, itemId: item.id, status: s });
  }
  await at(`${date}T11:00:00Z`);
  return api['meetings.end']({ meetingId: m.id, version: m.version });
}

const addDossier = (number: string) => async (m: MeetingDetail) =>
  api['meetings.agenda.add']({ meetingId: m.id, version: m.version, kind: 'dossier', dossierNumber: number });

describe('the proposed agenda, from the database', () => {
  it('has a standing item "uitstroom sinds vorig overleg" naming, pseudonymised, who left since', async () => {
    const left = dossier({ status: 'uitgestroomd' });
    const earlier = dossier({ status: 'uitgestroomd' });
    const setOutflow = db().prepare(`UPDATE dossiers SET outcome = ?, outflow_date = ? WHERE id = ?`);
    setOutflow.run('MOB', '2026-11-05', left);
    setOutflow.run('TERUGKEER', '2026-10-20', earlier); // before the previous meeting
    const other = dossier();
    await hold('2026-11-02', addDossier(numberOf(other)), { [other]: 'besproken' });
    await at('2026-11-03T08:00:00Z');
    const next = await api['meetings.plan']({ date: '2026-11-09' });
    const p = await api['meetings.agenda.propose']({ meetingId: next.id });
    const item = p.items.find((i) => i.kind === 'uitstroom')!;
    expect(item.label).toBe('Uitstroom sinds vorig overleg');
    expect(item.reasons).toEqual([
      {
        code: 'left_since',
        since: '2026-11-02',
        dossiers: [
          { dossierId: left, label: `${numberOf(left)} (P.N.)`, outcome: 'MOB', date: '2026-11-05' },
        ],
      },
    ]);
    expect(JSON.stringify(p)).not.toContain('Nummer');
  });

  it('asks for a decision on a passed target date, then does not bring the dossier back every week by itself', async () => {
    const overdue = dossier({ targetDate: '2026-10-15' });
    const keys = async (m: MeetingDetail) => {
      const p = await api['meetings.agenda.propose']({ meetingId: m.id });
      const item = p.items.find((i) => i.dossierId === overdue)!;
      expect(item.reasons).toEqual([{ code: 'target_passed', targetDate: '2026-10-15' }]);
      return api['meetings.agenda.accept']({
        meetingId: m.id,
        version: m.version,
        keys: p.items.map((i) => i.key),
      });
    };
    // 2 November: proposed for its passed target date and discussed.
    await hold('2026-11-02', keys, { [overdue]: 'besproken' });
    // 9 November: nothing changed, so it is not proposed again.
    await at('2026-11-03T08:00:00Z');
    const quiet = await api['meetings.plan']({ date: '2026-11-09' });
    const none = await api['meetings.agenda.propose']({ meetingId: quiet.id });
    expect(none.items.some((i) => i.dossierId === overdue)).toBe(false);
    // A new position comes in: back on the agenda, still saying a decision is needed.
    db()
      .prepare(
        `INSERT INTO positions (dossier_id, organisation_id, version, direction, recorded_by, recorded_at)
         VALUES (?, (SELECT id FROM organisations WHERE kind = 'ind'), 1, 'terugkeer', ?, '2026-11-04T10:00:00.000Z')`,
      )
      .run(overdue, ids.ind);
    const back = await api['meetings.agenda.propose']({ meetingId: quiet.id });
    expect(back.items.find((i) => i.dossierId === overdue)!.reasons.map((r) => r.code)).toEqual([
      'target_passed',
      'positions_changed',
    ]);
  });

  it('proposes every rule with its reason, once per dossier, and carries over with the original date', async () => {
    const carried = dossier();
    const held = dossier();
    const discussed = dossier();
    const fresh = dossier({ referredAt: '2026-11-18', status: 'aangemeld', intakeDate: null });
    const escalated = dossier();
    const requested = dossier();
    const lateRequest = dossier();
    const withAction = dossier();
    const withPosition = dossier();
    const positionAtMeeting = dossier();
    const several = dossier({ targetDate: '2026-11-01' });
    const quiet = dossier();
    const closedRequested = dossier({ status: 'gesloten' });

    // 2 November: "carried" is not reached, so it is carried over.
    await hold('2026-11-02', addDossier(numberOf(carried)), {});
    // 16 November: the proposal carries it (from 2 November); not reached again; "held" is held.
    const m2 = await hold(
      '2026-11-16',
      async (m) => {
        const p = await api['meetings.agenda.propose']({ meetingId: m.id });
        const item = p.items.find((i) => i.dossierId === carried)!;
        expect(item.reasons).toEqual([{ code: 'carried_over', from: '2026-11-02', count: 1 }]);
        let next = await api['meetings.agenda.accept']({
          meetingId: m.id,
          version: m.version,
          keys: p.items.map((i) => i.key),
        });
        next = await addDossier(numberOf(held))(next);
        return addDossier(numberOf(discussed))(next);
      },
      { [held]: 'aangehouden', [discussed]: 'besproken', [several]: 'besproken' },
    );
    expect(m2.items.find((i) => i.dossierId === carried)!.status).toBe('doorgeschoven');

    await at('2026-11-17T08:00:00Z');
    const next = await api['meetings.plan']({ date: '2026-11-24' });
    expect(next.cutoff).toBe('2026-11-23T11:00:00.000Z'); // the day before, 12:00 in Utrecht

    // Facts recorded since: an escalation answered, positions, actions.
    const d = db();
    const org = (kind: string) =>
      db().prepare('SELECT id FROM organisations WHERE kind = ?').pluck().get(kind) as number;
    d.prepare(
      `INSERT INTO escalations (dossier_id, body, dissent, created_at, returned_at) VALUES (?, 'Landelijk', '', ?, ?)`,
    ).run(escalated, '2026-10-01T10:00:00.000Z', '2026-11-20T10:00:00.000Z');
    const position = d.prepare(
      `INSERT INTO positions (dossier_id, organisation_id, version, direction, recorded_by, recorded_at) VALUES (?, ?, 1, 'legalisatie', ?, ?)`,
    );
    position.run(withPosition, org('ind'), ids.ind, '2026-11-18T10:00:00.000Z');
    position.run(positionAtMeeting, org('ind'), ids.ind, '2026-11-16T10:30:00.000Z'); // during the meeting: seen there
    const action = d.prepare(
      `INSERT INTO actions (dossier_id, what, organisation_id, due_date, status, created_at) VALUES (?, 'Bellen', ?, ?, ?, '2026-11-16T10:00:00.000Z')`,
    );
    action.run(withAction, org('dtv'), '2026-11-20', 'open');
    action.run(withAction, org('dtv'), '2026-11-21', 'open');
    action.run(quiet, org('dtv'), '2026-11-20', 'gedaan');
    action.run(quiet, org('dtv'), '2026-12-20', 'open'); // not yet due
    action.run(several, org('dtv'), '2026-11-24', 'open'); // due on the meeting day counts

    // Requests by the IND participant: before, after and of a closed dossier.
    await login('ilse');
    await at('2026-11-22T10:00:00Z');
    const onTime = await api['meetings.requestDiscussion']({
      meetingId: next.id,
      dossierNumber: numberOf(requested),
    });
    expect(onTime).toMatchObject({ late: false, existing: false });
    await at('2026-11-23T11:00:00Z'); // exactly at the cut-off: on time
    expect((await api['meetings.requestDiscussion']({ meetingId: next.id, dossierId: several })).late).toBe(
      false,
    );
    await at('2026-11-23T11:00:00.001Z');
    const late = await api['meetings.requestDiscussion']({
      meetingId: next.id,
      dossierNumber: numberOf(lateRequest).toLowerCase(),
    });
    expect(late.late).toBe(true);
    expect(
      (await api['meetings.requestDiscussion']({ meetingId: next.id, dossierId: lateRequest })).existing,
    ).toBe(true);
    await api['meetings.requestDiscussion']({ meetingId: next.id, dossierId: closedRequested });
    const unknown = await refused(
      api['meetings.requestDiscussion']({ meetingId: next.id, dossierNumber: 'D-1999-9999' }),
    );
    expect(unknown.code).toBe('BAD_INPUT');
    expect(unknown.error.fields?.[0]).toMatchObject({ path: 'dossierNumber', code: 'unknown_dossier' });

    const p = await api['meetings.agenda.propose']({ meetingId: next.id });
    const reasons = (id: number) => p.items.filter((i) => i.dossierId === id).map((i) => i.reasons);
    const indId = org('ind');
    expect(reasons(carried)).toEqual([[{ code: 'carried_over', from: '2026-11-02', count: 2 }]]);
    expect(p.items.find((i) => i.dossierId === carried)!.carriedFrom).toBe('2026-11-02');
    expect(reasons(held)).toEqual([[{ code: 'held', on: '2026-11-16' }]]);
    expect(reasons(fresh)).toEqual([[{ code: 'new_referral', referredAt: '2026-11-18' }]]);
    expect(reasons(escalated)).toEqual([
      [{ code: 'escalation_returned', returnedAt: '2026-11-20T10:00:00.000Z' }],
    ]);
    expect(reasons(requested)).toEqual([
      [{ code: 'requested', organisationId: indId, requestedAt: '2026-11-22T10:00:00.000Z', late: false }],
    ]);
    expect(reasons(lateRequest)).toEqual([
      [{ code: 'requested', organisationId: indId, requestedAt: '2026-11-23T11:00:00.001Z', late: true }],
    ]);
    expect(reasons(closedRequested)).toHaveLength(1);
    expect(reasons(withAction)).toEqual([[{ code: 'actions_due', count: 2, earliestDue: '2026-11-20' }]]);
    expect(reasons(withPosition)).toEqual([
      [{ code: 'positions_changed', organisationIds: [indId], latestAt: '2026-11-18T10:00:00.000Z' }],
    ]);
    expect(reasons(positionAtMeeting)).toEqual([]);
    expect(reasons(discussed)).toEqual([]);
    expect(reasons(quiet)).toEqual([]);
    // Several rules: once, with all its reasons.
    expect(reasons(several)).toEqual([
      [
        { code: 'requested', organisationId: indId, requestedAt: '2026-11-23T11:00:00.000Z', late: false },
        { code: 'target_passed', targetDate: '2026-11-01' },
        { code: 'actions_due', count: 1, earliestDue: '2026-11-24' },
      ],
    ]);
    // Procedural items frame the dossiers; the late request comes last among them.
    const kinds = p.items.map((i) => i.kind);
    expect(kinds.slice(0, 3)).toEqual(['opening', 'verslag', 'acties']);
    expect(kinds.slice(-2)).toEqual(['rondvraag', 'sluiting']);
    expect([p.items.at(-4)!.dossierId, p.items.at(-3)!.dossierId]).toEqual([lateRequest, closedRequested]); // both late
    // Labels are pseudonyms: number and initials, never the name.
    expect(p.items.find((i) => i.dossierId === carried)!.label).toBe(`${numberOf(carried)} (P.N.)`);
  });

  it('accepts the proposal as the agenda, adds and removes items, and keeps procedural items in place', async () => {
    const a = dossier({ targetDate: '2026-10-01' });
    const b = dossier({ targetDate: '2026-10-05' });
    await at('2026-11-20T08:00:00Z');
    let m = await api['meetings.plan']({});
    expect(m.date).toBe('2026-11-20'); // no meeting yet: today
    expect(m.state).toBe('gepland');
    let p = await api['meetings.agenda.propose']({ meetingId: m.id });
    const dossierKey = `dossier:${b}`;
    m = await api['meetings.agenda.accept']({
      meetingId: m.id,
      version: m.version,
      keys: p.items.map((i) => i.key).filter((k) => k !== dossierKey),
    });
    expect(m.state).toBe('in_voorbereiding');
    expect(m.items.map((i) => i.kind)).toEqual(['opening', 'dossier', 'rondvraag', 'sluiting']);
    p = await api['meetings.agenda.propose']({ meetingId: m.id });
    expect(p.items.filter((i) => !i.onAgenda).map((i) => i.key)).toEqual([dossierKey]);
    m = await api['meetings.agenda.accept']({ meetingId: m.id, version: m.version, keys: [dossierKey] });
    expect(m.items.map((i) => i.dossierId)).toEqual([null, a, b, null, null]);
    expect(m.items[2]!.reasons).toEqual([{ code: 'target_passed', targetDate: '2026-10-05' }]);

    m = await api['meetings.agenda.add']({
      meetingId: m.id,
      version: m.version,
      kind: 'onderwerp',
      title: 'Werkafspraken GGD',
      plannedMinutes: 15,
    });
    expect(m.items.map((i) => i.label)).toEqual([
      'Opening',
      `${numberOf(a)} (P.N.)`,
      `${numberOf(b)} (P.N.)`,
      'Werkafspraken GGD',
      'Rondvraag',
      'Sluiting',
    ]);
    const dup = await refused(
      api['meetings.agenda.add']({
        meetingId: m.id,
        version: m.version,
        kind: 'dossier',
        dossierNumber: numberOf(a),
      }),
    );
    expect(dup.error.fields?.[0]?.code).toBe('already_on_agenda');
    const noTitle = await refused(
      api['meetings.agenda.add']({ meetingId: m.id, version: m.version, kind: 'onderwerp' }),
    );
    expect(noTitle.code).toBe('BAD_INPUT');

    m = await api['meetings.agenda.setMinutes']({
      meetingId: m.id,
      version: m.version,
      itemId: m.items[1]!.id,
      plannedMinutes: 20,
    });
    expect(m.items[1]!.plannedMinutes).toBe(20);
    m = await api['meetings.agenda.remove']({ meetingId: m.id, version: m.version, itemId: m.items[3]!.id });
    expect(m.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);

    // Reorder: the whole order, exactly once each.
    const order = m.items.map((i) => i.id);
    const swapped = [order[0]!, order[2]!, order[1]!, ...order.slice(3)];
    m = await api['meetings.agenda.reorder']({ meetingId: m.id, version: m.version, itemIds: swapped });
    expect(m.items.map((i) => i.id)).toEqual(swapped);
    const partial = await refused(
      api['meetings.agenda.reorder']({ meetingId: m.id, version: m.version, itemIds: swapped.slice(1) }),
    );
    expect(partial.error.fields?.[0]?.code).toBe('not_a_permutation');
    // A stale version is refused, and nothing changes.
    const stale = await refused(
      api['meetings.agenda.reorder']({ meetingId: m.id, version: m.version - 1, itemIds: order }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect((await api['meetings.get']({ meetingId: m.id })).items.map((i) => i.id)).toEqual(swapped);
  });
});

describe('meeting states and permissions', () => {
  it('runs gepland → in_voorbereiding → bezig → afgerond, and refuses what does not fit the state', async () => {
    dossier({ targetDate: '2026-10-01' });
    await at('2026-11-23T08:00:00Z');
    let m = await api['meetings.plan']({ date: '2026-11-23' });
    expect(
      (await refused(api['meetings.start']({ meetingId: m.id, version: m.version }))).error.info,
    ).toEqual({ reason: 'empty_agenda' });
    const p = await api['meetings.agenda.propose']({ meetingId: m.id });
    m = await api['meetings.agenda.accept']({
      meetingId: m.id,
      version: m.version,
      keys: p.items.map((i) => i.key),
    });
    expect(
      (await refused(api['meetings.setCurrent']({ meetingId: m.id, itemId: m.items[0]!.id }))).code,
    ).toBe('CONFLICT');

    const other = await api['meetings.plan']({ date: '2026-11-30' });
    const o2 = await api['meetings.agenda.add']({
      meetingId: other.id,
      version: other.version,
      kind: 'onderwerp',
      title: 'Jaarplan',
    });

    m = await api['meetings.start']({ meetingId: m.id, version: m.version });
    expect(m.state).toBe('bezig');
    expect(m.currentItemId).toBe(m.items[0]!.id);
    expect(m.startedAt).toBe('2026-11-23T08:00:00.000Z');
    expect(
      (await refused(api['meetings.start']({ meetingId: o2.id, version: o2.version }))).error.info,
    ).toEqual({ reason: 'other_running' });
    const upd = await refused(
      api['meetings.update']({
        meetingId: m.id,
        version: m.version,
        date: '2026-11-24',
        time: '10:00',
        place: '',
        chairUserId: null,
        secretaryUserId: null,
      }),
    );
    expect(upd.error.info).toEqual({ reason: 'started' });
    m = await api['meetings.setCurrent']({ meetingId: m.id, itemId: m.items[1]!.id });
    expect(m.currentItemId).toBe(m.items[1]!.id);
    expect(
      (
        await refused(
          api['meetings.agenda.remove']({ meetingId: m.id, version: m.version, itemId: m.items[1]!.id }),
        )
      ).error.info,
    ).toEqual({
      reason: 'current_item',
    });
    m = await api['meetings.end']({ meetingId: m.id, version: m.version });
    expect(m.state).toBe('afgerond');
    expect(m.currentItemId).toBeNull();
    expect(m.items.find((i) => i.kind === 'dossier')!.status).toBe('doorgeschoven');
    expect(m.items.find((i) => i.kind === 'opening')!.status).toBe('besproken');
    const after = await refused(
      api['meetings.agenda.add']({
        meetingId: m.id,
        version: m.version,
        kind: 'onderwerp',
        title: 'Te laat',
      }),
    );
    expect(after.error.info).toEqual({ reason: 'finished' });

    // Every change is in the audit log, and the chain still verifies.
    const actions = db()
      .prepare(`SELECT DISTINCT action FROM audit WHERE entity IN ('meetings', 'agenda_items')`)
      .pluck()
      .all();
    expect(actions).toEqual(
      expect.arrayContaining([
        'meeting.create',
        'agenda.accept',
        'meeting.start',
        'meeting.step',
        'meeting.end',
      ]),
    );
  });

  it('lets participants read and request, but not plan, edit or run a meeting', async () => {
    const a = dossier({ targetDate: '2026-10-01' });
    await at('2026-11-20T08:00:00Z');
    let m = await api['meetings.plan']({ date: '2026-11-24' });
    const p = await api['meetings.agenda.propose']({ meetingId: m.id });
    m = await api['meetings.agenda.accept']({
      meetingId: m.id,
      version: m.version,
      keys: p.items.map((i) => i.key),
    });

    await login('ilse');
    expect((await api['meetings.list']({})).map((x) => x.id)).toEqual([m.id]);
    expect((await api['meetings.get']({ meetingId: m.id })).items).toHaveLength(m.items.length);
    const order = [...m.items.map((i) => i.id)].reverse();
    expect(
      (await refused(api['meetings.agenda.reorder']({ meetingId: m.id, version: m.version, itemIds: order })))
        .code,
    ).toBe('FORBIDDEN');
    expect((await refused(api['meetings.plan']({}))).code).toBe('FORBIDDEN');
    expect((await refused(api['meetings.start']({ meetingId: m.id, version: m.version }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refused(api['projector.blackout']({ on: true }))).code).toBe('FORBIDDEN');
    const req = await api['meetings.requestDiscussion']({ meetingId: m.id, dossierId: a });
    const orgId = db()
      .prepare('SELECT organisation_id FROM discussion_requests WHERE id = ?')
      .pluck()
      .get(req.id);
    expect(orgId).toBe(db().prepare(`SELECT id FROM organisations WHERE kind = 'ind'`).pluck().get());

    // The notulist prepares, but only the chair runs the meeting.
    await login('niels');
    m = await api['meetings.agenda.setMinutes']({
      meetingId: m.id,
      version: m.version,
      itemId: m.items[1]!.id,
      plannedMinutes: 12,
    });
    expect((await refused(api['meetings.start']({ meetingId: m.id, version: m.version }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('takes a participant’s request for the next meeting, planning it on the cadence when none is planned', async () => {
    const [a, b, c] = [dossier(), dossier(), dossier()];
    await hold('2026-11-16', addDossier(numberOf(a)), { [a]: 'besproken' });
    await login('ilse');
    await at('2026-11-18T10:00:00Z');
    const first = await api['meetings.requestDiscussion']({ dossierId: a });
    // Weekly after 16 November; the cut-off (a day before, 12:00) is still ahead.
    expect(first).toMatchObject({ meetingDate: '2026-11-23', plannedMeeting: true, late: false });
    const planned = await api['meetings.get']({ meetingId: first.meetingId });
    expect(planned).toMatchObject({ state: 'gepland', chair: null, secretary: null });
    // The next request goes to the same meeting: planned once, by the first request only.
    const second = await api['meetings.requestDiscussion']({ dossierNumber: numberOf(b) });
    expect(second).toMatchObject({ meetingId: first.meetingId, plannedMeeting: false });
    expect((await api['meetings.requestDiscussion']({ dossierId: a })).existing).toBe(true);
    await at('2026-11-22T11:30:00Z');
    expect(await api['meetings.requestDiscussion']({ dossierId: c })).toMatchObject({
      meetingId: first.meetingId,
      late: true,
    });
    expect((await api['meetings.list']({})).map((m) => m.date)).toEqual(['2026-11-23', '2026-11-16']);
    const audit = db()
      .prepare(`SELECT action FROM audit WHERE action IN ('meeting.create', 'discussion.request')`)
      .pluck()
      .all();
    expect(audit.filter((x) => x === 'meeting.create')).toHaveLength(2); // the chair's and the request's

    // The chair finds the requests on the proposed agenda of that meeting.
    await login('vera');
    const proposal = await api['meetings.agenda.propose']({ meetingId: first.meetingId });
    const requested = proposal.items.filter((i) => i.reasons.some((r) => r.code === 'requested'));
    expect(requested.map((i) => i.dossierId).sort()).toEqual([a, b, c].sort());
  });

  it('plans on the cadence and checks the chair and secretary', async () => {
    await at('2026-11-02T08:00:00Z');
    await api['meetings.plan']({ date: '2026-10-26' });
    const opts = await api['meetings.options']({});
    expect(opts.suggestedDate).toBe('2026-11-02'); // weekly after 26 October, not before today
    expect(opts.chairs.map((c) => c.id)).toEqual([ids.voorzitter]);
    const m = await api['meetings.plan']({});
    expect(m.date).toBe('2026-11-02');
    expect(m.chair?.id).toBe(ids.voorzitter); // the planning chair chairs by default
    const wrong = await refused(api['meetings.plan']({ chairUserId: ids.ind }));
    expect(wrong.error.fields?.[0]).toMatchObject({ path: 'chairUserId', code: 'wrong_role' });
    const bad = await refused(api['meetings.plan']({ date: '2026-02-30' }));
    expect(bad.code).toBe('BAD_INPUT');
    expect((await api['meetings.list']({})).length).toBe(2);
  });

  it('puts the cut-off on the last working day before the meeting: weekends and Dutch public holidays skipped', async () => {
    // Monday 28 December 2026: Sunday, Saturday (Tweede Kerstdag) and Friday (Kerstmis) are skipped.
    const christmas = await api['meetings.plan']({ date: '2026-12-28' });
    expect(christmas.cutoff).toBe('2026-12-24T11:00:00.000Z');
    // Tuesday 30 March 2027, after Easter Monday: Good Friday is a working day for the gemeente.
    const easter = await api['meetings.plan']({ date: '2027-03-30' });
    expect(easter.cutoff).toBe('2027-03-26T11:00:00.000Z');
    // The proposal and its DOCX use the same cut-off.
    expect((await api['meetings.agenda.propose']({ meetingId: easter.id })).cutoff).toBe(easter.cutoff);
  });

  it('keeps agenda settings editable by the chair, and uses them for the cut-off', async () => {
    const s = await api['meetings.settings.update']({
      targetWindowWeeks: 2,
      cutoff: { daysBefore: 2, time: '09:00' },
      minutesPerDossier: 8,
    });
    expect(s.cutoff).toEqual({ daysBefore: 2, time: '09:00' });
    const m = await api['meetings.plan']({ date: '2026-11-24' });
    // Two working days before Tuesday 24 November: Friday 20 November (the weekend does not count).
    expect(m.cutoff).toBe('2026-11-20T08:00:00.000Z');
    const bad = await refused(
      api['meetings.settings.update']({
        targetWindowWeeks: 2,
        cutoff: { daysBefore: 2, time: '25:00' },
        minutesPerDossier: 8,
      }),
    );
    expect(bad.code).toBe('BAD_INPUT');
    await login('ilse');
    expect(
      (
        await refused(
          api['meetings.settings.update']({
            targetWindowWeeks: 1,
            cutoff: { daysBefore: 1, time: '12:00' },
            minutesPerDossier: 5,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('agenda export and the projector', () => {
  async function running() {
    const special = dossier({
      name: 'Mateus Kiala Domingos',
      vNumber: '3012457781',
      birthDate: '1988-03-14',
      targetDate: '2026-10-01',
    });
    db()
      .prepare(`INSERT INTO dossier_special (dossier_id, health_detail) VALUES (?, 'PTSS, in behandeling')`)
      .run(special);
    dossier({ targetDate: '2026-10-02' });
    await at('2026-11-23T08:00:00Z');
    let m = await api['meetings.plan']({ date: '2026-11-23', place: 'Zaal 3' });
    const p = await api['meetings.agenda.propose']({ meetingId: m.id });
    m = await api['meetings.agenda.accept']({
      meetingId: m.id,
      version: m.version,
      keys: p.items.map((i) => i.key),
    });
    return { m, special };
  }

  it('exports the agenda pseudonymised, as JSON and as DOCX', async () => {
    const { m, special } = await running();
    const json = await api['meetings.agenda.export']({ meetingId: m.id });
    expect(json.items[1]).toMatchObject({
      number: 2,
      label: `${numberOf(special)} (M.K.D.)`,
      startsAt: '10:02',
    });
    expect(json.items[1]!.reasons).toEqual([
      'streefdatum verstreken (1 oktober 2026): besluit nodig: verlengen of andere koers',
    ]);
    const file = await api['meetings.agenda.exportDocx']({ meetingId: m.id });
    expect(file.fileName).toBe('agenda-2026-11-23.docx');
    const xml = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toContain(numberOf(special));
    expect(text).toContain('M.K.D.');
    expect(text).toContain('Zaal 3');
    for (const secret of ['3012457781', 'Mateus', 'Kiala', '1988', '14 maart', 'PTSS'])
      expect(text).not.toContain(secret);
  });

  it('follows the chair at once, never shows a V-nummer, date of birth or health data, and reveals and blacks out on request', async () => {
    let { m } = await running();
    const idle = await api['projector.wait']({ sinceVersion: 0 });
    expect(idle.meeting).toBeNull();
    m = await api['meetings.start']({ meetingId: m.id, version: m.version });
    let view = await api['projector.wait']({ sinceVersion: idle.version });
    expect(view.item).toMatchObject({ number: 1, kind: 'opening', total: m.items.length });

    // A waiting projector wakes when the chair steps.
    const waiting = api['projector.wait']({ sinceVersion: view.version });
    await api['meetings.setCurrent']({ meetingId: m.id, itemId: m.items[1]!.id });
    view = await waiting;
    expect(view.item).toMatchObject({
      number: 2,
      kind: 'dossier',
      track: 'legalisatie',
      status: 'in_traject',
      name: null,
    });
    expect(view.item!.label).toMatch(/\(M\.K\.D\.\)$/);
    const text = JSON.stringify(view);
    for (const secret of ['3012457781', 'Mateus', '1988-03-14', 'PTSS']) expect(text).not.toContain(secret);

    const reveal = await refused(api['projector.reveal']({ itemId: m.items[2]!.id, reveal: true }));
    expect(reveal.error.info).toEqual({ reason: 'not_current' });
    await api['projector.reveal']({ itemId: m.items[1]!.id, reveal: true });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view.item!.name).toBe('Mateus Kiala Domingos');
    await api['projector.setDecisionText']({ text: 'Legalisatie: medische aanvraag indienen.' });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view.decisionText).toBe('Legalisatie: medische aanvraag indienen.');

    // Moving on ends the reveal and the decision text.
    await api['meetings.setCurrent']({ meetingId: m.id, itemId: m.items[2]!.id });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view.item).toMatchObject({ number: 3, name: null });
    expect(view.decisionText).toBeNull();
    await api['meetings.setCurrent']({ meetingId: m.id, itemId: m.items[1]!.id });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view.item!.name).toBeNull();

    await api['projector.blackout']({ on: true });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view).toMatchObject({ blackout: true, meeting: null, item: null });
    expect((await api['projector.control']({})).blackout).toBe(true);
    await api['projector.blackout']({ on: false });
    view = await api['projector.wait']({ sinceVersion: view.version });
    expect(view.item!.number).toBe(2);
  });
});

describe('the minutes of a meeting that ran', () => {
  it('show the times the meeting actually ran and mark unfinished items as carried to the next meeting', async () => {
    const done = dossier();
    const unfinished = dossier();
    const ended = await hold(
      '2026-11-24',
      async (m) => addDossier(numberOf(unfinished))(await addDossier(numberOf(done))(m)),
      {
        [done]: 'besproken',
      },
    );
    const model = loadMinutesModel(db(), ended.id, {
      version: 1,
      state: 'concept',
      generatedAt: '2026-11-24T12:00:00Z',
    });
    // Started 08:00 and ended 11:00 UTC: 09:00 and 12:00 in Amsterdam, not the planned 10:00.
    expect(model.meeting).toMatchObject({ startTime: '09:00', endTime: '12:00' });
    const dossierItems = model.items.filter((i) => i.kind === 'dossier');
    expect(dossierItems.map((i) => i.deferred)).toEqual([false, true]);
  });
});

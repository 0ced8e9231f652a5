import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringReport } from '../../shared/contract/reports';
import type {
  DossierInput,
  EndedBy,
  MobReason,
  OutcomeCategory,
  PermitGround,
  StuckReason,
  Track,
} from '../../shared/domain/dossier';
import { ApiError, type RpcError } from '../../shared/errors';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

/*
 * Issue 12, step 2: the monitoring reports over a known population of 38 dossiers built through the
 * API, against numbers counted by hand (the comments show the counting). Period: 2026-01-01 to
 * 2026-06-30, both days included.
 */

let env: TestEnv;
const PASSWORD = 'casemanager wachtwoord 1';

interface Spec {
  key: string;
  track: Track;
  ref: string;
  out?: {
    outcome: OutcomeCategory;
    subkind?: string;
    permitGround?: PermitGround;
    mobReason?: MobReason;
    endedBy: EndedBy;
    date: string;
  };
  stuck?: StuckReason | 'text';
}

const T = 'terugkeer' as const;
const specs: Spec[] = [
  // Left in the period (13).
  {
    key: 'L1',
    track: T,
    ref: '2025-10-01',
    out: {
      outcome: 'TERUGKEER',
      subkind: 'zelfstandig_aantoonbaar',
      endedBy: 'wederzijds',
      date: '2026-02-15',
    },
  },
  {
    key: 'L2',
    track: T,
    ref: '2026-01-10',
    out: { outcome: 'TERUGKEER', subkind: 'zelfstandig_aantoonbaar', endedBy: 'client', date: '2026-06-30' },
  },
  {
    key: 'L3',
    track: T,
    ref: '2025-07-01',
    out: { outcome: 'TERUGKEER', subkind: 'gedwongen', endedBy: 'organisatie', date: '2026-03-01' },
  },
  {
    key: 'L4',
    track: 'legalisatie',
    ref: '2025-01-01',
    out: {
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'buitenschuld',
      endedBy: 'gemeente',
      date: '2026-01-01',
    },
  },
  {
    key: 'L5',
    track: 'legalisatie',
    ref: '2025-06-01',
    out: {
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'buitenschuld',
      endedBy: 'gemeente',
      date: '2026-04-01',
    },
  },
  {
    key: 'L6',
    track: 'legalisatie',
    ref: '2025-12-01',
    out: {
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'asiel_bepaalde_tijd',
      endedBy: 'gemeente',
      date: '2026-05-01',
    },
  },
  {
    key: 'L7',
    track: 'stabilisatie',
    ref: '2025-03-01',
    out: {
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'medisch',
      endedBy: 'wederzijds',
      date: '2026-06-01',
    },
  },
  {
    key: 'L8',
    track: 'doormigratie',
    ref: '2026-02-01',
    out: { outcome: 'DOORMIGRATIE', endedBy: 'wederzijds', date: '2026-05-01' },
  },
  {
    key: 'L9',
    track: T,
    ref: '2026-01-05',
    out: { outcome: 'MOB', mobReason: 'angst_terugkeer', endedBy: 'client', date: '2026-03-05' },
  },
  {
    key: 'L10',
    track: 'nog_te_bepalen',
    ref: '2025-11-01',
    out: { outcome: 'MOB', endedBy: 'onbekend', date: '2026-01-20' },
  },
  {
    key: 'L11',
    track: T,
    ref: '2025-09-01',
    out: { outcome: 'MOB', subkind: 'vertrek_zonder_toezicht', endedBy: 'client', date: '2026-04-15' },
  },
  {
    key: 'L12',
    track: 'tweesporen',
    ref: '2025-08-01',
    out: { outcome: 'OVERIG', subkind: 'vbl', endedBy: 'organisatie', date: '2026-02-01' },
  },
  {
    key: 'L13',
    track: 'tweesporen',
    ref: '2025-12-15',
    out: { outcome: 'OVERIG', subkind: 'mbb', endedBy: 'client', date: '2026-06-15' },
  },
  // Still in (20); four stuck.
  ...[1, 2, 3, 4, 5].map((i): Spec => ({
    key: `S${i}`,
    track: 'legalisatie',
    ref: '2025-06-01',
    ...(i <= 2 ? { stuck: 'geen_reisdocumenten' } : {}),
  })),
  ...[6, 7, 8, 9, 10].map((i): Spec => ({
    key: `S${i}`,
    track: T,
    ref: '2026-01-01', // the period's first day: in
    ...(i === 6 ? { stuck: 'niet_uitzetbaar' } : {}),
  })),
  ...[11, 12, 13, 14].map((i): Spec => ({ key: `S${i}`, track: 'nog_te_bepalen', ref: '2026-06-30' })), // last day: in
  ...[15, 16, 17].map((i): Spec => ({
    key: `S${i}`,
    track: 'stabilisatie',
    ref: '2025-01-01',
    ...(i === 15 ? { stuck: 'text' } : {}),
  })),
  ...[18, 19, 20].map((i): Spec => ({ key: `S${i}`, track: 'tweesporen', ref: '2026-03-15' })),
  // Left the day after the period: still in guidance at its end.
  { key: 'A1', track: T, ref: '2026-02-01', out: { outcome: 'MOB', endedBy: 'client', date: '2026-07-01' } },
  // MOB in the period, then back (reopened): still in; the episode counts in the quarter's outflow.
  { key: 'R1', track: T, ref: '2025-10-01', out: { outcome: 'MOB', endedBy: 'client', date: '2026-02-01' } },
  // Not in the population: came in after the period; left before it.
  { key: 'X1', track: T, ref: '2026-07-01' },
  {
    key: 'X2',
    track: 'legalisatie',
    ref: '2025-01-01',
    out: {
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'schrijnend',
      endedBy: 'gemeente',
      date: '2025-12-31',
    },
  },
  // Out by a plain edit before schema 8 (no outcome, no date): onvolledig, left.
  { key: 'E1', track: T, ref: '2025-05-01' },
];

const ids = new Map<string, number>();

async function failure(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
  const orgs = { organisations: await env.api['organisations.list']({}) };
  await env.api['users.create']({
    displayName: 'Carla Casemanager',
    username: 'carla',
    organisationId: orgs.organisations.find((o) => o.kind === 'gemeente')!.id,
    roles: ['casemanager'],
    password: PASSWORD,
  });
  await env.api['auth.login']({ username: 'carla', password: PASSWORD });
  for (const [i, s] of specs.entries()) {
    const input: DossierInput = {
      name: `Persoon ${s.key}`,
      vNumber: String(4000000000 + i),
      referredAt: s.ref,
      intakeDate: s.ref,
      track: s.track,
      status: 'in_traject',
      ...(s.stuck === 'text'
        ? { stuck: true, stuckReason: 'Geen voortgang' }
        : s.stuck
          ? { stuck: true, stuckReasonCode: s.stuck }
          : {}),
    };
    const d = (await env.api['dossiers.create'](input)).dossier;
    ids.set(s.key, d.id);
    if (s.out) {
      const out = await env.api['outflow.record']({ dossierId: d.id, expectedVersion: d.version, ...s.out });
      if (s.key === 'R1')
        await env.api['outflow.reopen']({
          dossierId: d.id,
          expectedVersion: out.version,
          reason: 'Terug na MOB',
        });
    }
  }
  env.backend.vault
    .database()
    .prepare("UPDATE dossiers SET status = 'uitgestroomd' WHERE id = ?")
    .run(ids.get('E1'));
}, 60_000);
afterAll(() => env.cleanup());

const report = (over: Partial<{ from: string; to: string; track: Track | 'alle' }> = {}) =>
  env.api['reports.monitoring']({ from: '2026-01-01', to: '2026-06-30', ...over });
const n = (r: MonitoringReport, code: string) => r.outcomes.find((o) => o.code === code)?.n;
const months = (days: number) => days / (365.25 / 12);

describe('the outcome table', () => {
  it('counts the population, who is still in and every category and sub-kind by hand', async () => {
    const r = await report();
    // 13 left + 20 still in + A1 (left after) + R1 (reopened) + E1 (onvolledig); not X1, X2.
    expect(r.population).toBe(36);
    expect(r.left).toBe(14);
    expect(Object.fromEntries(r.outcomes.map((o) => [o.code, o.n]))).toEqual({
      totaal: 36,
      in_begeleiding: 22,
      uitgestroomd: 14,
      TERUGKEER: 3,
      'TERUGKEER.zelfstandig_aantoonbaar': 2,
      'TERUGKEER.gedwongen': 1,
      VERBLIJFSVERGUNNING: 4,
      'VERBLIJFSVERGUNNING.asiel_bepaalde_tijd': 1,
      'VERBLIJFSVERGUNNING.asiel_onbepaalde_tijd': 0,
      'VERBLIJFSVERGUNNING.regulier_bepaalde_tijd': 0,
      'VERBLIJFSVERGUNNING.gemeenschapsrecht': 0,
      'VERBLIJFSVERGUNNING.gezinsleven': 0,
      'VERBLIJFSVERGUNNING.buitenschuld': 2,
      'VERBLIJFSVERGUNNING.medisch': 1,
      'VERBLIJFSVERGUNNING.schrijnend': 0,
      'VERBLIJFSVERGUNNING.mensenhandel': 0,
      'VERBLIJFSVERGUNNING.overig_regulier': 0,
      DOORMIGRATIE: 1,
      MOB: 3,
      'MOB.vertrek_zonder_toezicht': 1,
      'MOB.overig': 2,
      OVERIG: 2,
      'OVERIG.vbl': 1,
      'OVERIG.detentie_ongewenstverklaring': 0,
      'OVERIG.azc_andere_opvang': 0,
      'OVERIG.mbb': 1,
      ONVOLLEDIG: 1,
    });
    const terugkeer = r.outcomes.find((o) => o.code === 'TERUGKEER')!;
    expect(terugkeer.shareOfAll).toBeCloseTo(3 / 36);
    expect(terugkeer.shareOfLeft).toBeCloseTo(3 / 14);
    expect(r.outcomes.find((o) => o.code === 'in_begeleiding')).toMatchObject({ shareOfLeft: null });
    expect(r.outcomes.find((o) => o.code === 'in_begeleiding')!.shareOfAll).toBeCloseTo(22 / 36);
  });

  it('at the edges: the last day counts, the day after does not; the first day counts', async () => {
    const upTo29 = await report({ to: '2026-06-29' });
    // S11–S14 came in on the 30th: out of the population; L2 left on the 30th: still in on the 29th.
    expect(upTo29.population).toBe(32);
    expect(upTo29.left).toBe(13);
    expect(n(upTo29, 'TERUGKEER.zelfstandig_aantoonbaar')).toBe(1);
    // L4 left on 1 January: in a period from the 1st, not in one from the 2nd.
    const from2 = await report({ from: '2026-01-02' });
    expect(from2.population).toBe(35);
    expect(n(from2, 'VERBLIJFSVERGUNNING.buitenschuld')).toBe(1);
  });

  it('per track: only that track, counted the same way', async () => {
    const r = await report({ track: 'terugkeer' });
    // L1 L2 L3 L9 L11 (left), S6–S10, A1, R1 (in), E1 (onvolledig).
    expect([r.population, r.left, n(r, 'TERUGKEER'), n(r, 'MOB'), n(r, 'ONVOLLEDIG')]).toEqual([
      13, 6, 3, 2, 1,
    ]);
    expect(r.byTrack).toEqual([
      {
        track: 'terugkeer',
        inBegeleiding: 7,
        TERUGKEER: 3,
        VERBLIJFSVERGUNNING: 0,
        DOORMIGRATIE: 0,
        MOB: 2,
        OVERIG: 0,
        ONVOLLEDIG: 1,
      },
    ]);
  });
});

describe('doorlooptijd', () => {
  it('mean and median months for those who left and those still in; shares within 6/12/18 months and the term', async () => {
    const { duration } = await report();
    // Days in guidance of L1..L13: 137 171 243 365 304 151 457 89 59 80 226 184 182 (sum 2648; median 182).
    expect(duration.left.n).toBe(13);
    expect(duration.left.meanMonths).toBeCloseTo(months(2648 / 13), 6);
    expect(duration.left.medianMonths).toBeCloseTo(months(182), 6);
    // Still in at 30 June: 5×394, 5×180, 4×0, 3×545, 3×107, A1 149, R1 272 (sum 5247; median 180).
    expect(duration.stillIn.n).toBe(22);
    expect(duration.stillIn.meanMonths).toBeCloseTo(months(5247 / 22), 6);
    expect(duration.stillIn.medianMonths).toBeCloseTo(months(180), 6);
    // Within 6 months: L1 L2 L6 L8 L9 L10 L12 (exactly 6) L13 (exactly 6); 12: + L3 L4 L5 L11; 18: + L7.
    expect(duration.within).toEqual([
      { months: 6, n: 8, share: 8 / 13 },
      { months: 12, n: 12, share: 12 / 13 },
      { months: 18, n: 13, share: 1 },
    ]);
    // The city's term is 6 months from intake: the same eight.
    expect(duration.withinTerm).toEqual({ n: 8, of: 13, share: 8 / 13 });
  });
});

describe('flow, who ended it, stuck', () => {
  it('inflow and outflow per quarter, with the reopened dossier’s earlier episode', async () => {
    const { flow } = await report();
    expect(flow).toEqual([
      // In: L2 L8 L9, S6–S10, S18–S20, A1. Out: L1 L3 L4 L9 L10 L12 and R1's episode.
      { quarter: '2026-K1', inflow: 12, outflow: 7 },
      // In: S11–S14 (on the last day). Out: L2 (on the last day) L5 L6 L7 L8 L11 L13.
      { quarter: '2026-K2', inflow: 4, outflow: 7 },
    ]);
  });

  it('who ended the trajectory, overall and for MOB', async () => {
    const r = await report();
    expect(Object.fromEntries(r.endedBy.map((e) => [e.code, e.n]))).toEqual({
      organisatie: 2,
      gemeente: 3,
      client: 4,
      wederzijds: 3,
      onbekend: 1,
      niet_vastgelegd: 1,
    });
    expect(Object.fromEntries(r.endedByMob.map((e) => [e.code, e.n]))).toEqual({
      organisatie: 0,
      gemeente: 0,
      client: 2,
      wederzijds: 0,
      onbekend: 1,
      niet_vastgelegd: 0,
    });
  });

  it('stuck dossiers by reason (an explanation without a chosen reason shows as such)', async () => {
    const r = await report();
    expect(r.stuck).toEqual([
      { code: 'geen_reisdocumenten', n: 2 },
      { code: 'niet_gekozen', n: 1 },
      { code: 'niet_uitzetbaar', n: 1 },
    ]);
    expect(r.escalations).toEqual([]);
    expect(r.overdueActions).toEqual([]);
  });
});

describe('who may see the reports', () => {
  it('is pseudonymised: no name, V-nummer or dossier number anywhere in the answer', async () => {
    const text = JSON.stringify(await report());
    expect(text).not.toMatch(/Persoon|400000|D-20/);
  });

  it('the beheerder may, a participant may not; a period that ends before it starts is refused', async () => {
    await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
    expect((await report()).population).toBe(36);
    expect(await failure(report({ from: '2026-07-01', to: '2026-06-30' }))).toMatchObject({
      code: 'BAD_INPUT',
    });
    const orgs = { organisations: await env.api['organisations.list']({}) };
    await env.api['users.create']({
      displayName: 'Ines IND',
      username: 'ines',
      organisationId: orgs.organisations.find((o) => o.kind === 'ind')!.id,
      roles: ['deelnemer'],
      password: 'ines wachtwoord 12',
    });
    await env.api['auth.login']({ username: 'ines', password: 'ines wachtwoord 12' });
    expect(await failure(report())).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('on the demo', () => {
  it('counts open escalations and overdue actions as the register holds them, and every category', async () => {
    const demo = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
    try {
      await demo.api['setup.demo']({});
      await demo.login('voorzitter');
      const r = await demo.api['reports.monitoring']({ from: '2025-01-01', to: '2026-11-23' });
      const db = demo.backend.vault.database();
      const open = db.prepare('SELECT count(*) AS n FROM escalations WHERE returned_at IS NULL').get() as {
        n: number;
      };
      expect(r.escalations.reduce((s, e) => s + e.n, 0)).toBe(open.n);
      const overdue = db
        .prepare("SELECT count(*) AS n FROM actions WHERE status = 'open' AND due_date < '2026-11-23'")
        .get() as { n: number };
      expect(r.overdueActions.reduce((s, a) => s + a.n, 0)).toBe(overdue.n);
      // Every outcome category occurs in the demo's table.
      for (const c of ['TERUGKEER', 'VERBLIJFSVERGUNNING', 'DOORMIGRATIE', 'MOB', 'OVERIG'])
        expect(n(r, c), c).toBeGreaterThan(0);
      // The demo's stuck dossier has a coded reason, so the stuck table names it.
      expect(r.stuck).toEqual([{ code: 'identiteit_niet_aantoonbaar', n: 1 }]);
    } finally {
      demo.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierInput } from '../../shared/domain/dossier';
import { ApiError, type RpcError } from '../../shared/errors';
import { makeEnv, type TestEnv, testCaller } from '../support/backend';

/*
 * The dossier register over the real backend and the real encrypted demo database: numbering, target
 * dates, validation without half-writes, optimistic concurrency, the status/track history, and the
 * need-to-know rule for special-category data with its audit trail.
 */

let env: TestEnv;
const login = (username: string) => env.login(username);

async function failure(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
}

const db = () => env.backend.vault.database();
const count = (sql: string, ...args: unknown[]) =>
  (
    db()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
const auditCount = (action: string) => count('SELECT count(*) AS n FROM audit WHERE action = ?', action);

/** Strings from the demo's special categories that only need-to-know users may ever receive. */
const secrets = ['PTSS', 'BMA-advies', 'Hartaandoening', 'Vreemdelingenbewaring', 'winkeldiefstal'];

const newDossier = (over: Partial<DossierInput> = {}): DossierInput => ({
  name: 'Amina Testpersoon',
  vNumber: '40 1234 5678',
  referredAt: '2026-11-02',
  intakeDate: '2026-11-16',
  countryOfOrigin: 'Eritrea',
  nationality: 'staatloos',
  ...over,
});

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
});
afterAll(() => env.cleanup());

describe('the dossier register', () => {
  it('lists the demo dossiers compactly, filters them like the screen does, and keeps the beheerder out', async () => {
    await login('beheerder');
    expect((await failure(env.api['dossiers.list']({}))).code).toBe('FORBIDDEN');
    await login('casemanager');
    const all = await env.api['dossiers.list']({});
    // The ten people of domain.md and six earlier dossiers that left (demo-outcomes.ts).
    expect(all.rows).toHaveLength(16);
    expect(all.today).toBe('2026-11-23');
    const byV = await env.api['dossiers.list']({ text: '3012 4577' });
    expect(byV.rows.map((r) => r.name)).toEqual(['Mateus Kiala Domingos']);
    const byAlias = await env.api['dossiers.list']({ text: 'ibrahima' });
    expect(byAlias.rows.map((r) => r.name)).toEqual(['Ibrahim Sesay Conteh']);
    const stuck = await env.api['dossiers.list']({ stuck: true });
    expect(stuck.rows.every((r) => r.stuck)).toBe(true);
    expect(stuck.rows.length).toBeGreaterThan(0);
    const sorted = await env.api['dossiers.list']({ sort: 'name', descending: true });
    expect(sorted.rows[0]!.name > sorted.rows[9]!.name).toBe(true);
  });

  it('creates a dossier with the next number of the year, the target date from the term, and a history start', async () => {
    await login('casemanager');
    const before = await env.api['dossiers.list']({});
    const highest = Math.max(
      ...before.rows.filter((r) => r.number.startsWith('D-2026-')).map((r) => Number(r.number.slice(7))),
    );
    const { dossier, history } = await env.api['dossiers.create'](newDossier());
    expect(dossier.number).toBe(`D-2026-${String(highest + 1).padStart(4, '0')}`);
    expect(dossier.vNumber).toBe('4012345678');
    expect(dossier.targetDate).toBe('2027-05-16'); // intake + 6 months (the demo city's term)
    expect(dossier.targetOverride).toBe(false);
    expect(history.map((h) => [h.field, h.from, h.to, h.userName])).toEqual(
      expect.arrayContaining([
        ['status', null, 'aangemeld', 'Sanne de Vries'],
        ['track', null, 'nog_te_bepalen', 'Sanne de Vries'],
      ]),
    );
    expect(
      count(
        'SELECT count(*) AS n FROM audit WHERE action = ? AND ids = ?',
        'dossier.create',
        JSON.stringify([dossier.id]),
      ),
    ).toBe(1);
  });

  it('refuses bad input at the field with the domain code and stores nothing', async () => {
    await login('casemanager');
    const dossiers = count('SELECT count(*) AS n FROM dossiers');
    const history = count('SELECT count(*) AS n FROM dossier_history');
    const cases: [Partial<DossierInput>, string, string][] = [
      [{ birthDate: '2026-02-30' }, 'birthDate', 'date_impossible'],
      [{ vNumber: '12345' }, 'vNumber', 'v_number_length'],
      [{ vNumber: '12345678AB' }, 'vNumber', 'v_number_chars'],
      [
        { targetOverride: true, targetDate: '2026-11-01', targetOverrideReason: 'Afspraak' },
        'targetDate',
        'target_before_intake',
      ],
      [
        { targetOverride: true, targetDate: '2027-01-01' },
        'targetOverrideReason',
        'target_override_reason_required',
      ],
      [{ intakeDate: '2026-10-01' }, 'intakeDate', 'intake_before_referral'],
      [{ birthDate: '2030-01-01' }, 'birthDate', 'birth_in_future'],
      [{ stuck: true }, 'stuckReasonCode', 'stuck_reason_required'],
    ];
    for (const [over, path, code] of cases) {
      const e = await failure(env.api['dossiers.create'](newDossier({ vNumber: '5012345678', ...over })));
      expect(e.code, `${path} ${code}`).toBe('BAD_INPUT');
      expect(e.fields).toContainEqual(expect.objectContaining({ path, code }));
    }
    const dup = await failure(env.api['dossiers.create'](newDossier({ vNumber: '3012457781' })));
    expect(dup.code).toBe('DUPLICATE_V_NUMBER');
    expect(dup.info).toEqual({ number: 'D-2026-0001' });
    expect(count('SELECT count(*) AS n FROM dossiers')).toBe(dossiers);
    expect(count('SELECT count(*) AS n FROM dossier_history')).toBe(history);
  });

  it('warns about a duplicate V-nummer as it is typed, naming the existing dossier', async () => {
    await login('ind');
    expect(await env.api['dossiers.checkVNumber']({ vNumber: '3012.457.781' })).toEqual({
      issue: null,
      existing: { id: 1, number: 'D-2026-0001' },
    });
    expect(await env.api['dossiers.checkVNumber']({ vNumber: '3012457781', exceptId: 1 })).toEqual({
      issue: null,
      existing: null,
    });
    expect((await env.api['dossiers.checkVNumber']({ vNumber: '301' })).issue).toBe('v_number_length');
  });

  it('keeps an overridden target date with its reason, and in the timeline', async () => {
    await login('casemanager');
    const { dossier } = await env.api['dossiers.create'](
      newDossier({
        vNumber: '6012345678',
        targetOverride: true,
        targetDate: '2027-02-01',
        targetOverrideReason: 'Korte termijn afgesproken',
      }),
    );
    expect(dossier.targetDate).toBe('2027-02-01');
    expect(dossier.targetOverrideReason).toBe('Korte termijn afgesproken');
    const back = await env.api['dossiers.update']({
      id: dossier.id,
      version: dossier.version,
      changes: { targetOverride: false },
    });
    expect(back.dossier.targetDate).toBe('2027-05-16');
    expect(back.dossier.targetOverrideReason).toBeNull();
    const again = await env.api['dossiers.update']({
      id: dossier.id,
      version: back.dossier.version,
      changes: {
        targetOverride: true,
        targetDate: '2027-03-01',
        targetOverrideReason: 'Verlengd na overleg',
      },
    });
    expect(again.history[0]).toMatchObject({
      field: 'target_date',
      from: '2027-05-16',
      to: '2027-03-01',
      reason: 'Verlengd na overleg',
    });
  });

  it('records every change of track or status with who, from, to and why, and requires the why', async () => {
    await login('casemanager');
    const { dossier } = await env.api['dossiers.get']({ id: 4 });
    const noReason = await failure(
      env.api['dossiers.update']({ id: 4, version: dossier.version, changes: { track: 'terugkeer' } }),
    );
    expect(noReason.code).toBe('BAD_INPUT');
    expect(noReason.fields).toContainEqual(expect.objectContaining({ path: 'reason', code: 'required' }));
    expect((await env.api['dossiers.get']({ id: 4 })).dossier.track).toBe('legalisatie');

    env.clock.now = new Date('2026-11-23T09:05:00Z');
    const after = await env.api['dossiers.update']({
      id: 4,
      version: dossier.version,
      changes: { track: 'terugkeer', status: 'uitvoering' },
      reason: 'Asielaanvraag afgewezen; terugkeer besproken',
    });
    expect(after.dossier.version).toBe(dossier.version + 1);
    const latest = after.history.filter((h) => h.at === '2026-11-23T09:05:00.000Z');
    expect(latest.map((h) => [h.field, h.from, h.to, h.reason, h.userName]).sort()).toEqual([
      [
        'status',
        'in_traject',
        'uitvoering',
        'Asielaanvraag afgewezen; terugkeer besproken',
        'Sanne de Vries',
      ],
      ['track', 'legalisatie', 'terugkeer', 'Asielaanvraag afgewezen; terugkeer besproken', 'Sanne de Vries'],
    ]);
  });

  it('refuses a stale version with CONFLICT and keeps the other change', async () => {
    await login('casemanager');
    const { dossier } = await env.api['dossiers.get']({ id: 6 });
    await env.api['dossiers.update']({
      id: 6,
      version: dossier.version,
      changes: { notes: 'Eerste wijziging' },
    });
    const stale = await failure(
      env.api['dossiers.update']({ id: 6, version: dossier.version, changes: { notes: 'Tweede wijziging' } }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.info).toEqual({ number: 'D-2026-0006' });
    expect((await env.api['dossiers.get']({ id: 6 })).dossier.notes).toBe('Eerste wijziging');
  });

  it('validates an update against the stored dossier and writes nothing when it fails', async () => {
    await login('casemanager');
    const { dossier } = await env.api['dossiers.get']({ id: 1 });
    const e = await failure(
      env.api['dossiers.update']({ id: 1, version: dossier.version, changes: { intakeDate: '2026-01-01' } }),
    );
    expect(e.fields).toContainEqual(
      expect.objectContaining({ path: 'intakeDate', code: 'intake_before_referral' }),
    );
    const dup = await failure(
      env.api['dossiers.update']({ id: 1, version: dossier.version, changes: { vNumber: '2209871342' } }),
    );
    expect(dup).toMatchObject({ code: 'DUPLICATE_V_NUMBER', info: { number: 'D-2025-0002' } });
    const bad = await failure(
      env.api['dossiers.update']({ id: 1, version: dossier.version, changes: { birthDate: '1988-13-01' } }),
    );
    expect(bad.fields).toContainEqual(
      expect.objectContaining({ path: 'changes.birthDate', code: 'date_impossible' }),
    );
    expect((await env.api['dossiers.get']({ id: 1 })).dossier).toEqual(dossier);
  });

  it('adds and corrects legal procedures', async () => {
    await login('casemanager');
    const added = await env.api['dossiers.procedures.add']({
      dossierId: 2,
      procedure: { kind: 'buitenschuld', startedOn: '2025-09-01', result: null },
    });
    const p = added.find((x) => x.kind === 'buitenschuld')!;
    const wrong = await failure(
      env.api['dossiers.procedures.update']({
        id: p.id,
        procedure: { kind: 'buitenschuld', startedOn: '2025-09-01', endedOn: '2025-08-01' },
      }),
    );
    expect(wrong.fields).toContainEqual(
      expect.objectContaining({ path: 'procedure.endedOn', code: 'procedure_end_before_start' }),
    );
    const fixed = await env.api['dossiers.procedures.update']({
      id: p.id,
      procedure: {
        kind: 'buitenschuld',
        startedOn: '2025-09-01',
        endedOn: '2026-03-01',
        result: 'Afgewezen; DT&V-advies negatief',
      },
    });
    expect(fixed.find((x) => x.id === p.id)).toMatchObject({
      endedOn: '2026-03-01',
      result: 'Afgewezen; DT&V-advies negatief',
    });
    expect((await env.api['dossiers.get']({ id: 2 })).procedures.map((x) => x.id)).toContain(p.id);
  });
});

describe('special categories are need-to-know', () => {
  it('shows the gemeente casemanager the detail and audits every view in the same transaction', async () => {
    await login('casemanager');
    const detail = await env.api['dossiers.get']({ id: 1 });
    expect(detail.special).toEqual({ medicalObstacle: 'ja', mayView: true, heldBy: ['GGD'] });
    expect(JSON.stringify(detail)).not.toMatch(/PTSS/);
    const views = auditCount('special.view');
    const special = await env.api['dossiers.special.get']({ id: 1 });
    expect(special.healthDetail).toContain('PTSS');
    expect(auditCount('special.view')).toBe(views + 1);
    const record = db()
      .prepare("SELECT ids, user_id FROM audit WHERE action = 'special.view' ORDER BY id DESC LIMIT 1")
      .get() as {
      ids: string;
      user_id: number;
    };
    expect(JSON.parse(record.ids)).toEqual([1]);
    expect(record.user_id).toBe(env.backend.sessions.get(testCaller.id)!.userId);
  });

  it('lets the GGD see and edit the detail, audited as an update', async () => {
    await login('ggd');
    const updates = auditCount('special.update');
    const saved = await env.api['dossiers.special.update']({
      id: 10,
      special: {
        healthSomatic: 'ja',
        medicalObstacle: 'ja',
        healthDetail: 'Hartaandoening; controle bij cardioloog.',
      },
    });
    expect(saved).toMatchObject({
      healthSomatic: 'ja',
      healthPsychiatric: 'onbekend',
      healthDetail: 'Hartaandoening; controle bij cardioloog.',
    });
    expect(auditCount('special.update')).toBe(updates + 1);
  });

  it.each(['ind', 'dtv', 'ngo', 'politie', 'voorzitter', 'notulist'])(
    '%s receives no health detail or justice history through any dossier method',
    async (username) => {
      await login(username);
      const views = auditCount('special.view');
      const responses: unknown[] = [];
      responses.push(await env.api['dossiers.list']({}));
      for (let id = 1; id <= 10; id++) {
        const detail = await env.api['dossiers.get']({ id });
        expect(detail.special.mayView).toBe(false);
        responses.push(detail);
        responses.push(await failure(env.api['dossiers.special.get']({ id })));
        responses.push(await failure(env.api['dossiers.special.update']({ id, special: {} })));
      }
      responses.push(await env.api['dossiers.checkVNumber']({ vNumber: '3012457781' }));
      if (['voorzitter', 'notulist'].includes(username)) {
        const { dossier } = await env.api['dossiers.get']({ id: 7 });
        responses.push(
          await env.api['dossiers.update']({
            id: 7,
            version: dossier.version,
            changes: { languages: 'Somali, Italiaans' },
          }),
        );
        responses.push(
          await env.api['dossiers.procedures.add']({ dossierId: 7, procedure: { kind: 'overig' } }),
        );
        responses.push(
          await env.api['dossiers.create'](newDossier({ vNumber: null, name: `Nieuw via ${username}` })),
        );
      } else {
        responses.push(
          await failure(env.api['dossiers.update']({ id: 7, version: 1, changes: { notes: 'x' } })),
        );
      }
      const json = JSON.stringify(responses);
      for (const s of secrets) expect(json).not.toContain(s);
      expect(responses.filter((r) => (r as RpcError).code === 'FORBIDDEN').length).toBeGreaterThanOrEqual(20);
      // The conclusion is there: Mateus has a medical obstacle.
      expect(json).toContain('"medicalObstacle":"ja"');
      expect(auditCount('special.view')).toBe(views);
    },
  );

  it('lets the beheerder grant an organisation access, which takes effect at once', async () => {
    await login('beheerder');
    const ind = (await env.api['organisations.list']({})).find((o) => o.kind === 'ind')!;
    expect(ind.seesSpecialCategories).toBe(false);
    expect(
      (await env.api['organisations.setSeesSpecial']({ organisationId: ind.id, seesSpecial: true }))
        .seesSpecialCategories,
    ).toBe(true);
    await login('ind');
    expect((await env.api['dossiers.special.get']({ id: 2 })).justiceHistory).toContain(
      'Vreemdelingenbewaring',
    );
    await login('beheerder');
    await env.api['organisations.setSeesSpecial']({ organisationId: ind.id, seesSpecial: false });
    await login('ind');
    expect((await failure(env.api['dossiers.special.get']({ id: 2 }))).code).toBe('FORBIDDEN');
  });

  it('gives only the GGD access by default: not the gemeente as a whole', async () => {
    await login('beheerder');
    const orgs = await env.api['organisations.list']({});
    expect(orgs.filter((o) => o.seesSpecialCategories).map((o) => o.kind)).toEqual(['ggd']);
    await login('ngo');
    expect(
      (
        await failure(
          env.api['organisations.setSeesSpecial']({ organisationId: orgs[0]!.id, seesSpecial: true }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../electron/core/db/migrations';
import { migration0008 } from '../../electron/core/db/migrations/0008-countable-outcomes';
import { outcomeCategories, type DossierInput } from '../../shared/domain/dossier';
import { ApiError, type RpcError } from '../../shared/errors';
import { makeEnv, type TestEnv } from '../support/backend';

/*
 * Issue 12, step 1: outcomes that can be counted. "Uitgestroomd" only through the outflow form, with
 * its facts; old data marked "onvolledig"; "vertrek zonder toezicht" counted with MOB, not as return;
 * pick-lists for permit ground and country; a reopen keeps the earlier outcome as an episode; the demo
 * has an outcome in every category.
 */

let env: TestEnv;
async function failure(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
}
const newDossier = (over: Partial<DossierInput> = {}): DossierInput => ({
  name: 'Amina Uitstroom',
  referredAt: '2026-01-05',
  intakeDate: '2026-01-12',
  ...over,
});

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
  await env.login('voorzitter');
});
afterAll(() => env.cleanup());

describe('uitgestroomd only through the outflow form', () => {
  it('refuses a plain edit to uitgestroomd, a new dossier that starts out, and a plain edit back', async () => {
    const created = (await env.api['dossiers.create'](newDossier({ status: 'in_traject' }))).dossier;
    const edit = await failure(
      env.api['dossiers.update']({
        id: created.id,
        version: created.version,
        changes: { status: 'uitgestroomd' },
        reason: 'Vertrokken',
      }),
    );
    expect(edit).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ path: 'status', code: 'status_via_outflow' }],
    });
    expect(await failure(env.api['dossiers.create'](newDossier({ status: 'gesloten' })))).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ path: 'status', code: 'status_via_outflow' }],
    });
    // A plain edit to gesloten from an open status would close without an outcome: refused too.
    expect(
      await failure(
        env.api['dossiers.update']({
          id: created.id,
          version: created.version,
          changes: { status: 'gesloten' },
          reason: 'Dicht',
        }),
      ),
    ).toMatchObject({ fields: [{ code: 'status_via_outflow' }] });

    const out = await env.api['outflow.record']({
      dossierId: created.id,
      expectedVersion: created.version,
      outcome: 'MOB',
      mobReason: 'angst_terugkeer',
      endedBy: 'client',
      date: '2026-06-30',
    });
    expect(out).toMatchObject({ status: 'uitgestroomd', outcome: 'MOB', outcomeIncomplete: false });
    // Back to an open status only by a reopen; closing a dossier that left is a plain edit.
    expect(
      await failure(
        env.api['dossiers.update']({
          id: created.id,
          version: out.version,
          changes: { status: 'in_traject' },
          reason: 'Terug',
        }),
      ),
    ).toMatchObject({ fields: [{ code: 'status_via_outflow' }] });
    const closed = await env.api['dossiers.update']({
      id: created.id,
      version: out.version,
      changes: { status: 'gesloten' },
      reason: 'Afgesloten na uitstroom',
    });
    expect(closed.dossier).toMatchObject({
      status: 'gesloten',
      outcome: 'MOB',
      mobReason: 'angst_terugkeer',
    });
  });

  it('counts return only when demonstrable; "vertrek zonder toezicht" is a kind of MOB', async () => {
    const d = (await env.api['dossiers.create'](newDossier({ status: 'in_traject' }))).dossier;
    const base = {
      dossierId: d.id,
      expectedVersion: d.version,
      endedBy: 'client' as const,
      date: '2026-07-01',
    };
    expect(
      await failure(
        env.api['outflow.record']({ ...base, outcome: 'TERUGKEER', subkind: 'zelfstandig_zonder_toezicht' }),
      ),
    ).toMatchObject({ fields: [{ path: 'subkind', code: 'outcome_subkind_invalid' }] });
    expect(
      await failure(
        env.api['outflow.record']({ ...base, outcome: 'TERUGKEER', subkind: 'gedwongen', country: 'XX' }),
      ),
    ).toMatchObject({ fields: [{ path: 'country', code: 'country_invalid' }] });
    expect(
      await failure(
        env.api['outflow.record']({ ...base, outcome: 'VERBLIJFSVERGUNNING', detail: 'buitenschuld' }),
      ),
    ).toMatchObject({ fields: [{ path: 'permitGround', code: 'permit_ground_required' }] });
    const out = await env.api['outflow.record']({
      ...base,
      outcome: 'MOB',
      subkind: 'vertrek_zonder_toezicht',
    });
    expect(out).toMatchObject({ outcome: 'MOB', outcomeSubkind: 'vertrek_zonder_toezicht', mobReason: null });
  });

  it('stores only what belongs to the category (a country on a permit is dropped)', async () => {
    const d = (await env.api['dossiers.create'](newDossier({ status: 'in_traject' }))).dossier;
    const out = await env.api['outflow.record']({
      dossierId: d.id,
      expectedVersion: d.version,
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'buitenschuld',
      country: 'NL',
      mobReason: 'onbekend',
      endedBy: 'gemeente',
      date: '2026-08-01',
    });
    expect(out).toMatchObject({ permitGround: 'buitenschuld', country: null, mobReason: null });
  });
});

describe('a reopen keeps the earlier outcome', () => {
  it('MOB, then back and a permit: both stay on record, the first as an earlier episode', async () => {
    const d = (await env.api['dossiers.create'](newDossier({ status: 'in_traject', track: 'terugkeer' })))
      .dossier;
    const mob = await env.api['outflow.record']({
      dossierId: d.id,
      expectedVersion: d.version,
      outcome: 'MOB',
      endedBy: 'client',
      date: '2026-03-02',
    });
    const back = await env.api['outflow.reopen']({
      dossierId: d.id,
      expectedVersion: mob.version,
      reason: 'Teruggekeerd na MOB; nieuwe procedure',
    });
    expect(back).toMatchObject({ status: 'in_traject', outcome: null });
    const permit = await env.api['outflow.record']({
      dossierId: d.id,
      expectedVersion: back.version,
      outcome: 'VERBLIJFSVERGUNNING',
      permitGround: 'schrijnend',
      endedBy: 'gemeente',
      date: '2026-10-05',
    });
    expect(permit).toMatchObject({ outcome: 'VERBLIJFSVERGUNNING', permitGround: 'schrijnend' });
    const detail = await env.api['dossiers.get']({ id: d.id });
    expect(detail.episodes).toEqual([
      expect.objectContaining({
        outcome: 'MOB',
        endedBy: 'client',
        outflowDate: '2026-03-02',
        track: 'terugkeer',
        reopenReason: 'Teruggekeerd na MOB; nieuwe procedure',
      }),
    ]);
  });
});

describe('migration 0008', () => {
  it('marks outcomes without facts "onvolledig", moves "zonder toezicht" to MOB and codes buitenschuld', () => {
    const db = new Database(':memory:');
    const at = migrations.indexOf(migration0008);
    for (const m of migrations.slice(0, at)) m(db);
    db.pragma(`user_version = ${at}`);
    const insert = db.prepare(
      `INSERT INTO dossiers (number, city, name, referred_at, status, track, outcome, outcome_subkind, outcome_detail,
         ended_by, outflow_date, updated_at) VALUES (?, 'X', 'N', '2025-01-01', ?, 'terugkeer', ?, ?, ?, ?, ?, 'now')`,
    );
    insert.run('D-1', 'uitgestroomd', null, null, null, null, null); // plain edit, no outcome
    insert.run(
      'D-2',
      'uitgestroomd',
      'TERUGKEER',
      'zelfstandig_zonder_toezicht',
      null,
      'client',
      '2025-05-01',
    );
    insert.run(
      'D-3',
      'gesloten',
      'VERBLIJFSVERGUNNING',
      null,
      'Buitenschuldvergunning',
      'gemeente',
      '2025-06-01',
    );
    insert.run('D-4', 'uitgestroomd', 'VERBLIJFSVERGUNNING', null, 'art. 8 EVRM', 'gemeente', '2025-06-01');
    insert.run('D-5', 'in_traject', null, null, null, null, null);
    migrate(db);
    const rows = db
      .prepare('SELECT number, outcome, outcome_subkind, outcome_ground FROM dossiers ORDER BY number')
      .all();
    expect(rows).toEqual([
      { number: 'D-1', outcome: null, outcome_subkind: null, outcome_ground: null },
      { number: 'D-2', outcome: 'MOB', outcome_subkind: 'vertrek_zonder_toezicht', outcome_ground: null },
      {
        number: 'D-3',
        outcome: 'VERBLIJFSVERGUNNING',
        outcome_subkind: null,
        outcome_ground: 'buitenschuld',
      },
      { number: 'D-4', outcome: 'VERBLIJFSVERGUNNING', outcome_subkind: null, outcome_ground: null },
      { number: 'D-5', outcome: null, outcome_subkind: null, outcome_ground: null },
    ]);
    expect(
      db.prepare("SELECT field, from_value, to_value FROM dossier_history WHERE field = 'outcome'").all(),
    ).toEqual([{ field: 'outcome', from_value: 'TERUGKEER', to_value: 'MOB' }]);
    db.close();
  });

  it('shows the marker on the dossier and lets the outflow form complete it without a reopen', async () => {
    const db = env.backend.vault.database();
    const d = (await env.api['dossiers.create'](newDossier({ status: 'in_traject' }))).dossier;
    // As a plain edit before this version (or an import) left it: out, with no outcome.
    db.prepare("UPDATE dossiers SET status = 'uitgestroomd' WHERE id = ?").run(d.id);
    const before = await env.api['dossiers.get']({ id: d.id });
    expect(before.dossier).toMatchObject({ status: 'uitgestroomd', outcomeIncomplete: true });
    const done = await env.api['outflow.record']({
      dossierId: d.id,
      expectedVersion: before.dossier.version,
      outcome: 'OVERIG',
      subkind: 'mbb',
      endedBy: 'onbekend',
      date: '2026-05-05',
    });
    expect(done).toMatchObject({ status: 'uitgestroomd', outcome: 'OVERIG', outcomeIncomplete: false });
    // Complete means complete: a second record is refused as before.
    expect(
      await failure(
        env.api['outflow.record']({
          dossierId: d.id,
          expectedVersion: done.version,
          outcome: 'MOB',
          endedBy: 'client',
          date: '2026-05-05',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'already_out' } });
  });
});

describe('the demo', () => {
  // Runs on the demo as created: the tests above add their own dossiers, never change the demo's.
  it('has an outcome in every category, complete, and an earlier episode', () => {
    const db = env.backend.vault.database();
    const found = db
      .prepare(
        `SELECT DISTINCT outcome FROM dossiers WHERE outcome IS NOT NULL
          UNION SELECT outcome FROM dossier_episodes`,
      )
      .all()
      .map((r) => (r as { outcome: string }).outcome);
    for (const c of outcomeCategories) expect(found).toContain(c);
    expect(
      db
        .prepare(
          "SELECT name FROM dossiers WHERE outcome = 'MOB' AND outcome_subkind = 'vertrek_zonder_toezicht'",
        )
        .get(),
    ).toEqual({ name: 'Giorgi Beridze' });
    expect(
      db
        .prepare(
          `SELECT e.outcome FROM dossier_episodes e JOIN dossiers d ON d.id = e.dossier_id
            WHERE d.name LIKE 'Ibrahim%'`,
        )
        .all(),
    ).toEqual([{ outcome: 'OVERIG' }]);
    // Every demo outcome carries the facts the reports count.
    expect(
      db
        .prepare("SELECT count(*) AS n FROM dossiers WHERE status = 'uitgestroomd' AND ended_by IS NULL")
        .get(),
    ).toEqual({ n: 0 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierBrief } from '../../electron/core/meetings/dossier-brief';
import type { DossierInput } from '../../shared/domain/dossier';
import { ApiError, type RpcError } from '../../shared/errors';
import { makeEnv, type TestEnv } from '../support/backend';

/*
 * The person and their own choice (issue 11, item 7), over the real backend and encrypted demo
 * database: the client's wish (coded and in their words), the toekomstgesprek, the last contact, and
 * DT&V's regievoerder next to the begeleidende ngo, stored, shown in the register and at the table.
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
  name: 'Samira Testpersoon',
  vNumber: '7012345678',
  referredAt: '2026-10-01',
  intakeDate: '2026-10-12',
  ...over,
});

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
});
afterAll(() => env.cleanup());

describe('the person and their own choice', () => {
  it('stores the wish, the toekomstgesprek, the last contact and the regievoerder, and changes them', async () => {
    await env.login('casemanager');
    const { dossier } = await env.api['dossiers.create'](
      newDossier({
        clientWish: 'terugkeer',
        clientWishText: 'Wil terug naar zijn moeder in Asmara, maar niet zonder steun.',
        futureTalkDate: '2026-10-20',
        lastContactDate: '2026-11-18',
        regievoerder: 'Pieter Jansen',
      }),
    );
    expect(dossier).toMatchObject({
      clientWish: 'terugkeer',
      clientWishText: 'Wil terug naar zijn moeder in Asmara, maar niet zonder steun.',
      futureTalkDate: '2026-10-20',
      lastContactDate: '2026-11-18',
      regievoerder: 'Pieter Jansen',
    });
    const updated = await env.api['dossiers.update']({
      id: dossier.id,
      version: dossier.version,
      changes: { clientWish: 'twijfelt', lastContactDate: '2026-11-22' },
    });
    expect(updated.dossier.clientWish).toBe('twijfelt');
    expect(updated.dossier.lastContactDate).toBe('2026-11-22');
    // Unchanged fields stay.
    expect(updated.dossier.regievoerder).toBe('Pieter Jansen');

    const row = (await env.api['dossiers.list']({ text: 'Samira' })).rows[0]!;
    expect(row.lastContactDate).toBe('2026-11-22');

    // The chair's summary at the table names both, and the person's wish.
    const brief = dossierBrief(env.backend.vault.database(), dossier.id)!;
    expect(brief).toMatchObject({
      regievoerder: 'Pieter Jansen',
      clientWish: 'twijfelt',
      futureTalkDate: '2026-10-20',
      lastContactDate: '2026-11-22',
    });
  });

  it('refuses a contact or a toekomstgesprek dated in the future, and an unknown wish', async () => {
    await env.login('casemanager');
    const contact = await failure(
      env.api['dossiers.create'](newDossier({ vNumber: '7112345678', lastContactDate: '2026-12-01' })),
    );
    expect(contact.code).toBe('BAD_INPUT');
    expect(contact.fields).toContainEqual(
      expect.objectContaining({ path: 'lastContactDate', code: 'date_in_future' }),
    );
    const talk = await failure(
      env.api['dossiers.create'](newDossier({ vNumber: '7212345678', futureTalkDate: '2027-01-01' })),
    );
    expect(talk.fields).toContainEqual(
      expect.objectContaining({ path: 'futureTalkDate', code: 'date_in_future' }),
    );
    const wish = await failure(
      env.api['dossiers.create'](
        newDossier({ vNumber: '7312345678', clientWish: 'illegaal_blijven' as never }),
      ),
    );
    expect(wish.code).toBe('BAD_INPUT');
  });

  it('gives the demo people a wish, a last contact and a regievoerder', async () => {
    await env.login('casemanager');
    const { dossier } = await env.api['dossiers.get']({ id: 1 });
    expect(dossier.clientWish).toBe('verblijf_nl');
    expect(dossier.lastContactDate).toBe('2026-11-17'); // six days before the demo's today
    expect(dossier.regievoerder).toEqual(expect.any(String));
  });
});

describe('signals on the agenda and in the register', () => {
  it('shows stuck, escalated, medische belemmering and "geen contact sinds N weken" on the agenda, never the medical detail', async () => {
    await env.login('voorzitter');
    // The demo's Ibrahim is stuck; here his case is also with the werkgroep (an open escalation).
    env.backend.vault.database().prepare('UPDATE dossiers SET escalated = 1 WHERE id = 2').run();
    const meetings = await env.api['meetings.list']({});
    const planned = meetings.find((m) => m.state === 'gepland')!;
    const proposal = await env.api['meetings.agenda.propose']({ meetingId: planned.id });
    const detail = await env.api['meetings.get']({ meetingId: planned.id });
    const signalsOf = (dossierId: number) =>
      [...proposal.items, ...detail.items].find((i) => i.dossierId === dossierId)?.signals.map((s) => s.code);
    // Ibrahim (2): stuck, escalated, 41 days without contact in the demo.
    expect(signalsOf(2)).toEqual(expect.arrayContaining(['vastgelopen', 'geescaleerd', 'geen_contact']));
    // Every dossier on the agenda with a medical obstacle shows it (the demo has at least one).
    const medical = env.backend.vault
      .database()
      .prepare(`SELECT dossier_id FROM dossier_special WHERE medical_obstacle = 'ja'`)
      .pluck()
      .all() as number[];
    const onAgenda = medical.filter((id) => signalsOf(id) !== undefined);
    expect(onAgenda.length).toBeGreaterThan(0);
    for (const id of onAgenda) expect(signalsOf(id)).toContain('medische_belemmering');
    for (const secret of ['PTSS', 'BMA-advies', 'Hartaandoening'])
      expect(JSON.stringify([proposal, detail])).not.toContain(secret);
  });

  it('takes N from the agenda settings', async () => {
    await env.login('voorzitter');
    const s = await env.api['meetings.settings.get']({});
    expect(s.noContactWeeks).toBe(4);
    await env.api['meetings.settings.update']({ ...s, noContactWeeks: 8 });
    const planned = (await env.api['meetings.list']({})).find((m) => m.state === 'gepland')!;
    const proposal = await env.api['meetings.agenda.propose']({ meetingId: planned.id });
    const ibrahim = proposal.items.find((i) => i.dossierId === 2)!;
    expect(ibrahim.signals.map((x) => x.code)).not.toContain('geen_contact');
    await env.api['meetings.settings.update']({ ...s, noContactWeeks: 4 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemWork } from '../../shared/contract/items';
import { verifyAudit } from '../../electron/core/audit/audit';
import { demoPastDossiers } from '../../electron/core/demo/demo-outcomes';
import { demoDossiers } from '../../electron/core/demo/demo-dossiers';
import { makeEnv, type TestEnv } from '../support/backend';

/**
 * The demo's earlier record: this week's items show what each party said last time ("Vorige keer"),
 * Batbayar G.'s decision was held because the parties disagree, and every dossier has a timeline that
 * ends where the dossier stands — without special-category detail, and with a valid audit chain.
 */

let env: TestEnv;
let thisWeek: number;
/** This week's agenda as the chair takes it over from the proposal. */
let items: { id: number; dossierId: number | null }[];

beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'voorzitter', password: 'demo-voorzitter-2026' });
  const meetings = await env.api['meetings.list']({});
  thisWeek = meetings.find((m) => m.state === 'gepland')!.id;
  const proposal = await env.api['meetings.agenda.propose']({ meetingId: thisWeek });
  // Nothing was recorded after last week's meeting ended: no "standpunten gewijzigd" reasons.
  expect(proposal.items.flatMap((i) => i.reasons.map((r) => r.code))).not.toContain('positions_changed');
  const { version } = await env.api['meetings.get']({ meetingId: thisWeek });
  const accepted = await env.api['meetings.agenda.accept']({
    meetingId: thisWeek,
    version,
    keys: proposal.items.map((i) => i.key),
  });
  items = accepted.items;
  // Everyone at the table this week; the GGD by written input.
  let m = accepted;
  for (const o of await env.api['organisations.list']({}))
    m = await env.api['meetings.setAttendance']({
      meetingId: thisWeek,
      version: m.version,
      organisationId: o.id,
      presence: o.name === 'GGD' ? 'schriftelijke_inbreng' : 'aanwezig',
    });
});
afterAll(() => env.cleanup());

const dossierId = async (name: string) => (await env.api['dossiers.list']({ text: name })).rows[0]!.id;

async function workOf(name: string): Promise<ItemWork> {
  const id = await dossierId(name);
  const item = items.find((i) => i.dossierId === id);
  expect(item, `${name} is on this week's agenda`).toBeDefined();
  return env.api['items.work']({ meetingId: thisWeek, itemId: item!.id });
}

const previous = (work: ItemWork) =>
  Object.fromEntries(work.participants.map((p) => [p.organisationName, p.previous?.direction ?? null]));

describe('the demo’s earlier record', () => {
  it('shows last week’s positions next to this week’s items: Batbayar G. disputed, Haider K. J. on return', async () => {
    const batbayar = await workOf('Batbayar');
    expect(previous(batbayar)).toMatchObject({
      IND: 'terugkeer',
      'DT&V': 'terugkeer',
      VluchtelingenWerk: 'legalisatie',
      GGD: 'stabilisatie',
    });
    const ngo = batbayar.participants.find((p) => p.organisationName === 'VluchtelingenWerk')!.previous!;
    expect(ngo).toMatchObject({ onBehalf: true, recordedByName: 'Niels Notulist' });
    expect(ngo.reasoning).toContain('medische belemmering');
    // The GGD sent written input itself, the day before.
    const ggd = batbayar.participants.find((p) => p.organisationName === 'GGD')!.previous!;
    expect(ggd).toMatchObject({ onBehalf: false, recordedByName: 'Gwen (GGD)' });

    const haider = await workOf('Haider');
    expect(previous(haider)).toMatchObject({
      'Gemeente Demostad': 'terugkeer',
      IND: 'terugkeer',
      'DT&V': 'terugkeer',
      VluchtelingenWerk: 'terugkeer',
    });
    // Nothing recorded at this week's item yet: the previous version is the latest one.
    expect(haider.participants.every((p) => p.current === null)).toBe(true);
  });

  it('holds Batbayar G.’s decision: IND and DT&V agree, the NGO and the GGD object with reasons', async () => {
    const id = await dossierId('Batbayar');
    const [held] = await env.api['decisions.list']({ dossierId: id });
    expect(held).toMatchObject({ state: 'aangehouden', locked: true, direction: 'terugkeer' });
    const consent = Object.fromEntries(held!.consents.map((c) => [c.organisationName, c]));
    expect(consent.IND?.consent).toBe('akkoord');
    expect(consent['DT&V']?.consent).toBe('akkoord');
    expect(consent.VluchtelingenWerk).toMatchObject({ consent: 'bezwaar' });
    expect(consent.VluchtelingenWerk?.reason).toMatch(/legalisatie onderzoeken/);
    expect(consent.GGD).toMatchObject({ consent: 'bezwaar' });
    expect(consent.GGD?.reason).toMatch(/niet verantwoord/);
    expect(held!.evaluation.carried).toBe(false);
    const { history } = await env.api['dossiers.get']({ id });
    expect(history[0]).toMatchObject({
      field: 'besluit',
      to: `${held!.number}: aangehouden`,
      decisionId: held!.id,
      reason: `Besluit ${held!.number} aangehouden: ${held!.text}`,
    });
    // Numbered in meeting order: the signed meeting two weeks ago decided first.
    const [carried] = (await env.api['decisions.list']({})).filter((d) => d.state === 'gedragen');
    expect(carried!.number < held!.number).toBe(true);
  });

  it('gives every dossier a timeline from registration to where it stands now', async () => {
    const { rows } = await env.api['dossiers.list']({});
    expect(rows).toHaveLength(demoDossiers.length + demoPastDossiers.length);
    for (const row of rows) {
      const { dossier, history } = await env.api['dossiers.get']({ id: row.id });
      const latest = (field: string) => history.find((h) => h.field === field)!;
      expect(latest('status').to, dossier.number).toBe(dossier.status);
      expect(latest('track').to, dossier.number).toBe(dossier.track);
      const oldest = history.at(-1)!;
      expect(oldest).toMatchObject({ from: null, reason: '' });
      expect(oldest.at.slice(0, 10)).toBe(dossier.referredAt);
      // Every change after registration says why.
      expect(history.filter((h) => h.from !== null).every((h) => h.reason.length > 0)).toBe(true);
    }
    const chen = await env.api['dossiers.get']({ id: await dossierId('Chen') });
    expect(chen.history[0]).toMatchObject({ to: 'besluit_gedragen' });
    expect(chen.history[0]!.decisionId).not.toBeNull();
  });

  it('keeps special-category detail out of positions, consents and timelines, and the audit chain valid', () => {
    const db = env.backend.vault.database();
    const text = (
      db
        .prepare(
          `SELECT reasoning || ' ' || information || ' ' || conditions AS t FROM positions
           UNION ALL SELECT coalesce(reason, '') FROM consents
           UNION ALL SELECT reason FROM dossier_history`,
        )
        .all() as { t: string }[]
    )
      .map((r) => r.t)
      .join('\n');
    // The detail of the demo's health and justice fields, and the words that would give it away.
    const details = demoDossiers.flatMap((d) => [d.special.healthDetail, d.special.justice]).filter(Boolean);
    for (const secret of [
      ...details,
      'PTSS',
      'GGZ',
      'BMA',
      'hart',
      'medicatie',
      'hoofdstad',
      'bewaring',
      'veroordel',
      'diefstal',
    ])
      expect(text.toLowerCase(), secret!).not.toContain(secret!.toLowerCase());
    expect(verifyAudit(db).valid).toBe(true);
  });
});

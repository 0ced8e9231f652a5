import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentValue } from '../../shared/domain/consent';
import { lockMeetingDecisions } from '../../electron/core/decisions/lock';
import { setMeta } from '../../electron/core/environment/setup';
import { failure } from '../support/backend';
import { firstItem, fullTable, makeItemEnv, type ItemEnv } from '../support/items';

/** The participants of `fullTable` (GGD is absent) and the user that speaks for each. */
const speakers: Record<string, string> = {
  'Gemeente Demostad': 'casemanager',
  IND: 'ind',
  'DT&V': 'dtv',
  VluchtelingenWerk: 'ngo',
  Politie: 'politie',
};

describe('the gedragen besluit', () => {
  let env: ItemEnv;
  let item: number;
  let meetingId: number;
  let dossierId: number;
  beforeEach(async () => {
    env = await makeItemEnv();
    ({ meetingId, itemId: item, dossierId } = firstItem(env));
  });
  afterEach(() => env.cleanup());

  const draft = (
    text = 'Terugkeer voorbereiden met IOM.',
    direction: 'terugkeer' | 'aanhouden' = 'terugkeer',
  ) => env.api['decisions.save']({ itemId: item, text, direction, reviewDate: '2026-06-01' });

  /** Every participant consents as given (default akkoord), each through its own deelnemer. */
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

  it('numbers decisions per year', async () => {
    const other = env.meeting({
      date: '2026-03-17',
      attendance: fullTable,
      dossiers: [env.dossier(1), env.dossier(2)],
    });
    const old = env.meeting({ date: '2025-12-16', attendance: fullTable, dossiers: [env.dossier(3)] });
    // The demo may hold decisions already: numbering continues after the year's highest number.
    const next = (year: number, k: number) => {
      const { n } = env
        .db()
        .prepare("SELECT count(*) AS n FROM decisions WHERE number LIKE ? || '-%'")
        .get(String(year)) as { n: number };
      return `${year}-${String(n + k).padStart(3, '0')}`;
    };
    const expected = [next(2026, 1), next(2026, 2), next(2025, 1), next(2026, 3)];
    const a = await draft();
    const b = await env.api['decisions.save']({
      itemId: other.itemIds[0]!,
      text: 'x',
      direction: 'legalisatie',
    });
    const c = await env.api['decisions.save']({
      itemId: old.itemIds[0]!,
      text: 'y',
      direction: 'legalisatie',
    });
    const d = await env.api['decisions.save']({
      itemId: other.itemIds[1]!,
      text: 'z',
      direction: 'legalisatie',
    });
    expect([a.number, b.number, c.number, d.number]).toEqual(expected);
    expect(a.number).toMatch(/^2026-\d{3}$/);
    // One decision per item: a second "new" one is a conflict, not a duplicate.
    expect(await failure(draft())).toMatchObject({ code: 'CONFLICT', info: { reason: 'decision_exists' } });
  });

  it('the secretary records the decision text and direction; only the chair settles; a deelnemer does neither', async () => {
    await env.login('notulist');
    const work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.permissions).toMatchObject({ writeDecision: true, decide: false });
    const d = await draft('Medisch advies afwachten.', 'aanhouden');
    expect(d).toMatchObject({ state: 'concept', text: 'Medisch advies afwachten.', direction: 'aanhouden' });
    const edited = await env.api['decisions.save']({
      itemId: item,
      decisionId: d.id,
      expectedVersion: d.version,
      text: 'Terugkeer voorbereiden met IOM.',
      direction: 'terugkeer',
    });
    expect(edited).toMatchObject({
      number: d.number,
      text: 'Terugkeer voorbereiden met IOM.',
      direction: 'terugkeer',
    });
    expect(
      await failure(
        env.api['decisions.settle']({
          decisionId: d.id,
          expectedVersion: edited.version,
          outcome: 'aanhouden',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    await env.login('ind');
    expect((await env.api['items.work']({ meetingId, itemId: item })).permissions.writeDecision).toBe(false);
    expect(
      await failure(
        env.api['decisions.save']({
          itemId: item,
          decisionId: d.id,
          expectedVersion: edited.version,
          text: 'Anders',
          direction: 'legalisatie',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await env.api['decisions.list']({ meetingId }))[0]).toMatchObject({
      text: 'Terugkeer voorbereiden met IOM.',
    });
  });

  it('a carried decision sets the dossier track and status, with the decision in the history', async () => {
    const d = await draft();
    await consentAll(d.id, d.version, { Politie: 'akkoord_met_voorbehoud', VluchtelingenWerk: 'onthouding' });
    const settled = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: d.version,
      outcome: 'gedragen',
    });
    expect(settled).toMatchObject({ state: 'gedragen', evaluation: { carried: true } });
    const db = env.db();
    expect(db.prepare('SELECT track, status, review_date FROM dossiers WHERE id = ?').get(dossierId)).toEqual(
      {
        track: 'terugkeer',
        status: 'besluit_gedragen',
        review_date: '2026-06-01',
      },
    );
    const history = db
      .prepare(
        'SELECT field, to_value, reason, decision_id FROM dossier_history WHERE dossier_id = ? AND decision_id IS NOT NULL ORDER BY id',
      )
      .all(dossierId);
    expect(history).toEqual([
      {
        field: 'track',
        to_value: 'terugkeer',
        reason: `Gedragen besluit ${d.number}: Terugkeer`,
        decision_id: d.id,
      },
      {
        field: 'status',
        to_value: 'besluit_gedragen',
        reason: `Gedragen besluit ${d.number}: Terugkeer`,
        decision_id: d.id,
      },
      {
        field: 'review_date',
        to_value: '2026-06-01',
        reason: `Gedragen besluit ${d.number}: Terugkeer`,
        decision_id: d.id,
      },
    ]);
    expect(db.prepare('SELECT status FROM agenda_items WHERE id = ?').get(item)).toEqual({
      status: 'besproken',
    });
  });

  it('is not carried while a participant has not answered or objects', async () => {
    const d = await draft();
    expect(
      await failure(
        env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 1, outcome: 'gedragen' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'not_carried' },
    });
    await consentAll(d.id, 1, { 'DT&V': 'bezwaar' });
    const now = (await env.api['decisions.list']({ dossierId }))[0]!;
    expect(now.evaluation).toMatchObject({
      carried: false,
      state: 'geblokkeerd',
      objections: [env.org('DT&V')],
    });
    expect(
      await failure(
        env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 1, outcome: 'gedragen' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a reason is required for everything but akkoord', async () => {
    const d = await draft();
    await env.login('dtv');
    expect(
      await failure(
        env.api['decisions.consent']({
          decisionId: d.id,
          organisationId: env.org('DT&V'),
          consent: 'bezwaar',
          decisionVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'reason', code: 'reason_required_bezwaar' }] });
  });

  it('a changed text needs the consents again, and a consent to an old text is refused', async () => {
    const d = await draft();
    await consentAll(d.id, 1);
    const edited = await env.api['decisions.save']({
      itemId: item,
      decisionId: d.id,
      expectedVersion: 1,
      text: 'Terugkeer, maar eerst medisch advies.',
      direction: 'terugkeer',
    });
    expect(edited).toMatchObject({ version: 2, clearedConsents: 5, consents: [] });
    await env.login('ind');
    expect(
      await failure(
        env.api['decisions.consent']({
          decisionId: d.id,
          organisationId: env.org('IND'),
          consent: 'akkoord',
          decisionVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'stale_decision' } });
  });

  it('the secretary consents on behalf of an organisation', async () => {
    const d = await draft();
    await env.login('notulist');
    const after = await env.api['decisions.consent']({
      decisionId: d.id,
      organisationId: env.org('VluchtelingenWerk'),
      consent: 'akkoord_met_voorbehoud',
      reason: 'Schriftelijk: mits IOM-intake vóór vertrek',
      decisionVersion: 1,
    });
    expect(after.consents[0]).toMatchObject({ onBehalf: true, recordedByName: 'Niels Notulist' });
  });

  it('a held decision marks the item aangehouden so the agenda rules bring it back', async () => {
    const d = await draft();
    await consentAll(d.id, 1, { 'DT&V': 'bezwaar' });
    const held = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: 1,
      outcome: 'aanhouden',
    });
    expect(held.state).toBe('aangehouden');
    expect(env.db().prepare('SELECT status FROM agenda_items WHERE id = ?').get(item)).toEqual({
      status: 'aangehouden',
    });
    expect(
      env.db().prepare('SELECT track, status FROM dossiers WHERE id = ?').get(dossierId),
    ).not.toMatchObject({
      status: 'besluit_gedragen',
    });
    // What the chair and the table see: the item's outcome, the review date and the dossier's timeline.
    const meeting = await env.api['meetings.get']({ meetingId });
    expect(meeting.items.find((i) => i.id === item)?.status).toBe('aangehouden');
    const { dossier, history } = await env.api['dossiers.get']({ id: dossierId });
    expect(dossier.reviewDate).toBe('2026-06-01');
    expect(history).toContainEqual(
      expect.objectContaining({
        field: 'review_date',
        to: '2026-06-01',
        reason: `Besluit ${d.number} aangehouden: Terugkeer voorbereiden met IOM.`,
        decisionId: d.id,
        decisionNumber: d.number,
      }),
    );
  });

  it('a held decision without a review date still leaves a line in the dossier’s timeline', async () => {
    const d = await env.api['decisions.save']({
      itemId: item,
      text: 'Eerst GGD-advies.',
      direction: 'terugkeer',
    });
    await env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 1, outcome: 'aanhouden' });
    const { history } = await env.api['dossiers.get']({ id: dossierId });
    expect(history).toContainEqual(
      expect.objectContaining({
        field: 'besluit',
        from: `${d.number}: concept`,
        to: `${d.number}: aangehouden`,
        reason: `Besluit ${d.number} aangehouden: Eerst GGD-advies.`,
        decisionId: d.id,
      }),
    );
  });

  it('escalates to the configured body with the dissent, flags the dossier until it returns', async () => {
    setMeta(env.db(), 'escalation_body', 'Regionale stuurgroep');
    const d = await draft();
    await consentAll(d.id, 1, { 'DT&V': 'bezwaar', Politie: 'akkoord_met_voorbehoud' });
    await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: 1,
      outcome: 'escaleren',
      escalation: { body: 'Regionale stuurgroep', question: 'Is terugkeer haalbaar?' },
    });
    const work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.dossier?.escalated).toBe(true);
    expect(work.escalations[0]).toMatchObject({
      body: 'Regionale stuurgroep',
      returnedAt: null,
      decisionId: d.id,
    });
    expect(work.escalations[0]!.dissent).toBe(
      'DT&V: bezwaar — Reden van DT&V\nPolitie: akkoord met voorbehoud — Reden van Politie',
    );
    const back = await env.api['escalations.return']({
      escalationId: work.escalations[0]!.id,
      outcome: 'buitenschuld_onderzoeken',
      answer: 'Werkgroep adviseert buitenschuld te onderzoeken',
      answeredOn: '2026-03-10',
    });
    expect(back.returnedAt).not.toBeNull();
    expect(env.db().prepare('SELECT escalated FROM dossiers WHERE id = ?').get(dossierId)).toEqual({
      escalated: 0,
    });
    expect(
      await failure(
        env.api['escalations.return']({
          escalationId: back.id,
          outcome: 'anders',
          answer: 'nogmaals',
          answeredOn: '2026-03-10',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('locks decisions when the meeting closes; reopening needs a reason and is audited', async () => {
    const d = await draft();
    await consentAll(d.id, 1);
    await env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 1, outcome: 'gedragen' });
    const db = env.db();
    db.transaction(() => {
      db.prepare("UPDATE meetings SET state = 'afgerond' WHERE id = ?").run(meetingId);
      expect(lockMeetingDecisions(db, meetingId)).toEqual([d.id]);
    })();
    const locked = (await env.api['decisions.list']({ meetingId }))[0]!;
    expect(locked.locked).toBe(true);
    expect(
      await failure(
        env.api['decisions.save']({
          itemId: item,
          decisionId: d.id,
          expectedVersion: locked.version,
          text: 'Anders',
          direction: 'terugkeer',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'decision_locked' } });
    expect(await failure(env.api['decisions.reopen']({ decisionId: d.id, reason: '  ' }))).toMatchObject({
      code: 'BAD_INPUT',
    });
    const reopened = await env.api['decisions.reopen']({
      decisionId: d.id,
      reason: 'Correctie IND: verkeerde richting genoteerd',
    });
    expect(reopened).toMatchObject({ locked: false, state: 'concept' });
    expect(
      env
        .db()
        .prepare("SELECT reason FROM dossier_history WHERE field = 'besluit' AND dossier_id = ?")
        .get(dossierId),
    ).toEqual({
      reason: 'Correctie IND: verkeerde richting genoteerd',
    });
    expect(env.db().prepare("SELECT ids FROM audit WHERE action = 'decision.reopen'").get()).toEqual({
      ids: JSON.stringify([d.id]),
    });
    // Settled again after the meeting closed: locked again at once.
    const again = await env.api['decisions.settle']({
      decisionId: d.id,
      expectedVersion: reopened.version,
      outcome: 'gedragen',
    });
    expect(again.locked).toBe(true);
  });
});

describe('uitstroom', () => {
  let env: ItemEnv;
  beforeEach(async () => {
    env = await makeItemEnv();
  });
  afterEach(() => env.cleanup());

  it('records the outcome, closes the dossier and reopens it with a reason', async () => {
    const id = env.dossier(4);
    const before = env.db().prepare('SELECT status, version FROM dossiers WHERE id = ?').get(id) as {
      status: string;
      version: number;
    };
    expect(
      await failure(
        env.api['outflow.record']({
          dossierId: id,
          expectedVersion: before.version,
          outcome: 'TERUGKEER',
          endedBy: 'client',
          date: '2026-03-09',
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'subkind', code: 'outcome_subkind_required' }] });
    expect(
      await failure(
        env.api['outflow.record']({
          dossierId: id,
          expectedVersion: before.version,
          outcome: 'VERBLIJFSVERGUNNING',
          endedBy: 'gemeente',
          date: '2026-03-09',
        }),
      ),
    ).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ path: 'permitGround', code: 'permit_ground_required' }],
    });
    const out = await env.api['outflow.record']({
      dossierId: id,
      expectedVersion: before.version,
      outcome: 'TERUGKEER',
      subkind: 'zelfstandig_aantoonbaar',
      endedBy: 'wederzijds',
      date: '2026-03-09',
    });
    expect(out).toMatchObject({
      status: 'uitgestroomd',
      outcome: 'TERUGKEER',
      outcomeSubkind: 'zelfstandig_aantoonbaar',
      endedBy: 'wederzijds',
    });
    expect(
      env
        .db()
        .prepare("SELECT reason FROM dossier_history WHERE dossier_id = ? AND to_value = 'uitgestroomd'")
        .get(id),
    ).toEqual({
      reason:
        'Uitstroom: terugkeer naar land van herkomst (gecontroleerd en aantoonbaar): zelfstandig aantoonbaar (met of zonder steun van IOM/REAN)',
    });
    expect(
      await failure(
        env.api['outflow.reopen']({ dossierId: id, expectedVersion: before.version, reason: 'Terug in NL' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'stale_dossier' },
    });
    const back = await env.api['outflow.reopen']({
      dossierId: id,
      expectedVersion: out.version,
      reason: 'Terug in Nederland gemeld',
    });
    expect(back).toMatchObject({ status: before.status, outcome: null, outflowDate: null });
  });

  it('refuses a date in the future and a deelnemer', async () => {
    const id = env.dossier(4);
    const { version } = env.db().prepare('SELECT version FROM dossiers WHERE id = ?').get(id) as {
      version: number;
    };
    expect(
      await failure(
        env.api['outflow.record']({
          dossierId: id,
          expectedVersion: version,
          outcome: 'MOB',
          endedBy: 'onbekend',
          date: '2026-04-01',
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'date', code: 'date_in_future' }] });
    await env.login('ind');
    expect(
      await failure(
        env.api['outflow.record']({
          dossierId: id,
          expectedVersion: version,
          outcome: 'MOB',
          endedBy: 'onbekend',
          date: '2026-03-01',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

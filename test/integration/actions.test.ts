import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../support/backend';
import { firstItem, fullTable, makeItemEnv, type ItemEnv } from '../support/items';

describe('actions that come back', () => {
  let env: ItemEnv;
  let item: number;
  let meetingId: number;
  beforeEach(async () => {
    env = await makeItemEnv();
    ({ meetingId, itemId: item } = firstItem(env));
    await env.login('notulist');
  });
  afterEach(() => env.cleanup());

  const create = (over: Record<string, unknown> = {}) =>
    env.api['actions.create']({
      itemId: item,
      what: 'Vertrekgesprek plannen met IOM',
      organisationId: env.org('DT&V'),
      person: 'Daan',
      dueDate: '2026-03-17',
      ...over,
    });

  it('refuses a due date before today at the field, and stores nothing', async () => {
    expect(await failure(create({ dueDate: '2026-03-09' }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ path: 'dueDate', code: 'due_in_past' }],
    });
    expect((await env.api['actions.list']({ filter: 'all' })).actions).toHaveLength(0);
    expect((await create({ dueDate: '2026-03-10' })).dueDate).toBe('2026-03-10');
  });

  it('is created at an item, linked to the dossier and the meeting', async () => {
    const a = await create();
    expect(a).toMatchObject({
      status: 'open',
      organisationName: 'DT&V',
      dossierId: env.dossier(0),
      meetingId,
      postponements: 0,
      overdue: false,
    });
    expect(a.dossierLabel).toMatch(/^D-\d{4}-\d{4} \(/);
  });

  it('postponed: a later date and a reason, still open, counted', async () => {
    const a = await create();
    expect(
      await failure(
        env.api['actions.review']({
          actionId: a.id,
          expectedVersion: 1,
          outcome: 'uitgesteld',
          newDueDate: '2026-03-24',
        }),
      ),
    ).toMatchObject({
      code: 'BAD_INPUT',
      fields: [{ path: 'reason', code: 'action_reason_required' }],
    });
    expect(
      await failure(
        env.api['actions.review']({
          actionId: a.id,
          expectedVersion: 1,
          outcome: 'uitgesteld',
          newDueDate: '2026-03-10',
          reason: 'x',
        }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'newDueDate', code: 'due_not_later' }] });
    const p = await env.api['actions.review']({
      actionId: a.id,
      expectedVersion: 1,
      outcome: 'uitgesteld',
      newDueDate: '2026-03-24',
      reason: 'Ambassade nog niet bereikt',
      meetingId,
    });
    expect(p).toMatchObject({
      status: 'open',
      dueDate: '2026-03-24',
      postponements: 1,
      reason: 'Ambassade nog niet bereikt',
      reviewedIn: meetingId,
    });
    expect(
      await failure(env.api['actions.review']({ actionId: a.id, expectedVersion: 1, outcome: 'gedaan' })),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('done, lapsed or not done close it; a closed action is not reviewed again', async () => {
    const done = await env.api['actions.review']({
      actionId: (await create()).id,
      expectedVersion: 1,
      outcome: 'gedaan',
    });
    expect(done.status).toBe('gedaan');
    const lapsed = await env.api['actions.review']({
      actionId: (await create()).id,
      expectedVersion: 1,
      outcome: 'vervallen',
      reason: 'Betrokkene is vertrokken',
    });
    expect(lapsed).toMatchObject({ status: 'vervallen', reason: 'Betrokkene is vertrokken' });
    const notDone = await env.api['actions.review']({
      actionId: (await create()).id,
      expectedVersion: 1,
      outcome: 'niet_gedaan',
      reason: 'Geen capaciteit',
    });
    expect(notDone.status).toBe('niet_gedaan');
    expect(
      await failure(
        env.api['actions.review']({ actionId: done.id, expectedVersion: done.version, outcome: 'gedaan' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'action_closed' },
    });
  });

  it('"Acties van mijn organisatie": own organisation by default, filtered open / overdue / all and by dossier', async () => {
    // Agreed on 1 March; by 10 March (the test's today) the first one is overdue.
    const today = env.clock.now;
    env.clock.now = new Date('2026-03-01T09:00:00Z');
    await create({ dueDate: '2026-03-03' });
    await create({ dueDate: '2026-03-31' });
    const closed = await create({ dueDate: '2026-03-05' });
    await create({ organisationId: env.org('IND') });
    env.clock.now = today;
    await env.login('notulist'); // nine days later the idle lock has long closed the session
    await env.api['actions.review']({ actionId: closed.id, expectedVersion: 1, outcome: 'gedaan' });
    await env.login('dtv');
    const open = await env.api['actions.list']({ filter: 'open' });
    expect(open.organisationId).toBe(env.org('DT&V'));
    expect(open.actions.map((a) => [a.dueDate, a.overdue])).toEqual([
      ['2026-03-03', true],
      ['2026-03-31', false],
    ]);
    expect((await env.api['actions.list']({ filter: 'overdue' })).actions).toHaveLength(1);
    expect((await env.api['actions.list']({ filter: 'all' })).actions).toHaveLength(3);
    expect(
      (await env.api['actions.list']({ filter: 'all', dossierId: env.dossier(5) })).actions,
    ).toHaveLength(0);
    await env.login('voorzitter');
    expect(
      (await env.api['actions.list']({ filter: 'all', organisationId: env.org('IND') })).actions,
    ).toHaveLength(1);
  });

  it('shows the dossier’s open actions at the next meeting’s item', async () => {
    const a = await create();
    const next = env.meeting({ date: '2026-03-17', attendance: fullTable, dossiers: [env.dossier(0)] });
    const work = await env.api['items.work']({ meetingId: next.meetingId, itemId: next.itemIds[0]! });
    expect(work.actions.map((x) => x.id)).toEqual([a.id]);
  });
});

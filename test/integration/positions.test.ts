import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { errorCode as code } from '../support/backend';
import { firstItem, fullTable, makeItemEnv, type ItemEnv } from '../support/items';

const position = (over: Record<string, unknown> = {}) => ({
  direction: 'legalisatie' as const,
  reasoning: 'Medische situatie weegt zwaar.',
  information: 'Rapport BMA volgt.',
  conditions: '',
  ...over,
});

describe('positions per organisation', () => {
  let env: ItemEnv;
  let item: number;
  let meetingId: number;
  beforeEach(async () => {
    env = await makeItemEnv();
    ({ meetingId, itemId: item } = firstItem(env));
  });
  afterEach(() => env.cleanup());

  it('a participant records their own organisation, versioned and never overwritten', async () => {
    await env.login('ind');
    const ind = env.org('IND');
    const v1 = await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 0,
      ...position(),
    });
    expect(v1).toMatchObject({
      version: 1,
      onBehalf: false,
      recordedByName: 'Ilse (IND)',
      organisationName: 'IND',
    });
    const v2 = await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 1,
      ...position({ direction: 'nader_onderzoek' }),
    });
    expect(v2.version).toBe(2);
    const history = await env.api['positions.history']({ dossierId: env.dossier(0), organisationId: ind });
    expect(history.map((p) => [p.version, p.direction])).toEqual([
      [2, 'nader_onderzoek'],
      [1, 'legalisatie'],
    ]);
  });

  it('a participant of one organisation cannot write another organisation through any method', async () => {
    await env.login('ind');
    const dtv = env.org('DT&V');
    expect(
      await code(
        env.api['positions.record']({ itemId: item, organisationId: dtv, expectedVersion: 0, ...position() }),
      ),
    ).toBe('FORBIDDEN');
    const draft = {
      direction: null,
      reasoning: 'x',
      information: '',
      conditions: '',
      withheld: false,
      withheldReason: '',
    };
    expect(
      await code(
        env.api['positions.saveDraft']({ itemId: item, organisationId: dtv, baseVersion: 0, fields: draft }),
      ),
    ).toBe('FORBIDDEN');
    expect(await code(env.api['positions.discardDraft']({ itemId: item, organisationId: dtv }))).toBe(
      'FORBIDDEN',
    );
    // Consent: the chair writes a decision, then IND tries to consent for DT&V.
    await env.login('voorzitter');
    const d = await env.api['decisions.save']({
      itemId: item,
      text: 'Terugkeer voorbereiden.',
      direction: 'terugkeer',
    });
    expect(
      await code(
        env.api['decisions.consent']({
          decisionId: d.id,
          organisationId: env.org('IND'),
          consent: 'akkoord',
          decisionVersion: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    await env.login('ind');
    expect(
      await code(
        env.api['decisions.consent']({
          decisionId: d.id,
          organisationId: dtv,
          consent: 'akkoord',
          decisionVersion: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    // A deelnemer cannot write decisions, settle them or manage actions either.
    expect(await code(env.api['decisions.save']({ itemId: item, text: 'x', direction: 'terugkeer' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await code(env.api['decisions.settle']({ decisionId: d.id, expectedVersion: 1, outcome: 'aanhouden' })),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        env.api['actions.create']({ itemId: item, what: 'x', organisationId: dtv, dueDate: '2026-03-17' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await code(env.api['actions.list']({ filter: 'all', organisationId: dtv }))).toBe('FORBIDDEN');
    // Nothing of DT&V was written.
    const db = env.db();
    const count = (sql: string, ...args: number[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    expect(
      count(
        'SELECT count(*) AS n FROM positions WHERE organisation_id = ? AND dossier_id = ?',
        dtv,
        env.dossier(0),
      ),
    ).toBe(0);
    expect(count('SELECT count(*) AS n FROM consents WHERE decision_id = ?', d.id)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM position_drafts').get()).toEqual({ n: 0 });
  });

  it('the chair and the casemanager do not speak for organisations unless they are its deelnemer', async () => {
    const gemeente = env.org('Gemeente Demostad');
    expect(
      await code(
        env.api['positions.record']({
          itemId: item,
          organisationId: gemeente,
          expectedVersion: 0,
          ...position(),
        }),
      ),
    ).toBe('FORBIDDEN');
    await env.login('casemanager'); // casemanager + deelnemer of the gemeente
    const own = await env.api['positions.record']({
      itemId: item,
      organisationId: gemeente,
      expectedVersion: 0,
      ...position(),
    });
    expect(own.onBehalf).toBe(false);
    expect(
      await code(
        env.api['positions.record']({
          itemId: item,
          organisationId: env.org('IND'),
          expectedVersion: 0,
          ...position(),
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('the secretary records for any organisation, marked as on behalf', async () => {
    await env.login('notulist');
    const p = await env.api['positions.record']({
      itemId: item,
      organisationId: env.org('IND'),
      expectedVersion: 0,
      ...position({ withheld: true, withheldReason: 'Lopend onderzoek' }),
    });
    expect(p).toMatchObject({
      onBehalf: true,
      recordedByName: 'Niels Notulist',
      withheld: true,
      withheldReason: 'Lopend onderzoek',
    });
    const work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.permissions.recordFor).toHaveLength(5); // GGD is absent with apologies
    expect(work.participants.find((x) => x.organisationName === 'IND')?.current?.onBehalf).toBe(true);
  });

  it('a stale write is refused with CONFLICT naming the newer version, and nothing is lost', async () => {
    await env.login('notulist');
    const ind = env.org('IND');
    await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 0,
      ...position(),
    });
    await env.login('ind');
    const err = await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 0,
      ...position({ direction: 'terugkeer' }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).error).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'stale_position', version: 1, recordedBy: 'Niels Notulist' },
    });
    const history = await env.api['positions.history']({ dossierId: env.dossier(0), organisationId: ind });
    expect(history).toHaveLength(1);
  });

  it('shows last meeting’s position next to this one, with the changed fields', async () => {
    const dossierId = env.dossier(0);
    const last = env.meeting({
      date: '2026-03-03',
      state: 'afgerond',
      attendance: fullTable,
      dossiers: [dossierId],
    });
    const ind = env.org('IND');
    // Last week's position, recorded while that meeting ran.
    env.db().prepare("UPDATE meetings SET state = 'bezig' WHERE id = ?").run(last.meetingId);
    await env.login('ind');
    await env.api['positions.record']({
      itemId: last.itemIds[0]!,
      organisationId: ind,
      expectedVersion: 0,
      ...position(),
    });
    env.db().prepare("UPDATE meetings SET state = 'afgerond' WHERE id = ?").run(last.meetingId);

    let work = await env.api['items.work']({ meetingId, itemId: item });
    let row = work.participants.find((p) => p.organisationId === ind)!;
    expect(row.current).toBeNull();
    expect(row.previous?.direction).toBe('legalisatie');
    expect(row.latestVersion).toBe(1);

    await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 1,
      ...position({ direction: 'terugkeer', conditions: 'Na medisch advies' }),
    });
    work = await env.api['items.work']({ meetingId, itemId: item });
    row = work.participants.find((p) => p.organisationId === ind)!;
    expect(row.current?.version).toBe(2);
    expect(row.previous?.version).toBe(1);
    expect(row.changed).toEqual(['direction', 'conditions']);
  });

  it('only participants give positions, and a closed meeting takes no new ones', async () => {
    await env.login('ggd'); // absent with apologies
    expect(
      await code(
        env.api['positions.record']({
          itemId: item,
          organisationId: env.org('GGD'),
          expectedVersion: 0,
          ...position(),
        }),
      ),
    ).toBe('BAD_INPUT');
    env.db().prepare("UPDATE meetings SET state = 'afgerond' WHERE id = ?").run(meetingId);
    await env.login('ind');
    const err = await env.api['positions.record']({
      itemId: item,
      organisationId: env.org('IND'),
      expectedVersion: 0,
      ...position(),
    }).catch((e: unknown) => e as ApiError);
    expect((err as ApiError).error).toMatchObject({ code: 'CONFLICT', info: { reason: 'meeting_closed' } });
  });

  it('keeps a draft in the encrypted database until the position is recorded', async () => {
    await env.login('notulist');
    const ind = env.org('IND');
    const fields = {
      direction: 'terugkeer' as const,
      reasoning: 'Half getypt',
      information: '',
      conditions: '',
      withheld: false,
      withheldReason: '',
    };
    await env.api['positions.saveDraft']({ itemId: item, organisationId: ind, baseVersion: 0, fields });
    // A crash: the backend goes away and comes back on the same folder.
    env.backend.close();
    await env.login('notulist');
    let work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.participants.find((p) => p.organisationId === ind)?.draft?.fields.reasoning).toBe(
      'Half getypt',
    );
    // Drafts are personal: another user does not see it.
    await env.login('ind');
    work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.participants.find((p) => p.organisationId === ind)?.draft).toBeNull();
    await env.login('notulist');
    await env.api['positions.record']({
      itemId: item,
      organisationId: ind,
      expectedVersion: 0,
      ...position(),
    });
    work = await env.api['items.work']({ meetingId, itemId: item });
    expect(work.participants.find((p) => p.organisationId === ind)?.draft).toBeNull();
  });

  it('every recorded position has its audit record, with ids only', async () => {
    await env.login('ind');
    // The demo's own earlier positions are audited too: look only at what this call adds.
    const { last } = env.db().prepare('SELECT max(id) AS last FROM audit').get() as { last: number };
    const p = await env.api['positions.record']({
      itemId: item,
      organisationId: env.org('IND'),
      expectedVersion: 0,
      ...position(),
    });
    const a = env
      .db()
      .prepare("SELECT * FROM audit WHERE action = 'position.record' AND id > ?")
      .all(last) as {
      ids: string;
      entity: string;
    }[];
    expect(a).toEqual([expect.objectContaining({ entity: 'positions', ids: JSON.stringify([p.id]) })]);
    await env.login('beheerder');
    expect(await env.api['audit.verify']({})).toMatchObject({ valid: true });
  });
});

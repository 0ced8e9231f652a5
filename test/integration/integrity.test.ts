import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../support/backend';
import { fullTable, makeItemEnv, type ItemEnv } from '../support/items';
import { minutesFixture, type MinutesFixture } from './minutes-support';

/*
 * Issue 11, integrity at the edges: nothing is added to a closed meeting; only a finished meeting's
 * minutes are adopted, signed by its recorded chair and secretary; the DOCX is checked before adoption.
 */

describe('a closed meeting takes no more work', () => {
  let env: ItemEnv;
  afterEach(() => env.cleanup());

  it('refuses actions, drafts and attendance', async () => {
    env = await makeItemEnv();
    const { meetingId, itemId } = env.meeting({
      date: '2026-03-03',
      state: 'afgerond',
      attendance: fullTable,
      dossiers: [env.dossier(0)],
    });
    expect(
      await failure(
        env.api['actions.create']({
          itemId,
          what: 'Reisdocument aanvragen',
          organisationId: env.org('DT&V'),
          dueDate: '2026-03-24',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'meeting_closed' } });
    await env.login('ind');
    expect(
      await failure(
        env.api['positions.saveDraft']({
          itemId,
          organisationId: env.org('IND'),
          baseVersion: 0,
          fields: {
            direction: null,
            reasoning: 'Later toegevoegd',
            information: '',
            conditions: '',
            withheld: false,
            withheldReason: '',
          },
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'meeting_closed' } });
    await env.login('voorzitter');
    const { version } = await env.api['meetings.get']({ meetingId });
    expect(
      await failure(
        env.api['meetings.setAttendance']({
          meetingId,
          version,
          organisationId: env.org('GGD'),
          presence: 'aanwezig',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('adoption and signing', () => {
  let f: MinutesFixture;
  afterEach(() => f.env.cleanup());
  /** Correction round (if it may start), then adoption: the secretary's two steps. */
  const adopt = async () => {
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId }).catch(() => null);
    return f.env.api['minutes.adopt']({ meetingId: f.meetingId });
  };

  it('refuses to adopt the minutes of a meeting that has not finished', async () => {
    f = await minutesFixture();
    f.db().prepare("UPDATE meetings SET state = 'gepland', ended_at = NULL WHERE id = ?").run(f.meetingId);
    await f.login('niels');
    expect(await failure(adopt())).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'meeting_not_finished' },
    });
  });

  it('refuses adoption without a recorded chair and secretary', async () => {
    f = await minutesFixture();
    f.db().prepare('UPDATE meetings SET chair_user_id = NULL WHERE id = ?').run(f.meetingId);
    await f.login('niels');
    expect(await failure(adopt())).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'signers_not_recorded' },
    });
  });

  it('checks the DOCX before adoption: text XML cannot carry (from before the boundary check) is refused', async () => {
    f = await minutesFixture();
    // As a row written by an older version could hold it: the API refuses such text now.
    f.db()
      .prepare('UPDATE positions SET reasoning = ? WHERE agenda_item_id IS NOT NULL')
      .run('Zie rapport\uFFFE');
    await f.login('niels');
    expect(await failure(adopt())).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'docx_invalid' },
    });
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, tempDir } from '../support/backend';
import { minutesFixture, PASSWORD, type MinutesFixture } from './minutes-support';

/**
 * Who may do what, as the review found it broken: the beheerder manages accounts and settings but reads
 * no dossier data; the roles that speak for the table stay with the gemeente unless the beheerder says
 * otherwise; a participant sees the same actions at an item as in their own action list.
 */

const root = path.resolve(import.meta.dirname, '../..');
let f: MinutesFixture;
const api = () => f.env.api;
const out = tempDir('lvv-permissions-');

function cli(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dossierItem(): number {
  return (
    f
      .db()
      .prepare(
        "SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'dossier' ORDER BY position LIMIT 1",
      )
      .get(f.meetingId) as { id: number }
  ).id;
}

beforeAll(async () => {
  f = await minutesFixture();
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('the beheerder reads no dossier data', () => {
  it('gets no dossier brief of an agenda item', async () => {
    await f.login('anna');
    expect(
      await failure(api()['meetings.itemDetail']({ meetingId: f.meetingId, itemId: dossierItem() })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('exports neither the full minutes nor an extract, even of their own organisation with full names on', async () => {
    await f.login('anna');
    await api()['minutes.settings.update']({ fullNames: true });
    expect(await failure(api()['minutes.exportFull']({ meetingId: f.meetingId }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await failure(
        api()['minutes.exportExtract']({
          meetingId: f.meetingId,
          scope: { kind: 'organisation', organisationId: f.org.gemeente },
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await api()['minutes.settings.update']({ fullNames: false });
  });

  it('cannot export the full minutes through the command line either', () => {
    const pw = path.join(out, 'anna.txt');
    fs.writeFileSync(pw, 'correct horse battery\n');
    const dir = path.join(out, 'anna');
    const r = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      String(f.meetingId),
      '--out',
      dir,
      '--user',
      'anna',
      '--password-file',
      pw,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/chair|secretary/);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });

  it('while the chair and the secretary still do', async () => {
    await f.login('niels');
    const full = await api()['minutes.exportFull']({ meetingId: f.meetingId });
    expect(full.files.length).toBeGreaterThan(0);
    const pw = path.join(out, 'niels.txt');
    fs.writeFileSync(pw, `${PASSWORD}\n`);
    const r = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      String(f.meetingId),
      '--out',
      path.join(out, 'niels'),
      '--user',
      'niels',
      '--password-file',
      pw,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('roles that speak for the table belong to the gemeente', () => {
  it('refuses a voorzitter, notulist or casemanager outside the gemeente, at the roles field', async () => {
    await f.login('anna');
    for (const role of ['voorzitter', 'notulist', 'casemanager'] as const) {
      const refused = await failure(
        api()['users.create']({
          username: `ind-${role}`,
          displayName: `IND ${role}`,
          organisationId: f.org.ind,
          roles: [role],
          password: PASSWORD,
        }),
      );
      expect(refused).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'roles', code: 'host_role' }] });
    }
    expect((await api()['users.list']({})).some((u) => u.username.startsWith('ind-'))).toBe(false);
  });

  it('accepts one when the beheerder says so explicitly, and any role for the gemeente', async () => {
    await f.login('anna');
    const chairOutside = await api()['users.create']({
      username: 'ind-voorzitter',
      displayName: 'IND als voorzitter',
      organisationId: f.org.ind,
      roles: ['voorzitter'],
      password: PASSWORD,
      outsideHost: true,
    });
    expect(chairOutside.roles).toEqual(['voorzitter']);
    const casemanager = await api()['users.create']({
      username: 'gem-cm',
      displayName: 'Casemanager Gemeente',
      organisationId: f.org.gemeente,
      roles: ['casemanager'],
      password: PASSWORD,
    });
    expect(casemanager.roles).toEqual(['casemanager']);
    const participant = await api()['users.create']({
      username: 'ind-deelnemer',
      displayName: 'IND deelnemer',
      organisationId: f.org.ind,
      roles: ['deelnemer'],
      password: PASSWORD,
    });
    expect(participant.roles).toEqual(['deelnemer']);
  });
});

describe('items.work shows a participant the actions that actions.list shows', () => {
  it('a participant sees only their own organisation’s actions, the secretary all', async () => {
    const itemId = dossierItem();
    await f.login('rosa');
    const work = await api()['items.work']({ meetingId: f.meetingId, itemId });
    const own = await api()['actions.list']({ filter: 'all', dossierId: work.dossier!.id });
    expect(own.actions.map((a) => a.id)).toContain(f.actionIds.ros);
    expect(work.actions.map((a) => a.id)).toEqual(
      own.actions.filter((a) => work.actions.some((w) => w.id === a.id)).map((a) => a.id),
    );
    expect(work.actions.map((a) => a.id)).toContain(f.actionIds.ros);
    expect(work.actions.map((a) => a.id)).not.toContain(f.actionIds.ind);
    expect(work.actions.every((a) => a.organisationId === f.org.ros)).toBe(true);

    await f.login('niels');
    const all = await api()['items.work']({ meetingId: f.meetingId, itemId });
    expect(all.actions.map((a) => a.id)).toEqual(expect.arrayContaining([f.actionIds.ros, f.actionIds.ind]));
  });
});

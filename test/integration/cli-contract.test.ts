import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../electron/core/crypto/keywrap';
import { cityInput, errorCode, makeEnv, tempDir } from '../support/backend';
import { minutesFixture, PASSWORD, type MinutesFixture } from './minutes-support';

/**
 * The command line goes through the API as one caller, so it applies exactly the API's rules: the
 * beheerder exports no full minutes there either, and the recovery key gives a recovery session that
 * may check the environment and administer it, but reads no dossier data and exports no minutes.
 */

const root = path.resolve(import.meta.dirname, '../..');
let f: MinutesFixture;
let recoveryKey: string;
const out = tempDir('lvv-cli-contract-');

function cli(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: out } },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function secretFile(name: string, secret: string): string {
  const file = path.join(out, name);
  fs.writeFileSync(file, `${secret}\n`);
  return file;
}

/** How often an action was audited, and by whom (user 0: the recovery key). */
function audited(action: string): { user_id: number | null }[] {
  return f.db().prepare('SELECT user_id FROM audit WHERE action = ? ORDER BY id').all(action) as {
    user_id: number | null;
  }[];
}

beforeAll(async () => {
  f = await minutesFixture();
  // The recovery key is the database key itself (as shown once at set-up).
  recoveryKey = formatRecoveryKey(f.env.backend.vault.databaseKey());
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('a beheerder’s full-minutes export', () => {
  it('is refused through the command line as through the API, and nothing is written or audited', async () => {
    await f.login('anna');
    expect(await errorCode(f.env.api['minutes.exportFull']({ meetingId: f.meetingId }))).toBe('FORBIDDEN');
    const before = audited('minutes.export.full').length;
    const dir = path.join(out, 'anna');
    const r = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      'latest',
      '--out',
      dir,
      '--user',
      'anna',
      '--password-file',
      secretFile('anna.txt', cityInput.admin.password),
    ]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('lvv-overleg: only the chair or the secretary may export full minutes');
    expect(fs.existsSync(dir)).toBe(false);
    expect(audited('minutes.export.full')).toHaveLength(before);
  });

  it('while the secretary’s export through the command line is audited under their name, once', () => {
    const before = audited('minutes.export.full').length;
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
      secretFile('niels.txt', PASSWORD),
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(audited('minutes.export.full').slice(before)).toEqual([{ user_id: f.user.niels }]);
  });
});

describe('the recovery key on the command line', () => {
  // check is read-only (issue 10): no session is opened, so nothing is audited and no byte changes.
  it('checks the environment without writing anything, not even an audit record', () => {
    const before = audited('session.recovery').length;
    const r = cli(['check', '--db', f.env.dir, '--recovery-key-file', secretFile('key.txt', recoveryKey)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: integriteit in orde, versleuteld, auditketen geldig/);
    expect(audited('session.recovery').slice(before)).toEqual([]);
  });

  it('exports no minutes and no agenda: it is for recovery, not for the meeting', () => {
    const key = secretFile('key.txt', recoveryKey);
    const dir = path.join(out, 'recovery');
    const minutes = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      String(f.meetingId),
      '--out',
      dir,
      '--recovery-key-file',
      key,
    ]);
    expect(minutes.code).toBe(1);
    expect(minutes.err.trim().split('\n')).toHaveLength(1);
    expect(minutes.err).toMatch(/recovery tasks only/);
    expect(fs.existsSync(dir)).toBe(false);

    const agenda = cli([
      'agenda',
      '--db',
      f.env.dir,
      '--meeting',
      String(f.meetingId),
      '--recovery-key-file',
      key,
    ]);
    expect(agenda.code).toBe(1);
    expect(agenda.err).toMatch(/recovery tasks only/);
    expect(agenda.out).toBe('');
  });

  it('says in one line when the key is malformed or wrong', () => {
    const malformed = cli(['check', '--db', f.env.dir, '--recovery-key-file', secretFile('bad.txt', 'ABCD')]);
    expect(malformed.code).toBe(1);
    expect(malformed.err.trim()).toBe('lvv-overleg: the recovery key must be 64 hexadecimal digits');
    const wrong = cli([
      'check',
      '--db',
      f.env.dir,
      '--recovery-key-file',
      secretFile('wrong.txt', recoveryKey.replace(/^.{4}/, recoveryKey.startsWith('0000') ? '1111' : '0000')),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('a recovery session through the API', () => {
  it('may check and administer, but reads no dossier data and exports no minutes', async () => {
    await f.login('vera');
    const recovery = f.env.as('test:recovery', 'test-recovery');
    const session = await recovery['auth.openWithRecoveryKey']({ recoveryKey });
    expect(session).toMatchObject({ recovery: true, roles: [], userId: 0 });
    // Proving the key on an open environment closes it for no one.
    expect(await errorCode(f.env.api['minutes.get']({ meetingId: f.meetingId }))).toBe('OK');

    expect((await recovery['environment.check']({})).ok).toBe(true);
    expect(await errorCode(recovery['users.list']({}))).toBe('OK');
    expect(await errorCode(recovery['keys.status']({}))).toBe('OK');
    const item = f
      .db()
      .prepare("SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'dossier' LIMIT 1")
      .pluck()
      .get(f.meetingId) as number;
    const dossierId = f.db().prepare('SELECT id FROM dossiers LIMIT 1').pluck().get() as number;
    const refused = {
      'dossiers.list': recovery['dossiers.list']({}),
      'dossiers.get': recovery['dossiers.get']({ id: dossierId }),
      'meetings.list': recovery['meetings.list']({}),
      'meetings.itemDetail': recovery['meetings.itemDetail']({ meetingId: f.meetingId, itemId: item }),
      'meetings.agenda.export': recovery['meetings.agenda.export']({ meetingId: f.meetingId }),
      'items.work': recovery['items.work']({ meetingId: f.meetingId, itemId: item }),
      'minutes.list': recovery['minutes.list']({}),
      'minutes.get': recovery['minutes.get']({ meetingId: f.meetingId }),
      'minutes.exportFull': recovery['minutes.exportFull']({ meetingId: f.meetingId }),
      'minutes.exportExtract': recovery['minutes.exportExtract']({
        meetingId: f.meetingId,
        scope: { kind: 'organisation', organisationId: f.org.gemeente },
      }),
      'auth.changePassword': recovery['auth.changePassword']({ current: 'x', next: 'een nieuw wachtwoord' }),
    };
    for (const [method, call] of Object.entries(refused))
      expect(await errorCode(call), method).toBe('FORBIDDEN');
    await recovery['auth.logout']({});
  });

  it('refuses a wrong key on an open environment without closing it', async () => {
    await f.login('vera');
    const other = f.env.as('test:wrong-key', 'test-wrong-key');
    const wrong = recoveryKey.replace(/^.{4}/, recoveryKey.startsWith('0000') ? '1111' : '0000');
    expect(await errorCode(other['auth.openWithRecoveryKey']({ recoveryKey: wrong }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(await errorCode(f.env.api['minutes.get']({ meetingId: f.meetingId }))).toBe('OK');
  });

  it('leaves the check to the beheerder and key holders: a participant is refused', async () => {
    await f.login('vera'); // the chair of the gemeente holds the key by default
    expect((await f.env.api['environment.check']({})).ok).toBe(true);
    await f.login('ilse');
    expect(await errorCode(f.env.api['environment.check']({}))).toBe('FORBIDDEN');
  });
});

describe('attempts with the recovery key', () => {
  it('are throttled per source like logins, and a damaged-looking key opens nothing', async () => {
    const waits: number[] = [];
    const env = makeEnv({
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    try {
      const { recoveryKey: key } = await env.api['setup.create'](cityInput);
      const wrong = key.replace(/^.{4}/, key.startsWith('0000') ? '1111' : '0000');
      const attacker = env.as('attacker', '10.0.0.9');
      for (let i = 0; i < 4; i++)
        expect(await errorCode(attacker['auth.openWithRecoveryKey']({ recoveryKey: wrong }))).toBe(
          'DATABASE_UNREADABLE',
        );
      // The test clock stands still, so each attempt also queues behind the previous one's turn.
      expect(waits).toEqual([1000, 3000]);
      expect(env.backend.vault.state()).toBe('vergrendeld');
      // The right key still opens it after the wait, from the same source.
      const session = await attacker['auth.openWithRecoveryKey']({ recoveryKey: key });
      expect(session.recovery).toBe(true);
      expect(waits.at(-1)).toBe(7000);
      expect(env.backend.vault.state()).toBe('open');
    } finally {
      env.cleanup();
    }
  });
});

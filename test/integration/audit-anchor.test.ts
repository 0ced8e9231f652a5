import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainHash, GENESIS_HASH, verifyAudit } from '../../electron/core/audit/audit';
import type { Db } from '../../electron/core/db/open';
import { checkEnvironment } from '../../electron/core/environment/check';
import { Vault } from '../../electron/core/environment/vault';
import { Keyring } from '../../electron/core/environment/keyring';
import { cityInput, makeEnv, tempDir, testKdf, type TestEnv } from '../support/backend';
import { minutesFixture, type MinutesFixture } from './minutes-support';

/**
 * Issue 8, item 5: an audit chain anchored outside the database. Someone holding the key can drop the
 * triggers and recompute every hash, so the chain alone proves nothing; what anchors it is (a) the
 * head frozen in each adopted version of the minutes (printed in the signed DOCX), and (b) a copy of
 * the latest head beside the key file, which also shows a database that is *behind* what was
 * acknowledged (its WAL lost, an older copy put back).
 */

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

type Row = {
  id: number;
  at: string;
  user_id: number | null;
  organisation_id: number | null;
  action: string;
  entity: string;
  ids: string;
};

/** The attack: drop the triggers, change one record, recompute every hash after it. */
function rewriteChain(db: Db, targetId: number, change: (r: Row) => Row): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  const rows = db
    .prepare('SELECT id, at, user_id, organisation_id, action, entity, ids FROM audit ORDER BY id')
    .all() as Row[];
  const update = db.prepare('UPDATE audit SET action = ?, ids = ?, prev_hash = ?, hash = ? WHERE id = ?');
  let prev = GENESIS_HASH;
  db.transaction(() => {
    for (const original of rows) {
      const r = original.id === targetId ? change(original) : original;
      const hash = chainHash(prev, {
        at: r.at,
        userId: r.user_id,
        organisationId: r.organisation_id,
        action: r.action,
        entity: r.entity,
        ids: JSON.parse(r.ids) as number[],
      });
      update.run(r.action, r.ids, prev, hash, r.id);
      prev = hash;
    }
  })();
}

async function adoptedMinutes(): Promise<MinutesFixture> {
  const f = await minutesFixture();
  cleanups.push(() => f.env.cleanup());
  await f.login('niels');
  await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
  await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
  // Later work, so the rewritten record lies before the frozen head and the head is not the last.
  await f.login('anna');
  await f.env.api['organisations.add']({ name: 'GGD', kind: 'ggd' });
  return f;
}

describe('a chain rewritten by someone holding the key', () => {
  it('passes the chain check by itself, but check finds the head frozen in the minutes gone', async () => {
    const f = await adoptedMinutes();
    const db = f.db();
    const vault = f.env.backend.vault;
    expect(checkEnvironment(db, vault.dbFile)).toMatchObject({ ok: true, reason: null });
    // Erase that user 2 was ever created (the record before the adoption).
    const target = (
      db.prepare("SELECT id FROM audit WHERE action = 'user.create' ORDER BY id LIMIT 1").get() as {
        id: number;
      }
    ).id;
    rewriteChain(db, target, (r) => ({ ...r, action: 'settings.update', ids: '[]' }));
    expect(verifyAudit(db).valid).toBe(true);
    const report = checkEnvironment(db, vault.dbFile);
    expect(report.ok).toBe(false);
    expect(report.reason).toMatch(
      /frozen in the adopted minutes of meeting \d+ \(version 1\) is no longer in the audit chain/,
    );
  });

  it('also when the rewriter puts the new head into the minutes row: the signed DOCX still holds the old one', async () => {
    const f = await adoptedMinutes();
    const db = f.db();
    const target = (
      db.prepare("SELECT id FROM audit WHERE action = 'user.create' ORDER BY id LIMIT 1").get() as {
        id: number;
      }
    ).id;
    const frozenId = (
      db.prepare('SELECT a.id FROM minutes_versions v JOIN audit a ON a.hash = v.audit_head').get() as {
        id: number;
      }
    ).id;
    rewriteChain(db, target, (r) => ({ ...r, action: 'settings.update', ids: '[]' }));
    const newHead = (db.prepare('SELECT hash FROM audit WHERE id = ?').get(frozenId) as { hash: string })
      .hash;
    db.prepare('UPDATE minutes_versions SET audit_head = ?').run(newHead);
    const report = checkEnvironment(db, f.env.backend.vault.dbFile);
    expect(report.ok).toBe(false);
    expect(report.reason).toMatch(/does not match the head printed in its adopted document/);
  });
});

describe('a copy of the latest head beside the key file', () => {
  async function environment(): Promise<TestEnv> {
    const env = makeEnv();
    cleanups.push(() => env.cleanup());
    await env.api['setup.create'](cityInput);
    await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
    return env;
  }
  const headFile = (dir: string) => path.join(dir, 'lvv-overleg.head.json');

  const readHead = (dir: string) =>
    JSON.parse(fs.readFileSync(headFile(dir), 'utf8')) as { id: number; hash: string };
  const lastRecord = (env: TestEnv) =>
    env.backend.vault.database().prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
  /** The file is written shortly after a write (coalesced); wait for it as a hard stop might. */
  async function anchored(env: TestEnv): Promise<void> {
    const want = lastRecord(env);
    await vi.waitFor(() => expect(readHead(env.dir)).toMatchObject(want), { timeout: 3000, interval: 20 });
  }

  it('is written shortly after audited writes, at once on lock, owner-only, and matches the chain', async () => {
    const env = await environment();
    await env.api['organisations.add']({ name: 'GGD', kind: 'ggd' });
    await anchored(env);
    expect(fs.statSync(headFile(env.dir)).mode & 0o777).toBe(0o600);
    expect(checkEnvironment(env.backend.vault.database(), env.backend.vault.dbFile)).toMatchObject({
      ok: true,
    });

    // Locking right after a write still leaves that write's head (and the lock's own record) on disk.
    await env.api['organisations.add']({ name: 'COA', kind: 'overig' });
    await env.api['auth.lock']({});
    const vault = new Vault(env.dir, testKdf);
    await new Keyring(vault, testKdf).open('anna', cityInput.admin.password);
    const last = vault
      .database()
      .prepare('SELECT id, hash, action FROM audit ORDER BY id DESC LIMIT 1')
      .get();
    vault.lock();
    expect(last).toMatchObject({ action: 'session.lock' });
    expect(readHead(env.dir)).toMatchObject({
      id: (last as { id: number }).id,
      hash: (last as { hash: string }).hash,
    });
  });

  it('shows a database whose WAL was lost after a hard stop as behind, with a one-line reason', async () => {
    const env = await environment();
    const db = env.backend.vault.database();
    // Everything so far into the main file; what follows lives only in the WAL until a checkpoint.
    db.pragma('wal_checkpoint(TRUNCATE)');
    await env.api['organisations.add']({ name: 'GGD', kind: 'ggd' });
    await env.api['organisations.add']({ name: 'COA', kind: 'overig' });
    await anchored(env);
    // A hard stop: the files as they are on disk now, without the -wal file.
    const copy = tempDir('lvv-behind-');
    cleanups.push(() => fs.rmSync(copy, { recursive: true, force: true }));
    for (const name of ['lvv-overleg.db', 'lvv-overleg.keys.json', 'lvv-overleg.head.json'])
      fs.copyFileSync(path.join(env.dir, name), path.join(copy, name));
    expect(fs.existsSync(path.join(env.dir, 'lvv-overleg.db-wal'))).toBe(true);

    const vault = new Vault(copy, testKdf);
    expect(await new Keyring(vault, testKdf).open('anna', cityInput.admin.password)).not.toBeNull();
    try {
      const report = checkEnvironment(vault.database(), vault.dbFile);
      expect(report.ok).toBe(false);
      expect(report.reason).toMatch(
        /^the database is behind: the head file beside the key file records audit record \d+, the chain ends at \d+/,
      );
    } finally {
      vault.lock();
    }
    // The command line says the same in one line and exits 1.
    const pw = path.join(copy, 'pw.txt');
    fs.writeFileSync(pw, `${cityInput.admin.password}\n`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'electron/cli/main.ts'),
        'check',
        '--db',
        copy,
        '--user',
        'anna',
        '--password-file',
        pw,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/the database is behind/);

    // The original, closed normally and opened again, is in order.
    env.backend.close();
    const again = new Vault(env.dir, testKdf);
    await new Keyring(again, testKdf).open('anna', cityInput.admin.password);
    expect(checkEnvironment(again.database(), again.dbFile)).toMatchObject({ ok: true, reason: null });
    again.lock();
  });

  it('shows an older copy put back as behind, and a head file of another database as such', async () => {
    const env = await environment();
    env.backend.close();
    const older = tempDir('lvv-older-');
    cleanups.push(() => fs.rmSync(older, { recursive: true, force: true }));
    fs.copyFileSync(path.join(env.dir, 'lvv-overleg.db'), path.join(older, 'lvv-overleg.db'));
    await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
    await env.api['organisations.add']({ name: 'GGD', kind: 'ggd' });
    env.backend.close();
    fs.copyFileSync(path.join(older, 'lvv-overleg.db'), path.join(env.dir, 'lvv-overleg.db'));
    const vault = new Vault(env.dir, testKdf);
    await new Keyring(vault, testKdf).open('anna', cityInput.admin.password);
    try {
      expect(checkEnvironment(vault.database(), vault.dbFile).reason).toMatch(/the database is behind/);
      const head = JSON.parse(fs.readFileSync(headFile(env.dir), 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(
        headFile(env.dir),
        JSON.stringify({ ...head, databaseId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(checkEnvironment(vault.database(), vault.dbFile).reason).toMatch(
        /head file beside the key file belongs to another database/,
      );
    } finally {
      vault.lock();
    }
  });
});

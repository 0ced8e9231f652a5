import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/core/backup/bundle';
import { openForReading } from '../../electron/core/db/open';
import { verifyAudit } from '../../electron/core/audit/audit';
import { errorCode, failure, makeEnv, tempDir, type TestEnv } from '../support/backend';

let env: TestEnv;
let extra: string[] = [];
afterEach(() => {
  env?.cleanup();
  for (const d of extra) fs.rmSync(d, { recursive: true, force: true });
  extra = [];
});

async function demoAsBeheerder() {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
  const folder = tempDir('lvv-backups-');
  extra.push(folder);
  await env.api['backups.configure']({ folder, keep: 3 });
  return folder;
}

/**
 * A second connection that writes 1,000 small transactions while the backups are made: each inserts
 * a row and sets a counter in one transaction, so a consistent copy has exactly `counter` rows.
 */
function writer(dbFile: string, keyHex: string, n: number): Worker {
  return new Worker(
    `
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(workerData.file, { timeout: 10000 });
    db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key=\\"x'" + workerData.key + "'\\"");
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS bench_rows (i INTEGER PRIMARY KEY)');
    const ins = db.prepare('INSERT INTO bench_rows (i) VALUES (?)');
    const count = db.prepare("INSERT INTO meta (key, value) VALUES ('bench_count', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    const step = db.transaction((i) => { ins.run(i); count.run(String(i)); });
    for (let i = 1; i <= workerData.n; i++) step(i);
    db.close();
    parentPort.postMessage('done');
    `,
    { eval: true, workerData: { file: dbFile, key: keyHex, n } },
  );
}

describe('backups', () => {
  it('a backup made while 1,000 writes run (another connection, and audited calls) is complete and verifies', async () => {
    const folder = await demoAsBeheerder();
    await env.api['backups.configure']({ folder, keep: 50 });
    const key = env.backend.vault.databaseKey().toString('hex');
    const w = writer(env.backend.vault.dbFile, key, 1000);
    const done = new Promise<void>((resolve, reject) => {
      w.on('message', () => resolve());
      w.on('error', reject);
    });
    let finished = false;
    void done.then(() => (finished = true));
    const made: string[] = [];
    let i = 0;
    // Audited writes of the app itself interleave with the backups too.
    while (!finished || made.length < 3) {
      await env.api['settings.update']({ idleLockMinutes: 5 + (i++ % 50) });
      made.push((await env.api['backups.make']({})).name);
      await new Promise((r) => setTimeout(r, 5));
    }
    await done;
    // One more once the writer is done: it must hold all 1,000 rows.
    made.push((await env.api['backups.make']({})).name);
    expect(made.length).toBeGreaterThanOrEqual(4);

    for (const name of made) {
      const { parts, manifest } = readBundle(path.join(folder, name));
      const copy = path.join(folder, `${name}.check.db`);
      fs.writeFileSync(copy, parts.database);
      const db = openForReading(copy, Buffer.from(key, 'hex'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const audit = verifyAudit(db);
        expect(audit.valid).toBe(true);
        expect(audit.records).toBe(manifest.summary.auditRecords);
        // Consistent: every row the counter says was committed is there, and no more.
        const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'bench_rows'`).get();
        const rows = hasTable
          ? (db.prepare('SELECT count(*) AS n FROM bench_rows').get() as { n: number }).n
          : 0;
        const counter = db.prepare(`SELECT value FROM meta WHERE key = 'bench_count'`).get() as
          { value: string } | undefined;
        expect(rows).toBe(Number(counter?.value ?? 0));
      } finally {
        db.close();
        for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
      }
      // The key file and a head of its own travel with it.
      expect(parts.keys.toString('utf8')).toContain('lvv-overleg-keys/2');
      expect(JSON.parse(parts.head.toString('utf8'))).toMatchObject({
        id: manifest.summary.auditHead.id,
        hash: manifest.summary.auditHead.hash,
      });
      expect(fs.statSync(path.join(folder, name)).mode & 0o777).toBe(0o600);
    }
    // The last one, made after the writer finished, holds every row.
    const last = readBundle(path.join(folder, made.at(-1)!));
    const copy = path.join(folder, 'last.check.db');
    fs.writeFileSync(copy, last.parts.database);
    const db = openForReading(copy, Buffer.from(key, 'hex'));
    expect((db.prepare('SELECT count(*) AS n FROM bench_rows').get() as { n: number }).n).toBe(1000);
    db.close();
  }, 120_000);

  it('keeps N backups, lists what each contains, and refuses without a folder', async () => {
    env = makeEnv();
    await env.api['setup.demo']({});
    await env.api['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
    expect(await failure(env.api['backups.make']({}))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'backup_folder_unset' },
    });
    const folder = tempDir('lvv-backups-');
    extra.push(folder);
    await env.api['backups.configure']({ folder, keep: 2 });
    for (let i = 0; i < 4; i++) {
      env.clock.now = new Date(env.clock.now.getTime() + 60_000);
      await env.api['backups.make']({});
    }
    const status = await env.api['backups.status']({});
    expect(status.backups).toHaveLength(2);
    const newest = status.backups[0]!;
    expect(newest.ours).toBe(true);
    expect(newest.contents).toMatchObject({ city: expect.any(String) as string, dossiers: 16 });
    expect(newest.contents!.lastMeeting).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(newest.contents!.auditRecords).toBeGreaterThan(0);
    // A participant may not; a key holder may make one.
    await env.login('voorzitter');
    expect(await errorCode(env.api['backups.make']({}))).toBe('OK');
    expect(await errorCode(env.api['backups.restore']({ name: newest.name }))).toBe('FORBIDDEN');
  }, 60_000);

  it('restore round-trips: shows what the backup holds, keeps the current files aside, and the old state comes back', async () => {
    const folder = await demoAsBeheerder();
    await env.api['settings.update']({ idleLockMinutes: 17 });
    const made = await env.api['backups.make']({});
    await env.api['settings.update']({ idleLockMinutes: 42 });
    const shown = await env.api['backups.inspect']({ name: made.name });
    expect(shown).toEqual(made.contents);

    const restored = await env.api['backups.restore']({ name: made.name });
    expect(restored.contents.dossiers).toBe(16);
    expect(restored.aside.length).toBeGreaterThanOrEqual(2);
    for (const a of restored.aside) expect(fs.existsSync(path.join(env.dir, a))).toBe(true);
    expect(restored.aside.some((a) => /^lvv-overleg\.db\.voor-herstel-/.test(a))).toBe(true);
    expect(restored.aside.some((a) => /^lvv-overleg\.keys\.json\.voor-herstel-/.test(a))).toBe(true);
    // Closed for everyone; the next login opens the restored database.
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
    await env.api['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
    expect((await env.api['settings.get']({})).idleLockMinutes).toBe(17);
    const check = await env.api['environment.check']({});
    expect(check.reason).toBeNull();
    expect(check.ok).toBe(true);
    void folder;
  }, 60_000);

  it('a damaged or foreign backup file is refused and nothing changes', async () => {
    const folder = await demoAsBeheerder();
    const made = await env.api['backups.make']({});
    const file = path.join(folder, made.name);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const dbBefore = fs.readFileSync(env.backend.vault.dbFile);
    expect(await failure(env.api['backups.restore']({ name: made.name }))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'backup_invalid' },
    });
    expect((await env.api['app.status']({})).state).toBe('open');
    expect(fs.readFileSync(env.backend.vault.dbFile).equals(dbBefore)).toBe(true);
    fs.writeFileSync(path.join(folder, 'other.lvvbackup'), 'not a backup');
    expect(
      (await env.api['backups.status']({})).backups.find((b) => b.name === 'other.lvvbackup'),
    ).toMatchObject({
      contents: null,
      ours: false,
    });
  }, 60_000);

  it('a backup is made by itself when the chair ends a meeting', async () => {
    const folder = await demoAsBeheerder();
    await env.login('voorzitter');
    const planned = (await env.api['meetings.list']({})).find((m) => m.state === 'gepland')!;
    let m = await env.api['meetings.get']({ meetingId: planned.id });
    m = await env.api['meetings.agenda.add']({
      meetingId: m.id,
      version: m.version,
      kind: 'onderwerp',
      title: 'Rondvraag',
    });
    m = await env.api['meetings.start']({ meetingId: m.id, version: m.version });
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.lvvbackup'))).toEqual([]);
    m = await env.api['meetings.end']({ meetingId: m.id, version: m.version });
    const made = fs.readdirSync(folder).filter((f) => f.endsWith('.lvvbackup'));
    expect(made).toHaveLength(1);
    const { manifest } = readBundle(path.join(folder, made[0]!));
    expect(manifest.summary.lastMeeting).toBe(m.date);
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headFileFor } from '../../electron/core/audit/head-file';
import { formatRecoveryKey } from '../../electron/core/crypto/keywrap';
import { makeEnv, tempDir, type TestEnv } from '../support/backend';

const root = path.resolve(import.meta.dirname, '../..');

function cli(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    {
      cwd: root,
      input: input ?? '',
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every file in the folder with its SHA-256: what "changes no byte of any file" is measured by. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort())
    out[f] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, f)))
      .digest('hex');
  return out;
}

let env: TestEnv;
const dirs: string[] = [];
afterEach(() => {
  env?.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * An environment with 60 acknowledged writes still in its WAL, copied (database, -wal, key file,
 * head file) while the app had it open: what a hard stop leaves behind.
 */
async function stoppedHard(withWal: boolean) {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
  env.backend.vault.database().pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < 60; i++) await env.api['settings.update']({ idleLockMinutes: 5 + (i % 30) });
  await new Promise((r) => setTimeout(r, 400)); // the head file's coalesced write
  const { dbFile, keyFile } = env.backend.vault;
  const dir = tempDir('lvv-stopped-');
  dirs.push(dir);
  fs.copyFileSync(dbFile, path.join(dir, 'lvv-overleg.db'));
  if (withWal) fs.copyFileSync(`${dbFile}-wal`, path.join(dir, 'lvv-overleg.db-wal'));
  fs.copyFileSync(keyFile, path.join(dir, 'lvv-overleg.keys.json'));
  fs.copyFileSync(headFileFor(keyFile), path.join(dir, 'lvv-overleg.head.json'));
  const rk = path.join(tempDir('lvv-rk-'), 'rk.txt');
  dirs.push(path.dirname(rk));
  fs.writeFileSync(rk, `${formatRecoveryKey(env.backend.vault.databaseKey())}\n`);
  return { dir, rk };
}

describe('check reads and changes nothing', () => {
  it('with a stale WAL: passes, and no byte of any file changes (SHA-256 before and after), the WAL not applied', async () => {
    const { dir, rk } = await stoppedHard(true);
    expect(fs.statSync(path.join(dir, 'lvv-overleg.db-wal')).size).toBeGreaterThan(0);
    const pw = path.join(path.dirname(rk), 'pw.txt');
    fs.writeFileSync(pw, 'demo-beheerder-2026\n');
    const before = snapshot(dir);
    const r = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const withPassword = cli(['check', '--db', dir, '--user', 'beheerder', '--password-file', pw]);
    expect(withPassword.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('reports a database behind the last acknowledged state (its WAL lost), in Dutch, changing nothing', async () => {
    const { dir, rk } = await stoppedHard(false);
    const before = snapshot(dir);
    const r = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^lvv-overleg: De database loopt achter: het kopbestand naast het sleutelbestand/);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('refuses a 0-byte database and a file that is not a database, in Dutch, creating nothing', async () => {
    const { dir, rk } = await stoppedHard(false);
    const db = path.join(dir, 'lvv-overleg.db');
    fs.writeFileSync(db, '');
    let before = snapshot(dir);
    const empty = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(empty.code).toBe(1);
    expect(empty.err.trim()).toBe(
      'lvv-overleg: Het databasebestand is leeg (0 bytes). Er is niets gewijzigd; zet de laatste reservekopie terug. (the database file is empty)',
    );
    expect(snapshot(dir)).toEqual(before);

    fs.writeFileSync(db, crypto.randomBytes(16_384));
    before = snapshot(dir);
    const junk = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/^lvv-overleg: Dit bestand is geen database van deze omgeving/);
    expect(snapshot(dir)).toEqual(before);

    fs.rmSync(db);
    before = snapshot(dir);
    const missing = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(
      /^lvv-overleg: Het databasebestand ontbreekt, terwijl het sleutelbestand er is/,
    );
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);

  it('reports damaged pages in Dutch, changing nothing', async () => {
    const { dir, rk } = await stoppedHard(false);
    // The lost WAL is not what this test is about: a head file that matches the main file.
    fs.rmSync(path.join(dir, 'lvv-overleg.head.json'));
    const db = path.join(dir, 'lvv-overleg.db');
    const bytes = fs.readFileSync(db);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(8);
    bytes.fill(0x5a, Math.floor(pages / 2) * 4096 + 100, Math.floor(pages / 2) * 4096 + 400);
    fs.writeFileSync(db, bytes);
    const before = snapshot(dir);
    const r = cli(['check', '--db', dir, '--recovery-key-file', rk]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /^lvv-overleg: De database is beschadigd: SQLite vond (fouten op pagina \d+|beschadigde pagina’s)/,
    );
    expect(r.err).not.toMatch(/SQLITE_CORRUPT/);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

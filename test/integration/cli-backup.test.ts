import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/backend';

const root = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('lvv-cli-backup-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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

describe('command line: backup and restore', () => {
  const db = path.join(dir, 'env', 'utrecht.db');
  const pw = path.join(dir, 'pw.txt');
  const rk = path.join(dir, 'rk.txt');
  const out = path.join(dir, 'kopie.lvvbackup');

  it('backup writes a verified backup file; restore puts it back over a damaged database, keeping the old one aside', () => {
    fs.writeFileSync(pw, 'paarse olifant danst\n');
    const init = cli([
      'init',
      '--db',
      db,
      '--city',
      'Utrecht',
      '--admin-user',
      'anna',
      '--password-file',
      pw,
    ]);
    expect(init.code).toBe(0);
    fs.writeFileSync(rk, `${/([0-9A-F]{4}-){15}[0-9A-F]{4}/.exec(init.out)![0]}\n`);

    const b = cli(['backup', '--db', db, '--out', out, '--user', 'anna', '--password-file', pw]);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/Reservekopie van Utrecht/);
    expect(b.out).toMatch(/0 dossiers, 0 overleggen, \d+ auditregels/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(cli(['backup', '--db', db, '--out', out, '--user', 'anna', '--password-file', pw]).code).toBe(1);

    // The database is damaged: a login fails, the restore (checked against the backup) does not.
    const bytes = fs.readFileSync(db);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(db, bytes);
    expect(cli(['check', '--db', db, '--user', 'anna', '--password-file', pw]).code).toBe(1);

    const r = cli(['restore', '--db', db, '--from', out, '--recovery-key-file', rk]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Reservekopie van Utrecht/);
    expect(r.out).toMatch(/voor-herstel-/);
    const aside = fs.readdirSync(path.dirname(db)).filter((f) => f.startsWith('utrecht.db.voor-herstel-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(db), aside[0]!)).equals(bytes)).toBe(true);
    // No scratch folder left behind.
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.startsWith('.lvv-'))).toEqual([]);

    const ok = cli(['check', '--db', db, '--user', 'anna', '--password-file', pw]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  }, 120_000);

  it('restore refuses a file that is not a backup, and a wrong password, changing nothing', () => {
    const junk = path.join(dir, 'junk.lvvbackup');
    fs.writeFileSync(junk, 'geen reservekopie');
    const before = fs.readFileSync(db);
    const r = cli(['restore', '--db', db, '--from', junk, '--recovery-key-file', rk]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const wrong = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrong, 'fout wachtwoord\n');
    expect(cli(['restore', '--db', db, '--from', out, '--user', 'anna', '--password-file', wrong]).code).toBe(
      1,
    );
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  }, 60_000);
});

describe('command line: recover', () => {
  it('after the key file is deleted, recover with the recovery key restores access', () => {
    const db = path.join(dir, 'rec', 'utrecht.db');
    const pw = path.join(dir, 'rec-pw.txt');
    const rk = path.join(dir, 'rec-rk.txt');
    const next = path.join(dir, 'rec-next.txt');
    fs.writeFileSync(pw, 'paarse olifant danst\n');
    fs.writeFileSync(next, 'groene giraffe zingt\n');
    const init = cli([
      'init',
      '--db',
      db,
      '--city',
      'Utrecht',
      '--admin-user',
      'anna',
      '--password-file',
      pw,
    ]);
    fs.writeFileSync(rk, `${/([0-9A-F]{4}-){15}[0-9A-F]{4}/.exec(init.out)![0]}\n`);
    fs.rmSync(path.join(path.dirname(db), 'utrecht.keys.json'));
    expect(cli(['check', '--db', db, '--user', 'anna', '--password-file', pw]).code).toBe(1);

    const r = cli([
      'recover',
      '--db',
      db,
      '--recovery-key-file',
      rk,
      '--user',
      'anna',
      '--password-file',
      next,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/anna heeft een nieuw wachtwoord; het sleutelbestand is opnieuw opgebouwd/);
    const ok = cli(['check', '--db', db, '--user', 'anna', '--password-file', next]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  }, 60_000);
});

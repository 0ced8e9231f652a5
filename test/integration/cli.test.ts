import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/backend';

const root = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('lvv-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real command line, as an administrator would: npm run cli -- … */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('command line', () => {
  const db = path.join(dir, 'utrecht.db');
  let recoveryKey = '';

  it('init creates an environment non-interactively and prints the recovery key', () => {
    const r = cli(['init', '--db', db, '--city', 'Utrecht', '--admin-user', 'anna', '--admin-name', 'Anna'], 'paarse olifant danst\n');
    expect(r.code).toBe(0);
    recoveryKey = /([0-9A-F]{4}-){15}[0-9A-F]{4}/.exec(r.out)?.[0] ?? '';
    expect(recoveryKey).not.toBe('');
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'utrecht.keys.json'))).toBe(true);
  });

  it('init refuses to overwrite, with a one-line reason', () => {
    const r = cli(['init', '--db', db, '--city', 'Utrecht', '--admin-user', 'anna'], 'nog een wachtwoord\n');
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('ALREADY_SET_UP');
  });

  it('check passes with the password or the recovery key, and fails with a one-line reason otherwise', () => {
    const pw = path.join(dir, 'pw.txt');
    fs.writeFileSync(pw, 'paarse olifant danst\n');
    expect(cli(['check', '--db', db, '--user', 'anna', '--password-file', pw])).toMatchObject({ code: 0 });
    const ok = cli(['check', '--db', db], `${recoveryKey}\n`);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/auditketen geldig/);

    const wrong = cli(['check', '--db', db, '--user', 'anna'], 'fout wachtwoord\n');
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe('lvv-overleg: wrong user name or password');
    const badKey = cli(['check', '--db', db], `${recoveryKey.replace(/^.{4}/, '0000')}\n`);
    expect(badKey.code).toBe(1);
    expect(badKey.err.trim().split('\n')).toHaveLength(1);
  });

  it('check reports a damaged database file and leaves it alone', () => {
    const copy = path.join(dir, 'damaged.db');
    fs.copyFileSync(db, copy);
    fs.copyFileSync(path.join(dir, 'utrecht.keys.json'), path.join(dir, 'damaged.keys.json'));
    const bytes = fs.readFileSync(copy);
    bytes.fill(0, 4096, 8192);
    fs.writeFileSync(copy, bytes);
    const r = cli(['check', '--db', copy], `${recoveryKey}\n`);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
  });

  it('demo creates a demo environment and lists its users', () => {
    const r = cli(['demo', '--db', path.join(dir, 'demo')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('demo-voorzitter-2026');
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLockHolder } from '../../electron/core/storage/folder-lock';
import { tempDir } from '../support/backend';

/**
 * Issue 8 item 8: only one program opens a data folder at a time. Real processes: a browser host
 * holds the folder; the command line is refused with a one-line reason naming it; once the host is
 * killed (its lock left behind, its pid gone) the command line takes the folder over.
 */

const root = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('lvv-lock-procs-');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], input = '') {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    {
      cwd: root,
      input,
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts a real browser host in its own process on `dataDir`; resolves once it serves. */
function startHostProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/support/hold-folder.ts'), dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready')) resolve(child);
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${err}`)));
  });
}

describe('one program per data folder, across processes', () => {
  const pw = path.join(dir, 'pw.txt');
  const db = path.join(dir, 'env');

  it('a CLI command is refused while a browser host holds the folder, naming it in one line', async () => {
    fs.writeFileSync(pw, 'paarse olifant danst\n');
    expect(
      cli(['init', '--db', db, '--city', 'Utrecht', '--admin-user', 'anna', '--password-file', pw]).code,
    ).toBe(0);
    const host = await startHostProcess(db);

    const refused = cli(['check', '--db', db, '--user', 'anna', '--password-file', pw]);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err.trim()).toMatch(
      new RegExp(
        `^lvv-overleg: FOLDER_IN_USE: The data folder is in use by browser host, pid ${host.pid} on .+, since \\d{4}-\\d\\d-\\d\\dT.+; close that program first$`,
      ),
    );

    // A second host process is refused too, and says so instead of serving a second backend.
    const second = await startHostProcess(db).then(
      () => 'started',
      (e: Error) => e.message,
    );
    expect(second).toMatch(/FOLDER_IN_USE/);

    // Killed without a chance to clean up: the lock stays behind, naming a pid that is gone.
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    expect(readLockHolder(path.join(db, 'lvv-overleg.lock'))).toMatchObject({
      pid: host.pid,
      kind: 'browser host',
    });

    const ok = cli(['check', '--db', db, '--user', 'anna', '--password-file', pw]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/auditketen geldig/);
    expect(fs.existsSync(path.join(db, 'lvv-overleg.lock'))).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaExport } from '../../shared/contract/meetings';
import { demoDossiers } from '../../electron/core/demo/demo-dossiers';
import { makeEnv, tempDir, type TestEnv } from '../support/backend';

/** The `agenda` command of the CLI, run as a real process on a demo environment. */

const root = path.resolve(import.meta.dirname, '../..');
let env: TestEnv;
let work: string;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: work },
  });
}

beforeAll(async () => {
  env = makeEnv({ now: new Date() });
  await env.api['setup.demo']({});
  env.backend.close();
  work = tempDir('lvv-agenda-cli-');
  fs.writeFileSync(path.join(work, 'pw.txt'), 'demo-voorzitter-2026\n');
  fs.writeFileSync(path.join(work, 'ngo.txt'), 'demo-ngo-2026\n');
});
afterAll(() => {
  env.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const secrets = demoDossiers.flatMap((d) => [
  d.vNumber,
  d.birthDate,
  d.name.split(' ')[0]!,
  d.special.healthDetail ?? d.vNumber,
]);

describe('npm run cli -- agenda', () => {
  it('prints the next meeting’s agenda as JSON, pseudonymised, for a key holder', () => {
    const r = cli(
      'agenda',
      '--db',
      env.dir,
      '--meeting',
      'next',
      '--format',
      'json',
      '--user',
      'voorzitter',
      '--password-file',
      path.join(work, 'pw.txt'),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const model = AgendaExport.parse(JSON.parse(r.stdout));
    expect(model.meeting.state).toBe('gepland');
    expect(model.proposed).toBe(true); // the demo's planned meeting has no agenda yet: its proposal
    expect(model.items.some((i) => i.reasons.some((x) => x.startsWith('doorgeschoven van')))).toBe(true);
    expect(
      model.items
        .filter((i) => i.kind === 'dossier')
        .every((i) => /^D-\d{4}-\d{4} \(([\p{L}]\.)+\)$/u.test(i.label)),
    ).toBe(true);
    for (const s of secrets) expect(r.stdout).not.toContain(s);
  });

  it('writes a DOCX atomically to the folder the command was given in, and refuses a wrong password', () => {
    const r = cli(
      'agenda',
      '--db',
      env.dir,
      '--format',
      'docx',
      '--out',
      'agenda.docx',
      '--user',
      'voorzitter',
      '--password-file',
      path.join(work, 'pw.txt'),
    );
    expect(r.status).toBe(0);
    const xml = strFromU8(unzipSync(fs.readFileSync(path.join(work, 'agenda.docx')))['word/document.xml']!);
    expect(xml).toMatch(/D-20\d\d-\d{4}/);
    for (const s of secrets) expect(xml).not.toContain(s);
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    fs.writeFileSync(path.join(work, 'wrong.txt'), 'niet het wachtwoord\n');
    const bad = cli(
      'agenda',
      '--db',
      env.dir,
      '--user',
      'voorzitter',
      '--password-file',
      path.join(work, 'wrong.txt'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('wrong user name or password');
    // A participant's own, correct password opens nothing: only key holders open the environment.
    const participant = cli(
      'agenda',
      '--db',
      env.dir,
      '--user',
      'ngo',
      '--password-file',
      path.join(work, 'ngo.txt'),
    );
    expect(participant.status).toBe(1);
    expect(participant.stderr.trim()).toBe(
      'lvv-overleg: wrong user name or password, or this account does not hold the key (only key holders can open the environment)',
    );
    const badMeeting = cli(
      'agenda',
      '--db',
      env.dir,
      '--meeting',
      'volgende',
      '--user',
      'voorzitter',
      '--password-file',
      path.join(work, 'pw.txt'),
    );
    expect(badMeeting.status).toBe(1);
  });
});

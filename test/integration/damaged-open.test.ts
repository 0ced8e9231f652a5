import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../electron/core/crypto/keywrap';
import { errorCode, failure, makeEnv, tempDir, type TestEnv } from '../support/backend';

let env: TestEnv;
const dirs: string[] = [];
afterEach(() => {
  env?.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const beheerder = { username: 'beheerder', password: 'demo-beheerder-2026' };

describe('a damaged database at open', () => {
  it('is said plainly at login, with the latest backup, and that backup is restored with the recovery key', async () => {
    env = makeEnv();
    await env.api['setup.demo']({});
    await env.api['auth.login'](beheerder);
    const folder = tempDir('lvv-backups-');
    dirs.push(folder);
    await env.api['backups.configure']({ folder, keep: 5 });
    const made = await env.api['backups.make']({});
    const recoveryKey = formatRecoveryKey(env.backend.vault.databaseKey());
    await env.api['auth.lock']({});

    // One page in the middle of the file is damaged.
    const db = env.backend.vault.dbFile;
    const bytes = fs.readFileSync(db);
    const middle = Math.floor(bytes.length / 4096 / 2) * 4096;
    bytes.fill(0x5a, middle + 100, middle + 400);
    fs.writeFileSync(db, bytes);
    const before = sha(db);
    const keysBefore = sha(env.backend.vault.keyFile);

    expect(await failure(env.api['auth.login'](beheerder))).toMatchObject({
      code: 'STORAGE_FAULT',
      info: { reason: 'database_damaged', backup: made.name, backupAt: made.contents!.createdAt },
    });
    expect(sha(db)).toBe(before);
    expect(sha(env.backend.vault.keyFile)).toBe(keysBefore);
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');

    // A wrong recovery key restores nothing.
    const wrong = recoveryKey.replace(/^.{4}/, recoveryKey.startsWith('0000') ? '1111' : '0000');
    expect(await errorCode(env.api['backups.restoreLatest']({ recoveryKey: wrong }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(sha(db)).toBe(before);

    const restored = await env.api['backups.restoreLatest']({ recoveryKey });
    expect(restored.contents.dossiers).toBe(16);
    expect(restored.aside.some((a) => a.startsWith('lvv-overleg.db.voor-herstel-'))).toBe(true);
    expect(
      sha(
        path.join(
          env.dir,
          restored.aside.find((a) => a.startsWith('lvv-overleg.db.voor'))!,
        ),
      ),
    ).toBe(before);
    await env.api['auth.login'](beheerder);
    expect((await env.api['environment.check']({})).ok).toBe(true);
  }, 60_000);
});

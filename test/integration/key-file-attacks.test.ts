import crypto from 'node:crypto';
import fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { chainHash, GENESIS_HASH } from '../../electron/core/audit/audit';
import { headFileFor, readHeadFile, writeHeadFile } from '../../electron/core/audit/head-file';
import { afterEach, describe, expect, it } from 'vitest';
import { newHolderKey } from '../../electron/core/crypto/holder-key';
import { openDatabase } from '../../electron/core/db/open';
import { checkEnvironment } from '../../electron/core/environment/check';
import { readKeyFile, writeKeyFile } from '../../electron/core/storage/keyfile';
import { errorCode, makeEnv, testKdf, type TestEnv } from '../support/backend';

/**
 * Attacks from an outside review of the key model (issue 8), each a regression test: the key file
 * beside the database can be edited by anyone with the folder, so nothing in it is trusted unless
 * the encrypted database vouches for it.
 */

let env: TestEnv;
afterEach(() => env?.cleanup());

async function demo() {
  env = makeEnv();
  await env.api['setup.demo']({});
  const beheerder = env.as('beheerder-desk');
  await beheerder['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
  return beheerder;
}

/** The attacker's side of crypto/holder-key.ts: opening a sealed key with their own private key. */
function unseal(
  sealed: { ephemeralPublicKey: string; iv: string; ciphertext: string; tag: string },
  privateKey: crypto.KeyObject,
  aad: string,
): Buffer {
  const eph = Buffer.from(sealed.ephemeralPublicKey, 'base64');
  const shared = crypto.diffieHellman({
    privateKey,
    publicKey: crypto.createPublicKey({ key: eph, format: 'der', type: 'spki' }),
  });
  const k = Buffer.from(crypto.hkdfSync('sha256', shared, eph, Buffer.from(aad), 32));
  const d = crypto.createDecipheriv('aes-256-gcm', k, Buffer.from(sealed.iv, 'base64'));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(sealed.ciphertext, 'base64')), d.final()]);
}

describe('the key file is not trusted by itself', () => {
  it('a public key planted under a holder’s id is not sealed to at the next re-key', async () => {
    const beheerder = await demo();
    const file = env.backend.vault.keyFile;
    const keys = readKeyFile(file);
    const mine = crypto.generateKeyPairSync('x25519');
    const victim = keys.entries.find((e) => e.username === 'voorzitter')!;
    const planted = {
      userId: victim.userId,
      username: 'voorzitter.',
      holder: {
        ...victim.holder!,
        publicKey: mine.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      },
    };
    fs.writeFileSync(file, JSON.stringify({ ...keys, entries: [...keys.entries, planted] }));
    await beheerder['keys.rekey']({});
    const after = readKeyFile(file);
    expect(after.entries.map((e) => e.username).sort()).toEqual(['beheerder', 'notulist', 'voorzitter']);
    for (const e of after.entries) {
      expect(() =>
        unseal(
          e.holder!.sealed,
          mine.privateKey,
          `lvv-overleg/sealed-db-key/v2|${after.databaseId}|${e.userId}`,
        ),
      ).toThrow();
    }
  });

  it('an entry planted under another holder’s id by a holder about to be removed opens nothing after the re-key', async () => {
    const beheerder = await demo();
    const file = env.backend.vault.keyFile;
    const keys = readKeyFile(file);
    const beheerderId = keys.entries.find((e) => e.username === 'beheerder')!.userId;
    // The notulist holds the key while still a holder, so can make such an entry.
    const dbKey = env.backend.vault.databaseKey();
    const planted = {
      userId: beheerderId,
      username: 'beheerder.backup',
      holder: await newHolderKey(dbKey, 'alleen van mij', keys.databaseId, beheerderId, testKdf),
    };
    writeKeyFile(file, { ...keys, entries: [...keys.entries, planted] });
    const notulist = (await beheerder['users.list']({})).find((u) => u.username === 'notulist')!;
    expect(
      (await beheerder['users.setDisabled']({ userId: notulist.id, disabled: true })).rekeyed,
    ).not.toBeNull();
    await beheerder['auth.lock']({});
    expect(
      await errorCode(
        env.as('table')['auth.login']({ username: 'beheerder.backup', password: 'alleen van mij' }),
      ),
    ).toBe('WRONG_CREDENTIALS');
    expect(env.backend.vault.state()).toBe('vergrendeld');
  });

  it('a planted entry does not open a locked environment under another account even before any re-key', async () => {
    await demo();
    const file = env.backend.vault.keyFile;
    const keys = readKeyFile(file);
    const dbKey = Buffer.from(env.backend.vault.databaseKey());
    const beheerderId = keys.entries.find((e) => e.username === 'beheerder')!.userId;
    const holder = await newHolderKey(dbKey, 'alleen van mij', keys.databaseId, beheerderId, testKdf);
    writeKeyFile(file, {
      ...keys,
      entries: [...keys.entries, { userId: beheerderId, username: 'x', holder }],
    });
    env.backend.close();
    expect(await errorCode(env.as('t')['auth.login']({ username: 'x', password: 'alleen van mij' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(env.backend.vault.state()).toBe('vergrendeld');
  });
});

describe('anchors and passwords', () => {
  it('a chain rewritten together with the head printed in the stored DOCX fails check: the signatures no longer match', async () => {
    const beheerder = await demo();
    expect((await beheerder['environment.check']({})).ok).toBe(true);
    const db = env.backend.vault.database();
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    const rows = db
      .prepare('SELECT id, at, user_id, organisation_id, action, entity, ids, hash FROM audit ORDER BY id')
      .all() as {
      id: number;
      at: string;
      user_id: number | null;
      organisation_id: number | null;
      action: string;
      entity: string;
      ids: string;
      hash: string;
    }[];
    const renamed = new Map<string, string>();
    let prev = GENESIS_HASH;
    db.transaction(() => {
      for (const r of rows) {
        const userId = r.id === 5 ? 3 : r.user_id;
        const hash = chainHash(prev, {
          at: r.at,
          userId,
          organisationId: r.organisation_id,
          action: r.action,
          entity: r.entity,
          ids: JSON.parse(r.ids) as number[],
        });
        renamed.set(r.hash, hash);
        db.prepare('UPDATE audit SET user_id = ?, prev_hash = ?, hash = ? WHERE id = ?').run(
          userId,
          prev,
          hash,
          r.id,
        );
        prev = hash;
      }
      const versions = db
        .prepare('SELECT id, audit_head, docx FROM minutes_versions WHERE audit_head IS NOT NULL')
        .all() as { id: number; audit_head: string; docx: Buffer }[];
      expect(versions.length).toBeGreaterThan(0);
      for (const v of versions) {
        const files = unzipSync(new Uint8Array(v.docx));
        files['word/document.xml'] = strToU8(
          strFromU8(files['word/document.xml']!).split(v.audit_head).join(renamed.get(v.audit_head)),
        );
        db.prepare('UPDATE minutes_versions SET audit_head = ?, docx = ? WHERE id = ?').run(
          renamed.get(v.audit_head)!,
          Buffer.from(zipSync(files)),
          v.id,
        );
      }
    })();
    db.exec(
      "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;",
    );
    // …and the head file beside the key file, so that it agrees with the rewritten chain too.
    const headFile = headFileFor(env.backend.vault.keyFile);
    const head = readHeadFile(headFile);
    if (head === null || head === 'malformed') throw new Error('no head file');
    writeHeadFile(headFile, { ...head, hash: renamed.get(head.hash) ?? head.hash });
    const report = await beheerder['environment.check']({});
    expect(report.ok).toBe(false);
    expect(report.reason).toMatch(/signature on version \d+ of the minutes of meeting \d+ does not verify/);
  });

  it('a head file that was written and is now missing is reported by check', async () => {
    const beheerder = await demo();
    const key = Buffer.from(env.backend.vault.databaseKey());
    await beheerder['auth.lock']({});
    const head = env.backend.vault.keyFile.replace(/\.keys\.json$/, '.head.json');
    expect(fs.existsSync(head)).toBe(true);
    fs.rmSync(head);
    const db = openDatabase(env.backend.vault.dbFile, key, { create: false });
    try {
      expect(checkEnvironment(db, env.backend.vault.dbFile).reason).toMatch(
        /head file beside the key file is missing/,
      );
    } finally {
      db.close();
    }
  });

  it('a key holder’s password change advises the beheerder to renew the key (an old key-file copy still opens it)', async () => {
    const beheerder = await demo();
    expect((await beheerder['keys.status']({})).rekeyAdvised).toBe(false);
    const vera = env.as('vera');
    await vera['auth.login']({ username: 'voorzitter', password: 'demo-voorzitter-2026' });
    await vera['auth.changePassword']({ current: 'demo-voorzitter-2026', next: 'een nieuw geheim 2026' });
    expect((await beheerder['keys.status']({})).rekeyAdvised).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../electron/core/audit/audit';
import { newDatabaseKey } from '../../electron/core/crypto/keywrap';
import { latestVersion } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { checkEnvironment } from '../../electron/core/environment/check';
import { AppError } from '../../shared/errors';
import { tempDir } from '../support/backend';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function dbPath(): string {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'x.db');
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
}

describe('encrypted store', () => {
  it('sets SQLCipher 4 settings, WAL and full sync, and is at the latest schema', () => {
    const file = dbPath();
    const db = openDatabase(file, newDatabaseKey(), { create: true });
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    db.close();
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('creates the database owner-only (0600), and so its -wal file', () => {
    const file = dbPath();
    const db = openDatabase(file, newDatabaseKey(), { create: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('refuses an empty database file (a failed copy) and never fills it with a fresh schema', () => {
    const file = dbPath();
    fs.writeFileSync(file, '');
    expect(errorCode(() => openDatabase(file, newDatabaseKey(), { create: false }))).toBe('STORAGE_FAULT');
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses a wrong key and leaves the file byte for byte as it was', () => {
    const file = dbPath();
    openDatabase(file, newDatabaseKey(), { create: true }).close();
    const before = fs.readFileSync(file);
    expect(errorCode(() => openDatabase(file, newDatabaseKey(), { create: false }))).toBe(
      'DATABASE_UNREADABLE',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer version of the app without touching it', () => {
    const file = dbPath();
    const key = newDatabaseKey();
    const db = openDatabase(file, key, { create: true });
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    expect(errorCode(() => openDatabase(file, key, { create: false }))).toBe('DATABASE_TOO_NEW');
    const again = new Database(file);
    again.pragma(`cipher='sqlcipher'`);
    again.pragma('legacy=4');
    again.pragma(`key="x'${key.toString('hex')}'"`);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    again.close();
  });

  it('keeps the audit log append-only and detects a forged record', () => {
    const file = dbPath();
    const db = openDatabase(file, newDatabaseKey(), { create: true });
    for (let i = 1; i <= 3; i++)
      appendAudit(db, {
        at: `2026-11-23T10:0${i}:00Z`,
        userId: 1,
        organisationId: 1,
        action: 'dossier.update',
        entity: 'dossiers',
        ids: [i],
      });
    expect(verifyAudit(db)).toMatchObject({ valid: true, records: 3 });
    expect(() => db.prepare('UPDATE audit SET ids = ? WHERE id = 2').run('[99]')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE id = 1').run()).toThrow(/append-only/);
    // An attacker with the key drops the trigger and rewrites a record: the chain shows it.
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare('UPDATE audit SET ids = ? WHERE id = 2').run('[99]');
    expect(verifyAudit(db)).toMatchObject({ valid: false, brokenAt: 2 });
    expect(checkEnvironment(db, file)).toMatchObject({ ok: false, reason: 'audit chain broken at record 2' });
    db.close();
  });
});

import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Version 4: each key holder's public key (the half the database key is sealed to) is kept inside
 * the encrypted database, so that the key file beside it, which anyone with the folder can edit,
 * is never trusted by itself: a re-key seals only to these keys, and an entry whose public key or
 * login name does not match its account opens nothing.
 */
export function migration0004(db: Database.Database): void {
  db.exec(/* sql */ `ALTER TABLE users ADD COLUMN holder_public_key TEXT;`);
}

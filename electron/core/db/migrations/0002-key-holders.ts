import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Version 2: only key holders keep a wrap of the database key in the key file; everyone else logs
 * in against a password verifier stored here, inside the encrypted database. By default the
 * beheerder, voorzitter and notulist of the hosting gemeente hold the key. A temporary password set
 * by the beheerder must be changed at the next login.
 */
export function migration0002(db: Database.Database): void {
  db.exec(/* sql */ `
    ALTER TABLE users ADD COLUMN key_holder INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN password_verifier TEXT;
    ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
    INSERT OR IGNORE INTO meta (key, value)
      SELECT 'host_organisation_id', CAST(min(id) AS TEXT) FROM organisations WHERE kind = 'gemeente' HAVING min(id) IS NOT NULL;
    UPDATE users SET key_holder = 1
      WHERE disabled = 0
        AND organisation_id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'host_organisation_id')
        AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value IN ('beheerder', 'voorzitter', 'notulist'));
  `);
}

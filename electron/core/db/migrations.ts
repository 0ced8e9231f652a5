import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { schemaV1 } from './schema-v1.sql';

/**
 * Append-only: never edit or reorder an entry once released; add a new one. Entry i takes the schema
 * from version i to i + 1; the version lives in PRAGMA user_version.
 */
export const migrations: readonly ((db: Database.Database) => void)[] = [(db) => db.exec(schemaV1)];

export const latestVersion = migrations.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `Database schema version ${current} is newer than this app supports (${latestVersion})`,
    );
  }
  if (current === latestVersion) return;
  db.transaction(() => {
    for (let v = current; v < latestVersion; v++) migrations[v]!(db);
    db.pragma(`user_version = ${latestVersion}`);
  })();
}

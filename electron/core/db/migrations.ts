import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { migration0001 } from './migrations/0001-schema-v1';
import { migration0002 } from './migrations/0002-key-holders';
import { migration0003 } from './migrations/0003-trusted-roots';
import { migration0004 } from './migrations/0004-holder-public-keys';
import { migration0005 } from './migrations/0005-signer-keys';
import { migration0006 } from './migrations/0006-certificate-requests';
import { migration0007 } from './migrations/0007-decision-rules';
import { migration0008 } from './migrations/0008-countable-outcomes';
import { migration0009 } from './migrations/0009-dossier-imports';
import { migration0010 } from './migrations/0010-client-wish-contact';
import { migration0011 } from './migrations/0011-minutes-notes';

export type Migration = (db: Database.Database) => void;

/**
 * Append-only: never edit or reorder an entry once released; add a new one, in a file of its own
 * under migrations/ (NNNN-what-it-does.ts). Entry i takes the schema from version i to i + 1; the
 * version lives in PRAGMA user_version.
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];

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

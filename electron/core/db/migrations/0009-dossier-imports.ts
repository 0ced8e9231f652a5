/**
 * Schema step 0009 (issue 10): a record per import of an existing register. The audit log keeps ids
 * only, so an import of 5,000 rows is one audit record (`dossier.import`, entity dossier_imports)
 * pointing at this row, which holds what a reviewer asks: which file (name and SHA-256), how it was
 * run, how many rows were imported, refused and empty, and the range of dossiers it created (ids are
 * consecutive: the import writes them in one transaction).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0009(db: Database.Database): void {
  db.exec(/* sql */ `
CREATE TABLE dossier_imports (
  id                INTEGER PRIMARY KEY,
  at                TEXT NOT NULL,
  user_id           INTEGER REFERENCES users(id),
  file_name         TEXT NOT NULL,
  file_sha256       TEXT NOT NULL,
  format            TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  mode              TEXT NOT NULL CHECK (mode IN ('alles_of_niets', 'geweigerde_overslaan')),
  rows_total        INTEGER NOT NULL,
  imported          INTEGER NOT NULL,
  refused           INTEGER NOT NULL,
  empty             INTEGER NOT NULL,
  first_dossier_id  INTEGER REFERENCES dossiers(id),
  last_dossier_id   INTEGER REFERENCES dossiers(id)
) STRICT;
`);
}

/**
 * Version 8 of the schema (issue 12): outcomes that can be counted.
 *
 * - The permit ground, the MOB reason, the country of return or onward migration and the stuck reason
 *   become pick-list codes in columns of their own (the free text stays, as explanation).
 * - "Zelfstandig zonder toezicht" was filed as a kind of TERUGKEER; the evaluation counts as return only
 *   what is controlled and demonstrable, and DT&V's "vertrek zonder toezicht" means only that the
 *   person left the last known address. Such outcomes become MOB with sub-kind vertrek_zonder_toezicht,
 *   and the dossier's timeline says so.
 * - A permit whose free-text ground names buitenschuld gets that code; any other ground stays uncoded,
 *   which makes the outcome "onvolledig" (shared/domain/dossier.ts outcomeIncomplete) until someone
 *   completes it through the outflow form. Dossiers set to uitgestroomd by a plain edit, with no
 *   outcome at all, are onvolledig the same way: computed, never guessed.
 * - dossier_episodes keeps an earlier outcome when a dossier is reopened (after MOB some people come
 *   back, get a permit or restart a procedure: both facts stay countable).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0008(db: Database.Database): void {
  db.exec(/* sql */ `
ALTER TABLE dossiers ADD COLUMN outcome_ground TEXT;
ALTER TABLE dossiers ADD COLUMN outcome_reason TEXT;
ALTER TABLE dossiers ADD COLUMN outcome_country TEXT;
ALTER TABLE dossiers ADD COLUMN stuck_reason_code TEXT;
CREATE INDEX dossiers_outflow ON dossiers(outflow_date);

CREATE TABLE dossier_episodes (
  id              INTEGER PRIMARY KEY,
  dossier_id      INTEGER NOT NULL REFERENCES dossiers(id),
  outcome         TEXT,
  outcome_subkind TEXT,
  outcome_ground  TEXT,
  outcome_reason  TEXT,
  outcome_country TEXT,
  outcome_detail  TEXT,
  ended_by        TEXT,
  outflow_date    TEXT,
  track           TEXT NOT NULL,
  reopened_at     TEXT NOT NULL,
  reopen_reason   TEXT NOT NULL,
  reopened_by     INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX dossier_episodes_dossier ON dossier_episodes(dossier_id);
CREATE INDEX dossier_episodes_outflow ON dossier_episodes(outflow_date);

INSERT INTO dossier_history (dossier_id, at, user_id, field, from_value, to_value, reason)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'outcome', 'TERUGKEER', 'MOB',
         'Bijgewerkt (issue 12): vertrek zonder toezicht telt niet als terugkeer maar bij MOB.'
    FROM dossiers WHERE outcome = 'TERUGKEER' AND outcome_subkind = 'zelfstandig_zonder_toezicht';
UPDATE dossiers SET outcome = 'MOB', outcome_subkind = 'vertrek_zonder_toezicht'
 WHERE outcome = 'TERUGKEER' AND outcome_subkind = 'zelfstandig_zonder_toezicht';
UPDATE dossiers SET outcome_ground = 'buitenschuld'
 WHERE outcome = 'VERBLIJFSVERGUNNING' AND lower(coalesce(outcome_detail, '')) LIKE '%buitenschuld%';
`);
}

/**
 * Version 1 of the schema: the environment, users and the audit log; dossiers with their history and
 * the special categories stored apart; meetings, agenda, positions, decisions, consents, actions and
 * escalations. Dates are ISO strings (YYYY-MM-DD), instants ISO 8601 UTC.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

const schemaV1 = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind          TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  sees_special  INTEGER NOT NULL DEFAULT 0,
  sort_order    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  username         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name     TEXT NOT NULL,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  roles            TEXT NOT NULL,
  disabled         INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL
) STRICT;

-- Append-only, hash-chained. ids holds record ids only; never free text of personal data.
CREATE TABLE audit (
  id               INTEGER PRIMARY KEY,
  at               TEXT NOT NULL,
  user_id          INTEGER,
  organisation_id  INTEGER,
  action           TEXT NOT NULL,
  entity           TEXT NOT NULL,
  ids              TEXT NOT NULL,
  prev_hash        TEXT NOT NULL,
  hash             TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE dossiers (
  id                      INTEGER PRIMARY KEY,
  number                  TEXT NOT NULL UNIQUE,
  city                    TEXT NOT NULL,
  v_number                TEXT UNIQUE,
  name                    TEXT NOT NULL,
  aliases                 TEXT NOT NULL DEFAULT '[]',
  sex                     TEXT,
  birth_date              TEXT,
  birth_date_estimated    INTEGER NOT NULL DEFAULT 0,
  country_of_origin       TEXT,
  nationality             TEXT,
  first_known_nl          TEXT,
  ex_amv                  INTEGER NOT NULL DEFAULT 0,
  family_in_nl            TEXT,
  languages               TEXT,
  lead_ngo_id             INTEGER REFERENCES organisations(id),
  casemanager             TEXT,
  shelter                 TEXT NOT NULL DEFAULT 'geen',
  referred_at             TEXT NOT NULL,
  intake_date             TEXT,
  track                   TEXT NOT NULL DEFAULT 'nog_te_bepalen',
  status                  TEXT NOT NULL DEFAULT 'aangemeld',
  target_date             TEXT,
  target_override_reason  TEXT,
  review_date             TEXT,
  stuck                   INTEGER NOT NULL DEFAULT 0,
  stuck_reason            TEXT,
  on_hold                 INTEGER NOT NULL DEFAULT 0,
  vulnerable              INTEGER NOT NULL DEFAULT 0,
  escalated               INTEGER NOT NULL DEFAULT 0,
  notes                   TEXT,
  outcome                 TEXT,
  outcome_subkind         TEXT,
  outcome_detail          TEXT,
  ended_by                TEXT,
  outflow_date            TEXT,
  version                 INTEGER NOT NULL DEFAULT 1,
  updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX dossiers_status ON dossiers(status);
CREATE INDEX dossiers_target ON dossiers(target_date);
CREATE INDEX dossiers_referred ON dossiers(referred_at);

-- GDPR art. 9 and 10 data, apart from the dossier so that no ordinary query can return it.
CREATE TABLE dossier_special (
  dossier_id          INTEGER PRIMARY KEY REFERENCES dossiers(id),
  health_somatic      TEXT NOT NULL DEFAULT 'onbekend',
  health_psychiatric  TEXT NOT NULL DEFAULT 'onbekend',
  medical_obstacle    TEXT NOT NULL DEFAULT 'onbekend',
  health_detail       TEXT,
  justice_history     TEXT,
  restrictive_measures TEXT
) STRICT;

CREATE TABLE dossier_history (
  id           INTEGER PRIMARY KEY,
  dossier_id   INTEGER NOT NULL REFERENCES dossiers(id),
  at           TEXT NOT NULL,
  user_id      INTEGER REFERENCES users(id),
  field        TEXT NOT NULL,
  from_value   TEXT,
  to_value     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  decision_id  INTEGER
) STRICT;
CREATE INDEX dossier_history_dossier ON dossier_history(dossier_id, at);

CREATE TABLE procedures (
  id          INTEGER PRIMARY KEY,
  dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
  kind        TEXT NOT NULL,
  started_on  TEXT,
  ended_on    TEXT,
  result      TEXT
) STRICT;
CREATE INDEX procedures_dossier ON procedures(dossier_id);

CREATE TABLE meetings (
  id                 INTEGER PRIMARY KEY,
  date               TEXT NOT NULL,
  time               TEXT NOT NULL DEFAULT '10:00',
  place              TEXT NOT NULL DEFAULT '',
  chair_user_id      INTEGER REFERENCES users(id),
  secretary_user_id  INTEGER REFERENCES users(id),
  state              TEXT NOT NULL DEFAULT 'gepland',
  current_item_id    INTEGER,
  started_at         TEXT,
  ended_at           TEXT,
  version            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE attendance (
  meeting_id       INTEGER NOT NULL REFERENCES meetings(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  presence         TEXT NOT NULL,
  PRIMARY KEY (meeting_id, organisation_id)
) STRICT;

CREATE TABLE agenda_items (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings(id),
  position         INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  dossier_id       INTEGER REFERENCES dossiers(id),
  title            TEXT,
  reasons          TEXT NOT NULL DEFAULT '[]',
  planned_minutes  INTEGER NOT NULL DEFAULT 5,
  status           TEXT NOT NULL DEFAULT 'open',
  carried_from     TEXT
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_dossier ON agenda_items(dossier_id);

CREATE TABLE discussion_requests (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings(id),
  dossier_id       INTEGER NOT NULL REFERENCES dossiers(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  requested_at     TEXT NOT NULL,
  late             INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE positions (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER NOT NULL REFERENCES dossiers(id),
  agenda_item_id   INTEGER REFERENCES agenda_items(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  version          INTEGER NOT NULL,
  direction        TEXT NOT NULL,
  reasoning        TEXT NOT NULL DEFAULT '',
  information      TEXT NOT NULL DEFAULT '',
  conditions       TEXT NOT NULL DEFAULT '',
  withheld         INTEGER NOT NULL DEFAULT 0,
  withheld_reason  TEXT,
  recorded_by      INTEGER NOT NULL REFERENCES users(id),
  on_behalf        INTEGER NOT NULL DEFAULT 0,
  recorded_at      TEXT NOT NULL,
  UNIQUE (dossier_id, organisation_id, version)
) STRICT;
CREATE INDEX positions_recorded ON positions(recorded_at);

-- What a user has typed for a position but not yet recorded, saved as they type so that closing the app
-- or a crash loses nothing. Personal data, so it lives here in the encrypted database, never in the
-- renderer's storage. One draft per user, agenda item and organisation; removed when recorded.
CREATE TABLE position_drafts (
  user_id          INTEGER NOT NULL REFERENCES users(id),
  agenda_item_id   INTEGER NOT NULL REFERENCES agenda_items(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  base_version     INTEGER NOT NULL,
  body             TEXT NOT NULL,
  saved_at         TEXT NOT NULL,
  PRIMARY KEY (user_id, agenda_item_id, organisation_id)
) STRICT;

CREATE TABLE decisions (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  dossier_id       INTEGER NOT NULL REFERENCES dossiers(id),
  agenda_item_id   INTEGER REFERENCES agenda_items(id),
  meeting_id       INTEGER REFERENCES meetings(id),
  text             TEXT NOT NULL,
  direction        TEXT NOT NULL,
  review_date      TEXT,
  state            TEXT NOT NULL DEFAULT 'concept',
  locked           INTEGER NOT NULL DEFAULT 0,
  decided_at       TEXT,
  version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX decisions_dossier ON decisions(dossier_id);

CREATE TABLE consents (
  decision_id      INTEGER NOT NULL REFERENCES decisions(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  consent          TEXT NOT NULL,
  reason           TEXT,
  recorded_by      INTEGER NOT NULL REFERENCES users(id),
  recorded_at      TEXT NOT NULL,
  PRIMARY KEY (decision_id, organisation_id)
) STRICT;

CREATE TABLE escalations (
  id           INTEGER PRIMARY KEY,
  dossier_id   INTEGER NOT NULL REFERENCES dossiers(id),
  decision_id  INTEGER REFERENCES decisions(id),
  body         TEXT NOT NULL,
  dissent      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  returned_at  TEXT
) STRICT;

CREATE TABLE actions (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER REFERENCES dossiers(id),
  decision_id      INTEGER REFERENCES decisions(id),
  meeting_id       INTEGER REFERENCES meetings(id),
  what             TEXT NOT NULL,
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  person           TEXT,
  due_date         TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open',
  postponements    INTEGER NOT NULL DEFAULT 0,
  reason           TEXT,
  reviewed_in      INTEGER REFERENCES meetings(id),
  created_at       TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX actions_open ON actions(status, due_date);
CREATE INDEX actions_org ON actions(organisation_id, status);

-- Minutes (issue 5). One row per version of a meeting's minutes; the highest version is current.
-- Until adoption the content is built live from the meeting's records; adoption freezes the model,
-- the exact DOCX bytes and their hashes, and the audit chain head at that moment.
CREATE TABLE minutes_versions (
  id              INTEGER PRIMARY KEY,
  meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
  version         INTEGER NOT NULL,
  state           TEXT NOT NULL DEFAULT 'concept',
  created_at      TEXT NOT NULL,
  created_by      INTEGER REFERENCES users(id),
  adopted_at      TEXT,
  adopted_by      INTEGER REFERENCES users(id),
  model_json      TEXT,
  docx            BLOB,
  docx_sha256     TEXT,
  content_sha256  TEXT,
  audit_head      TEXT,
  UNIQUE (meeting_id, version)
) STRICT;

-- A correction an organisation proposes to its own position or action in the minutes. Accepted
-- corrections are applied over the recorded text when the minutes are built; the record itself stays.
CREATE TABLE minutes_corrections (
  id                 INTEGER PRIMARY KEY,
  minutes_version_id INTEGER NOT NULL REFERENCES minutes_versions(id),
  organisation_id    INTEGER NOT NULL REFERENCES organisations(id),
  target_kind        TEXT NOT NULL,
  target_id          INTEGER NOT NULL,
  field              TEXT NOT NULL,
  original_text      TEXT NOT NULL,
  proposed_text      TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'voorgesteld',
  decision_reason    TEXT,
  proposed_by        INTEGER NOT NULL REFERENCES users(id),
  proposed_at        TEXT NOT NULL,
  decided_by         INTEGER REFERENCES users(id),
  decided_at         TEXT
) STRICT;
CREATE INDEX minutes_corrections_version ON minutes_corrections(minutes_version_id);

-- Signing certificates issued by the environment's CA (meta ca_certificate / ca_private_key), or
-- imported by the user from PKCS#12 (imported = 1, with the issuer chain the file carried). The
-- private keys are stored as PKCS#8 in this encrypted database: they are exactly as protected as the
-- database key (a user's password or the recovery key), which is the protection the CA key needs too.
CREATE TABLE certificates (
  user_id          INTEGER PRIMARY KEY REFERENCES users(id),
  certificate_pem  TEXT NOT NULL,
  private_key      BLOB NOT NULL,
  issued_at        TEXT NOT NULL,
  imported         INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  chain_pem        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE signatures (
  id                  INTEGER PRIMARY KEY,
  minutes_version_id  INTEGER NOT NULL REFERENCES minutes_versions(id),
  user_id             INTEGER NOT NULL REFERENCES users(id),
  role                TEXT NOT NULL,
  p7s                 BLOB NOT NULL,
  -- The issuer chain of an imported signing certificate, exported beside the signature in ca.pem.
  chain_pem           TEXT NOT NULL DEFAULT '',
  signed_at           TEXT NOT NULL,
  UNIQUE (minutes_version_id, role),
  UNIQUE (minutes_version_id, user_id)
) STRICT;
`;

export function migration0001(db: Database.Database): void {
  db.exec(schemaV1);
}

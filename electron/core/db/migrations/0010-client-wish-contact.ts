/**
 * Schema step 0010 (issue 11, item 7): the person and their own choice. Per dossier the client's own
 * wish (a coded choice, so it can be counted, plus their words), the date of the toekomstgesprek (null:
 * not held yet), the date of the last contact (the early warning against MOB, which mostly happens in
 * the first six months), and DT&V's regievoerder by name: in the sources the regievoerder is DT&V's
 * case officer, while the NGO (lead_ngo_id) guides; the two are different people.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0010(db: Database.Database): void {
  db.exec(/* sql */ `
ALTER TABLE dossiers ADD COLUMN client_wish TEXT;
ALTER TABLE dossiers ADD COLUMN client_wish_text TEXT;
ALTER TABLE dossiers ADD COLUMN future_talk_date TEXT;
ALTER TABLE dossiers ADD COLUMN last_contact_date TEXT;
ALTER TABLE dossiers ADD COLUMN regievoerder TEXT;
`);
}

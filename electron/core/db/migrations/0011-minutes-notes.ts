/**
 * Schema step 0011 (issue 11, item 4: minutes people can use). The notulist writes a short note per
 * agenda item (also the procedural ones: Opening, Vaststellen verslag, Rondvraag, Sluiting; for a
 * dossier it is the progress note), and records the names of the people present per organisation.
 * Both are free text the minutes print; an empty string means nothing was written (for the names:
 * the minutes then name those who recorded something for that organisation).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0011(db: Database.Database): void {
  db.exec(/* sql */ `
ALTER TABLE agenda_items ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance ADD COLUMN names TEXT NOT NULL DEFAULT '';
`);
}

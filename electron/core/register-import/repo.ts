import type { Db } from '../db/open';
import { insert } from '../db/sql';

/** Every V-nummer in the register with its dossier's number, for the duplicate check of a whole file. */
export function vNumbersInRegister(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT v_number, number FROM dossiers WHERE v_number IS NOT NULL').raw().all() as [
    string,
    string,
  ][];
  return new Map(rows);
}

export interface ImportRecord {
  at: string;
  userId: number;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xlsx';
  mode: 'alles_of_niets' | 'geweigerde_overslaan';
  rowsTotal: number;
  imported: number;
  refused: number;
  empty: number;
  firstDossierId: number | null;
  lastDossierId: number | null;
}

export function insertImportRecord(db: Db, r: ImportRecord): number {
  return insert(
    db,
    `INSERT INTO dossier_imports (at, user_id, file_name, file_sha256, format, mode, rows_total, imported, refused,
       empty, first_dossier_id, last_dossier_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    r.at,
    r.userId,
    r.fileName,
    r.fileSha256,
    r.format,
    r.mode,
    r.rowsTotal,
    r.imported,
    r.refused,
    r.empty,
    r.firstDossierId,
    r.lastDossierId,
  );
}

import { formatDossierNumber, type DossierFields } from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import type { Db } from '../db/open';
import { getSetting } from '../settings/settings';
import { insertDossierRow } from './insert';
import { settle, termMonths } from './operations';
import { addHistory, nextDossierNumber } from './repo';

/**
 * Registers many dossiers at once (an imported register), inside the caller's transaction: each as
 * `createDossier` would (the next number of the year, the target date from the city's term, a
 * timeline that starts with its status and track), but without reading each one back, and without an
 * audit record per dossier: the import writes one for the whole. Validation happened before
 * (shared/domain/register-import.ts runs the same rules as dossiers.create). Returns the new ids and
 * numbers in input order.
 */
export function createDossiers(
  db: Db,
  s: Session,
  rows: readonly DossierFields[],
  today: string,
  at: string,
): { id: number; number: string }[] {
  const term = termMonths(db);
  const city = getSetting(db, 'city');
  const year = Number(today.slice(0, 4));
  const first = nextDossierNumber(db, year);
  let sequence = Number(first.slice(first.lastIndexOf('-') + 1));
  return rows.map((fields) => {
    const values = settle(fields, term);
    const number = formatDossierNumber(year, sequence++);
    const id = insertDossierRow(db, { ...values, number, city, updatedAt: at });
    for (const field of ['status', 'track'] as const) {
      addHistory(db, {
        dossierId: id,
        at,
        userId: s.userId,
        field,
        from: null,
        to: values[field],
        reason: '',
      });
    }
    return { id, number };
  });
}

import { dossierSignals, type AgendaSignal } from '../../../shared/domain/agenda';
import type { Db } from '../db/open';
import { getSetting } from '../settings/settings';

/*
 * The signals of the dossiers on an agenda (shared/domain/agenda.ts, AgendaSignal), read in one query.
 * From dossier_special only the conclusion `medical_obstacle = 'ja'` is read: that there is a medical
 * obstacle is what every party may know ("medische belemmering"); the detail never leaves special.ts.
 */

export function signalsFor(
  db: Db,
  dossierIds: readonly number[],
  onDate: string,
): Map<number, AgendaSignal[]> {
  const out = new Map<number, AgendaSignal[]>();
  if (dossierIds.length === 0) return out;
  const weeks = getSetting(db, 'agenda_settings').noContactWeeks;
  const rows = db
    .prepare(
      `SELECT d.id, d.stuck, d.escalated, d.last_contact_date, s.medical_obstacle
         FROM dossiers d LEFT JOIN dossier_special s ON s.dossier_id = d.id
        WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(dossierIds)])) as {
    id: number;
    stuck: number;
    escalated: number;
    last_contact_date: string | null;
    medical_obstacle: string | null;
  }[];
  for (const r of rows)
    out.set(
      r.id,
      dossierSignals(
        {
          stuck: r.stuck === 1,
          escalated: r.escalated === 1,
          medicalObstacle: r.medical_obstacle === 'ja',
          lastContactDate: r.last_contact_date,
        },
        onDate,
        weeks,
      ),
    );
  return out;
}

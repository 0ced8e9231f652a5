import type { SpecialConclusion, SpecialData } from '../../../shared/contract/dossiers';
import { HealthAnswer, type SpecialInput } from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import type { z } from 'zod';
import type { Db } from '../db/open';
import { seesSpecial, specialHolderNames } from '../organisations/repo';

/*
 * Special-category data (GDPR art. 9 health, art. 10 justice history) on a need-to-know basis. The
 * rule lives here and nowhere else: the gemeente's casemanagers may see it, and so may every user of
 * an organisation the beheerder marked "sees special" (by default the GGD, which holds the health
 * conversations). Everyone else gets the conclusion only.
 */

export function maySeeSpecial(db: Db, session: Session): boolean {
  if (session.roles.includes('casemanager') && session.organisationKind === 'gemeente') return true;
  // Read from the database, not the session: the beheerder may change it while the user is logged in.
  return seesSpecial(db, session.organisationId);
}

interface SpecialDbRow {
  dossier_id: number;
  health_somatic: string;
  health_psychiatric: string;
  medical_obstacle: string;
  health_detail: string | null;
  justice_history: string | null;
  restrictive_measures: string | null;
}

/** The full record; a dossier without one reads as "unknown" everywhere. Callers check access first. */
export function readSpecial(db: Db, dossierId: number): SpecialData {
  const r = db.prepare('SELECT * FROM dossier_special WHERE dossier_id = ?').get(dossierId) as
    SpecialDbRow | undefined;
  return {
    dossierId,
    healthSomatic: HealthAnswer.parse(r?.health_somatic ?? 'onbekend'),
    healthPsychiatric: HealthAnswer.parse(r?.health_psychiatric ?? 'onbekend'),
    medicalObstacle: HealthAnswer.parse(r?.medical_obstacle ?? 'onbekend'),
    healthDetail: r?.health_detail ?? null,
    justiceHistory: r?.justice_history ?? null,
    restrictiveMeasures: r?.restrictive_measures ?? null,
  };
}

export function writeSpecial(db: Db, dossierId: number, s: z.output<typeof SpecialInput>): void {
  db.prepare(
    `INSERT INTO dossier_special (dossier_id, health_somatic, health_psychiatric, medical_obstacle, health_detail, justice_history, restrictive_measures)
     VALUES (@dossierId, @healthSomatic, @healthPsychiatric, @medicalObstacle, @healthDetail, @justiceHistory, @restrictiveMeasures)
     ON CONFLICT(dossier_id) DO UPDATE SET health_somatic = excluded.health_somatic, health_psychiatric = excluded.health_psychiatric,
       medical_obstacle = excluded.medical_obstacle, health_detail = excluded.health_detail,
       justice_history = excluded.justice_history, restrictive_measures = excluded.restrictive_measures`,
  ).run({ dossierId, ...s });
}

/**
 * What the table may know: the conclusion "medische belemmering: ja/nee/onbekend" and who holds the
 * detail. Reads only the one column; never the detail or the justice history.
 */
export function conclusionOf(db: Db, dossierId: number, mayView: boolean): SpecialConclusion {
  const r = db.prepare('SELECT medical_obstacle FROM dossier_special WHERE dossier_id = ?').get(dossierId) as
    { medical_obstacle: string } | undefined;
  return {
    medicalObstacle: HealthAnswer.parse(r?.medical_obstacle ?? 'onbekend'),
    mayView,
    heldBy: specialHolderNames(db),
  };
}

import type { Db } from '../db/open';
import { statement } from '../db/sql';

export interface NewDossierRow {
  number: string;
  city: string;
  vNumber: string | null;
  name: string;
  aliases: string[];
  sex: string | null;
  birthDate: string | null;
  birthDateEstimated: boolean;
  countryOfOrigin: string | null;
  nationality: string | null;
  firstKnownNl: string | null;
  familyInNl: string | null;
  languages: string | null;
  leadNgoId: number | null;
  casemanager: string | null;
  shelter: string;
  referredAt: string;
  intakeDate: string | null;
  track: string;
  status: string;
  targetDate: string | null;
  stuck: boolean;
  stuckReason: string | null;
  onHold: boolean;
  vulnerable: boolean;
  notes: string | null;
  updatedAt: string;
  exAmv?: boolean;
  targetOverrideReason?: string | null;
  reviewDate?: string | null;
  stuckReasonCode?: string | null;
  regievoerder?: string | null;
  clientWish?: string | null;
  clientWishText?: string | null;
  futureTalkDate?: string | null;
  lastContactDate?: string | null;
}

/** Inserts a dossier row (validation happens before, at the boundary). Returns its id. */
export function insertDossierRow(db: Db, d: NewDossierRow): number {
  // A cached statement: an imported register inserts thousands of rows in one go.
  return Number(
    statement(
      db,
      `INSERT INTO dossiers (number, city, v_number, name, aliases, sex, birth_date, birth_date_estimated, country_of_origin,
           nationality, first_known_nl, family_in_nl, languages, lead_ngo_id, casemanager, shelter, referred_at, intake_date,
           track, status, target_date, stuck, stuck_reason, on_hold, vulnerable, notes, updated_at, ex_amv,
           target_override_reason, review_date, stuck_reason_code, regievoerder, client_wish, client_wish_text,
           future_talk_date, last_contact_date)
         VALUES (@number, @city, @vNumber, @name, @aliases, @sex, @birthDate, @birthDateEstimated, @countryOfOrigin,
           @nationality, @firstKnownNl, @familyInNl, @languages, @leadNgoId, @casemanager, @shelter, @referredAt, @intakeDate,
           @track, @status, @targetDate, @stuck, @stuckReason, @onHold, @vulnerable, @notes, @updatedAt, @exAmv,
           @targetOverrideReason, @reviewDate, @stuckReasonCode, @regievoerder, @clientWish, @clientWishText,
           @futureTalkDate, @lastContactDate)`,
    ).run({
      ...d,
      aliases: JSON.stringify(d.aliases),
      birthDateEstimated: d.birthDateEstimated ? 1 : 0,
      stuck: d.stuck ? 1 : 0,
      onHold: d.onHold ? 1 : 0,
      vulnerable: d.vulnerable ? 1 : 0,
      exAmv: d.exAmv ? 1 : 0,
      targetOverrideReason: d.targetOverrideReason ?? null,
      reviewDate: d.reviewDate ?? null,
      stuckReasonCode: d.stuckReasonCode ?? null,
      regievoerder: d.regievoerder ?? null,
      clientWish: d.clientWish ?? null,
      clientWishText: d.clientWishText ?? null,
      futureTalkDate: d.futureTalkDate ?? null,
      lastContactDate: d.lastContactDate ?? null,
    }).lastInsertRowid,
  );
}

export function insertSpecialRow(
  db: Db,
  dossierId: number,
  s: {
    somatic: string;
    psychiatric: string;
    medicalObstacle: string;
    healthDetail: string | null;
    justice: string | null;
  },
): void {
  db.prepare(
    `INSERT INTO dossier_special (dossier_id, health_somatic, health_psychiatric, medical_obstacle, health_detail, justice_history)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(dossierId, s.somatic, s.psychiatric, s.medicalObstacle, s.healthDetail, s.justice);
}

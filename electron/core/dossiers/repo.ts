import type { Dossier, DossierRow, HistoryEntry, Procedure } from '../../../shared/contract/dossiers';
import {
  ClientWish,
  DossierStatus,
  EndedBy,
  OutcomeCategory,
  StuckReason,
  outcomeIncomplete,
  ProcedureKind,
  Sex,
  Shelter,
  Track,
  formatDossierNumber,
} from '../../../shared/domain/dossier';
import type { Db } from '../db/open';
import { insert, one, run, value } from '../db/sql';

/*
 * Reads and writes of the dossiers table and its history and procedures. Never touches
 * dossier_special: that lives in special.ts, behind the access check.
 */

interface DossierDbRow {
  id: number;
  number: string;
  city: string;
  v_number: string | null;
  name: string;
  aliases: string;
  sex: string | null;
  birth_date: string | null;
  birth_date_estimated: number;
  country_of_origin: string | null;
  nationality: string | null;
  first_known_nl: string | null;
  ex_amv: number;
  family_in_nl: string | null;
  languages: string | null;
  lead_ngo_id: number | null;
  regievoerder: string | null;
  casemanager: string | null;
  client_wish: string | null;
  client_wish_text: string | null;
  future_talk_date: string | null;
  last_contact_date: string | null;
  shelter: string;
  referred_at: string;
  intake_date: string | null;
  track: string;
  status: string;
  target_date: string | null;
  target_override_reason: string | null;
  review_date: string | null;
  stuck: number;
  stuck_reason: string | null;
  stuck_reason_code: string | null;
  on_hold: number;
  vulnerable: number;
  escalated: number;
  notes: string | null;
  outcome: string | null;
  outcome_subkind: string | null;
  outcome_ground: string | null;
  outcome_reason: string | null;
  outcome_country: string | null;
  outcome_detail: string | null;
  ended_by: string | null;
  outflow_date: string | null;
  version: number;
  updated_at: string;
}

const aliasesOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
};

function toDossier(r: DossierDbRow): Dossier {
  return {
    id: r.id,
    number: r.number,
    city: r.city,
    vNumber: r.v_number,
    name: r.name,
    aliases: aliasesOf(r.aliases),
    sex: r.sex === null ? null : Sex.parse(r.sex),
    birthDate: r.birth_date,
    birthDateEstimated: r.birth_date_estimated === 1,
    countryOfOrigin: r.country_of_origin,
    nationality: r.nationality,
    firstKnownNl: r.first_known_nl,
    exAmv: r.ex_amv === 1,
    familyInNl: r.family_in_nl,
    languages: r.languages,
    leadNgoId: r.lead_ngo_id,
    regievoerder: r.regievoerder,
    casemanager: r.casemanager,
    clientWish: ClientWish.safeParse(r.client_wish).data ?? null,
    clientWishText: r.client_wish_text,
    futureTalkDate: r.future_talk_date,
    lastContactDate: r.last_contact_date,
    shelter: Shelter.parse(r.shelter),
    referredAt: r.referred_at,
    intakeDate: r.intake_date,
    track: Track.parse(r.track),
    status: DossierStatus.parse(r.status),
    targetDate: r.target_date,
    targetOverride: r.target_override_reason !== null,
    targetOverrideReason: r.target_override_reason,
    reviewDate: r.review_date,
    stuck: r.stuck === 1,
    stuckReason: r.stuck_reason,
    stuckReasonCode: StuckReason.safeParse(r.stuck_reason_code).data ?? null,
    onHold: r.on_hold === 1,
    vulnerable: r.vulnerable === 1,
    escalated: r.escalated === 1,
    notes: r.notes,
    outcome: OutcomeCategory.safeParse(r.outcome).data ?? null,
    outcomeSubkind: r.outcome_subkind,
    permitGround: r.outcome_ground,
    mobReason: r.outcome_reason,
    country: r.outcome_country,
    outcomeDetail: r.outcome_detail,
    endedBy: EndedBy.safeParse(r.ended_by).data ?? null,
    outflowDate: r.outflow_date,
    outcomeIncomplete: outcomeIncomplete({
      status: DossierStatus.parse(r.status),
      outcome: r.outcome,
      outcomeSubkind: r.outcome_subkind,
      permitGround: r.outcome_ground,
      endedBy: r.ended_by,
      outflowDate: r.outflow_date,
    }),
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function findDossier(db: Db, id: number): Dossier | null {
  const row = db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierDbRow | undefined;
  return row ? toDossier(row) : null;
}

interface ListDbRow {
  id: number;
  number: string;
  name: string;
  aliases: string;
  v_number: string | null;
  status: string;
  track: string;
  lead_ngo_id: number | null;
  casemanager: string | null;
  referred_at: string;
  target_date: string | null;
  review_date: string | null;
  last_contact_date: string | null;
  stuck: number;
  on_hold: number;
  vulnerable: number;
  escalated: number;
}

/**
 * Every dossier as a compact row, in one query. Codes come from our own writes, so they are cast
 * rather than parsed: parsing 6,000 rows field by field would cost more than the query itself (the
 * dispatcher still checks the whole answer against the contract).
 */
export function listRows(db: Db): DossierRow[] {
  const rows = db
    .prepare(
      `SELECT id, number, name, aliases, v_number, status, track, lead_ngo_id, casemanager, referred_at, target_date,
              review_date, last_contact_date, stuck, on_hold, vulnerable, escalated
         FROM dossiers ORDER BY number`,
    )
    .all() as ListDbRow[];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    name: r.name,
    aliases: r.aliases === '[]' ? [] : aliasesOf(r.aliases),
    vNumber: r.v_number,
    status: r.status as DossierRow['status'],
    track: r.track as DossierRow['track'],
    leadNgoId: r.lead_ngo_id,
    casemanager: r.casemanager,
    referredAt: r.referred_at,
    targetDate: r.target_date,
    reviewDate: r.review_date,
    lastContactDate: r.last_contact_date,
    stuck: r.stuck === 1,
    onHold: r.on_hold === 1,
    vulnerable: r.vulnerable === 1,
    escalated: r.escalated === 1,
  }));
}

export function historyOf(db: Db, dossierId: number): HistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.at, u.display_name AS user_name, h.field, h.from_value, h.to_value, h.reason, h.decision_id,
              d.number AS decision_number
         FROM dossier_history h LEFT JOIN users u ON u.id = h.user_id LEFT JOIN decisions d ON d.id = h.decision_id
        WHERE h.dossier_id = ? ORDER BY h.at DESC, h.id DESC`,
    )
    .all(dossierId) as {
    id: number;
    at: string;
    user_name: string | null;
    field: string;
    from_value: string | null;
    to_value: string;
    reason: string;
    decision_id: number | null;
    decision_number: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.user_name,
    field: r.field,
    from: r.from_value,
    to: r.to_value,
    reason: r.reason,
    decisionId: r.decision_id,
    decisionNumber: r.decision_number,
  }));
}

export function addHistory(
  db: Db,
  h: {
    dossierId: number;
    at: string;
    userId: number;
    field: string;
    from: string | null;
    to: string;
    reason: string;
  },
): void {
  run(
    db,
    'INSERT INTO dossier_history (dossier_id, at, user_id, field, from_value, to_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
    h.dossierId,
    h.at,
    h.userId,
    h.field,
    h.from,
    h.to,
    h.reason,
  );
}

export function proceduresOf(db: Db, dossierId: number): Procedure[] {
  const rows = db
    .prepare(
      `SELECT id, kind, started_on, ended_on, result FROM procedures WHERE dossier_id = ?
        ORDER BY coalesce(started_on, '9999'), id`,
    )
    .all(dossierId) as {
    id: number;
    kind: string;
    started_on: string | null;
    ended_on: string | null;
    result: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: ProcedureKind.parse(r.kind),
    startedOn: r.started_on,
    endedOn: r.ended_on,
    result: r.result,
  }));
}

/** A dossier's id and number, or undefined. */
export interface DossierRef {
  id: number;
  number: string;
}

export function dossierRef(db: Db, id: number): DossierRef | undefined {
  return one<DossierRef>(db, 'SELECT id, number FROM dossiers WHERE id = ?', id);
}

/** By its number as someone types it: case does not matter, surrounding spaces neither. */
export function dossierRefByNumber(db: Db, number: string): DossierRef | undefined {
  return one<DossierRef>(
    db,
    'SELECT id, number FROM dossiers WHERE number = ? COLLATE NOCASE',
    number.trim(),
  );
}

export interface ProcedureFields {
  kind: string;
  startedOn: string | null;
  endedOn: string | null;
  result: string | null;
}

export function insertProcedure(db: Db, dossierId: number, p: ProcedureFields): number {
  return insert(
    db,
    'INSERT INTO procedures (dossier_id, kind, started_on, ended_on, result) VALUES (?, ?, ?, ?, ?)',
    dossierId,
    p.kind,
    p.startedOn,
    p.endedOn,
    p.result,
  );
}

/** The dossier a procedure belongs to, or undefined when there is no such procedure. */
export function procedureDossierId(db: Db, id: number): number | undefined {
  return value<number>(db, 'SELECT dossier_id FROM procedures WHERE id = ?', id);
}

export function updateProcedure(db: Db, id: number, p: ProcedureFields): void {
  run(
    db,
    'UPDATE procedures SET kind = ?, started_on = ?, ended_on = ?, result = ? WHERE id = ?',
    p.kind,
    p.startedOn,
    p.endedOn,
    p.result,
    id,
  );
}

/** The next dossier number of a year: one more than the highest sequence already used in that year. */
export function nextDossierNumber(db: Db, year: number): string {
  const prefix = `D-${year}-`;
  const row = db
    .prepare(
      "SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM dossiers WHERE number LIKE ? ESCAPE '\\'",
    )
    .get(prefix.length + 1, `${prefix.replace(/[\\%_]/g, '\\$&')}%`) as { n: number | null };
  return formatDossierNumber(year, (row.n ?? 0) + 1);
}

export function dossierWithVNumber(
  db: Db,
  vNumber: string,
  exceptId: number | null,
): { id: number; number: string } | null {
  return (
    (db
      .prepare('SELECT id, number FROM dossiers WHERE v_number = ? AND id IS NOT ?')
      .get(vNumber, exceptId) as { id: number; number: string } | undefined) ?? null
  );
}

/** Columns an update may set, keyed by the contract's field names. */
const columns = {
  vNumber: 'v_number',
  name: 'name',
  aliases: 'aliases',
  sex: 'sex',
  birthDate: 'birth_date',
  birthDateEstimated: 'birth_date_estimated',
  countryOfOrigin: 'country_of_origin',
  nationality: 'nationality',
  firstKnownNl: 'first_known_nl',
  exAmv: 'ex_amv',
  familyInNl: 'family_in_nl',
  languages: 'languages',
  leadNgoId: 'lead_ngo_id',
  regievoerder: 'regievoerder',
  casemanager: 'casemanager',
  clientWish: 'client_wish',
  clientWishText: 'client_wish_text',
  futureTalkDate: 'future_talk_date',
  lastContactDate: 'last_contact_date',
  shelter: 'shelter',
  referredAt: 'referred_at',
  intakeDate: 'intake_date',
  track: 'track',
  status: 'status',
  targetDate: 'target_date',
  targetOverrideReason: 'target_override_reason',
  reviewDate: 'review_date',
  stuck: 'stuck',
  stuckReason: 'stuck_reason',
  stuckReasonCode: 'stuck_reason_code',
  onHold: 'on_hold',
  vulnerable: 'vulnerable',
  notes: 'notes',
} as const satisfies Partial<Record<keyof Dossier, string>>;
export type WritableField = keyof typeof columns;

const toDb = (v: unknown): unknown =>
  typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : v;

/**
 * Writes the fields of a dossier and bumps its version, only if the version is still the one read.
 * Returns false when someone else changed it in between (the caller reports a conflict).
 */
export function writeDossier(
  db: Db,
  id: number,
  version: number,
  values: Pick<Dossier, WritableField>,
  updatedAt: string,
): boolean {
  const keys = Object.keys(columns) as WritableField[];
  const sets = keys.map((k) => `${columns[k]} = @${k}`).join(', ');
  const params: Record<string, unknown> = { id, version, updatedAt };
  for (const k of keys) params[k] = toDb(values[k]);
  const info = db
    .prepare(
      `UPDATE dossiers SET ${sets}, version = version + 1, updated_at = @updatedAt WHERE id = @id AND version = @version`,
    )
    .run(params);
  return info.changes === 1;
}

import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { auditHead } from '../audit/audit';
import type { MinutesSummary } from '../../../shared/contract/minutes';
import type { Db } from '../db/open';
import { all, one } from '../db/sql';
import { docxStyle } from '../../../shared/theme/docx';
import { getSetting } from '../settings/settings';
import { packMinutesDocx } from './build-docx';
import { docxXmlProblem } from './xml-check';
import { minutesContentHash } from './content-hash';
import { loadMinutesModel, meetingExists } from './load';
import type { MinutesModel, MinutesState, Signer } from './model';
import { requireState } from './state';

/**
 * The versions of a meeting's minutes (table minutes_versions). Before adoption a version's content is
 * built live from the records; adoption freezes it: the model as JSON, the exact DOCX bytes (which the
 * signatures cover), their SHA-256, the content hash and the audit chain head at that moment.
 */

export interface VersionRow {
  id: number;
  meeting_id: number;
  version: number;
  state: MinutesState;
  created_at: string;
  adopted_at: string | null;
  adopted_by: number | null;
  model_json: string | null;
  docx_sha256: string | null;
  content_sha256: string | null;
  audit_head: string | null;
}

const VERSION_COLUMNS =
  'id, meeting_id, version, state, created_at, adopted_at, adopted_by, model_json, docx_sha256, content_sha256, audit_head';

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Only minutes of a meeting that took place are adopted (issue 11), and only with the chair and the
 * secretary recorded: they are the two who sign (signatures.ts signerRole).
 */
function requireAdoptable(db: Db, meetingId: number): void {
  const m = db
    .prepare('SELECT state, chair_user_id, secretary_user_id FROM meetings WHERE id = ?')
    .get(meetingId) as { state: string; chair_user_id: number | null; secretary_user_id: number | null };
  if (m.state !== 'afgerond')
    throw new AppError('CONFLICT', 'The meeting has not finished', {
      info: { reason: 'meeting_not_finished' },
    });
  if (m.chair_user_id === null || m.secretary_user_id === null)
    throw new AppError('CONFLICT', 'The meeting has no recorded chair or secretary', {
      info: { reason: 'signers_not_recorded' },
    });
}

/** The recorded chair and secretary of a meeting (null when not recorded). */
export function meetingSigners(
  db: Db,
  meetingId: number,
): { chair: number | null; secretary: number | null } {
  return db
    .prepare('SELECT chair_user_id AS chair, secretary_user_id AS secretary FROM meetings WHERE id = ?')
    .get(meetingId) as { chair: number | null; secretary: number | null };
}

export function requireMeeting(db: Db, meetingId: number): void {
  if (!meetingExists(db, meetingId))
    throw new AppError('NOT_FOUND', 'No such meeting', { info: { meetingId } });
}

export function listVersions(db: Db, meetingId: number): VersionRow[] {
  return db
    .prepare(`SELECT ${VERSION_COLUMNS} FROM minutes_versions WHERE meeting_id = ? ORDER BY version`)
    .all(meetingId) as VersionRow[];
}

export function latestVersion(db: Db, meetingId: number): VersionRow | null {
  return (
    (db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM minutes_versions WHERE meeting_id = ? ORDER BY version DESC LIMIT 1`,
      )
      .get(meetingId) as VersionRow | undefined) ?? null
  );
}

/** Every adopted version's frozen audit head with its DOCX, for the environment check. */
export function frozenAuditHeads(
  db: Db,
): { meetingId: number; version: number; auditHead: string; docx: Uint8Array | null }[] {
  return (
    db
      .prepare(
        'SELECT meeting_id, version, audit_head, docx FROM minutes_versions WHERE audit_head IS NOT NULL ORDER BY id',
      )
      .all() as { meeting_id: number; version: number; audit_head: string; docx: Uint8Array | null }[]
  ).map((r) => ({
    meetingId: r.meeting_id,
    version: r.version,
    auditHead: r.audit_head,
    docx: r.docx ? new Uint8Array(r.docx) : null,
  }));
}

export function versionById(db: Db, id: number): VersionRow | null {
  return (
    (db.prepare(`SELECT ${VERSION_COLUMNS} FROM minutes_versions WHERE id = ?`).get(id) as
      VersionRow | undefined) ?? null
  );
}

/** A meeting without a stored version has an implicit first concept; this stores it (in the caller's transaction). */
export function ensureLatestVersion(
  db: Db,
  meetingId: number,
  at: string,
  userId: number | null,
): VersionRow {
  requireMeeting(db, meetingId);
  const existing = latestVersion(db, meetingId);
  if (existing) return existing;
  const id = Number(
    db
      .prepare(
        'INSERT INTO minutes_versions (meeting_id, version, state, created_at, created_by) VALUES (?, 1, ?, ?, ?)',
      )
      .run(meetingId, 'concept', at, userId).lastInsertRowid,
  );
  return versionById(db, id)!;
}

export function setVersionState(db: Db, versionId: number, state: MinutesState): void {
  db.prepare('UPDATE minutes_versions SET state = ? WHERE id = ?').run(state, versionId);
}

/** The model of a version: frozen once adopted, otherwise built now from the records. */
export function versionModel(db: Db, meetingId: number, row: VersionRow | null, at: string): MinutesModel {
  if (row?.model_json) return { ...(JSON.parse(row.model_json) as MinutesModel), state: row.state };
  return loadMinutesModel(db, meetingId, {
    version: row?.version ?? 1,
    state: row?.state ?? 'concept',
    generatedAt: at,
  });
}

/** The adopted DOCX bytes of a version; null before adoption. */
export function frozenDocx(db: Db, versionId: number): Uint8Array | null {
  const row = db.prepare('SELECT docx FROM minutes_versions WHERE id = ?').get(versionId) as
    { docx: Uint8Array | null } | undefined;
  return row?.docx ? new Uint8Array(row.docx) : null;
}

/**
 * Whether the records have changed since this version was adopted: the live content, built as this
 * version, no longer has the adopted content hash. The UI then offers a new version.
 */
export function changedSinceAdoption(db: Db, meetingId: number, row: VersionRow, at: string): boolean {
  if (!row.content_sha256) return false;
  const live = loadMinutesModel(db, meetingId, { version: row.version, state: row.state, generatedAt: at });
  return minutesContentHash(live) !== row.content_sha256;
}

export interface PreparedAdoption {
  versionId: number;
  model: MinutesModel;
  docx: Uint8Array;
  docxSha256: string;
  contentSha256: string;
  auditHead: string;
}

function signers(model: MinutesModel): Signer[] {
  return [
    { role: 'voorzitter', ...model.chair },
    { role: 'secretaris', ...model.secretary },
  ];
}

/**
 * Builds what adoption freezes. Packing the DOCX is async, so this runs before the write transaction;
 * `commitAdoption` then checks that nothing was written in between (the audit head is unchanged).
 */
export async function prepareAdoption(db: Db, meetingId: number, at: string): Promise<PreparedAdoption> {
  requireMeeting(db, meetingId);
  requireAdoptable(db, meetingId);
  const row = latestVersion(db, meetingId);
  requireState(row?.state ?? 'concept', 'adopt');
  const open = db
    .prepare(
      "SELECT COUNT(*) AS n FROM minutes_corrections WHERE minutes_version_id = ? AND status = 'voorgesteld'",
    )
    .get(row!.id) as { n: number };
  if (open.n > 0) {
    throw new AppError('CONFLICT', 'Corrections still await a decision', {
      info: { reason: 'open_corrections', count: open.n },
    });
  }
  const head = auditHead(db);
  const base = loadMinutesModel(db, meetingId, {
    version: row!.version,
    state: 'vastgesteld',
    generatedAt: at,
  });
  const contentSha256 = minutesContentHash(base);
  const model: MinutesModel = {
    ...base,
    signaturePage: {
      contentSha256,
      auditHeadAtAdoption: head,
      adoptedOn: at.slice(0, 10),
      signers: signers(base),
    },
  };
  // Adopted in the house style of the day: these bytes are frozen and signed, a later theme leaves them.
  const docx = await packMinutesDocx(model, docxStyle(getSetting(db, 'theme')));
  // What is frozen and signed must open: check every XML part before it is (issue 11).
  const problem = docxXmlProblem(docx);
  if (problem)
    throw new AppError('CONFLICT', `The minutes DOCX is not well-formed: ${problem}`, {
      info: { reason: 'docx_invalid' },
    });
  return { versionId: row!.id, model, docx, docxSha256: sha256Hex(docx), contentSha256, auditHead: head };
}

/** Stores the adoption; call inside the audited transaction. Throws CONFLICT when anything changed meanwhile. */
export function commitAdoption(db: Db, prepared: PreparedAdoption, userId: number, at: string): void {
  const row = versionById(db, prepared.versionId);
  if (!row || auditHead(db) !== prepared.auditHead) {
    throw new AppError('CONFLICT', 'The records changed while the minutes were being adopted', {
      info: { reason: 'changed_meanwhile' },
    });
  }
  requireState(row.state, 'adopt');
  db.prepare(
    `UPDATE minutes_versions SET state = 'vastgesteld', adopted_at = ?, adopted_by = ?, model_json = ?, docx = ?,
       docx_sha256 = ?, content_sha256 = ?, audit_head = ? WHERE id = ?`,
  ).run(
    at,
    userId,
    JSON.stringify(prepared.model),
    Buffer.from(prepared.docx),
    prepared.docxSha256,
    prepared.contentSha256,
    prepared.auditHead,
    row.id,
  );
}

/** Starts the next version as a concept; the adopted one keeps its bytes and signatures. */
export function startNewVersion(db: Db, meetingId: number, at: string, userId: number): VersionRow {
  const row = latestVersion(db, meetingId);
  requireState(row?.state ?? 'concept', 'newVersion');
  const id = Number(
    db
      .prepare(
        'INSERT INTO minutes_versions (meeting_id, version, state, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      )
      .run(meetingId, row!.version + 1, 'concept', at, userId).lastInsertRowid,
  );
  return versionById(db, id)!;
}

/** Every meeting with its latest minutes version (concept version 1 before there is one), newest first. */
export function listMinutes(db: Db): MinutesSummary[] {
  return all<Omit<MinutesSummary, 'state'> & { state: string }>(
    db,
    `SELECT m.id AS meetingId, m.date, m.place, m.state AS meetingState,
            COALESCE(v.version, 1) AS version, COALESCE(v.state, 'concept') AS state,
            (SELECT COUNT(*) FROM signatures s WHERE s.minutes_version_id = v.id) AS signatures
     FROM meetings m LEFT JOIN minutes_versions v ON v.meeting_id = m.id
       AND v.version = (SELECT MAX(version) FROM minutes_versions WHERE meeting_id = m.id)
     ORDER BY m.date DESC, m.id DESC`,
  ).map((r) => ({ ...r, state: r.state as MinutesSummary['state'] }));
}

/** The stored version whose DOCX has exactly this hash, if any (to name a file someone verifies). */
export function versionByDocxHash(
  db: Db,
  sha256: string,
): { meetingId: number; date: string; version: number } | undefined {
  return one<{ meetingId: number; date: string; version: number }>(
    db,
    `SELECT v.meeting_id AS meetingId, m.date, v.version FROM minutes_versions v
       JOIN meetings m ON m.id = v.meeting_id WHERE v.docx_sha256 = ?`,
    sha256,
  );
}

/** Every stored signature with the document bytes it was made over, for `check`. */
export function storedSignatures(
  db: Db,
): { meetingId: number; version: number; role: string; docx: Uint8Array; p7s: Uint8Array }[] {
  return all<{ meeting_id: number; version: number; role: string; docx: Buffer; p7s: Buffer }>(
    db,
    `SELECT v.meeting_id, v.version, s.role, v.docx, s.p7s FROM signatures s
     JOIN minutes_versions v ON v.id = s.minutes_version_id WHERE v.docx IS NOT NULL ORDER BY s.id`,
  ).map((r) => ({
    meetingId: r.meeting_id,
    version: r.version,
    role: r.role,
    docx: new Uint8Array(r.docx),
    p7s: new Uint8Array(r.p7s),
  }));
}

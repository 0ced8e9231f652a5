import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { initials } from '../../../shared/domain/dossier';
import { latestVersion, versionById } from './versions';

/**
 * Corrections in the correction round: an organisation proposes new wording for its own position or
 * action in this meeting's minutes; the secretary accepts or rejects each, and the reason is kept.
 * Accepted wording is applied over the recorded text when the minutes are built (load.ts); the record
 * of what was said in the meeting itself is never overwritten.
 */

export const correctableFields = {
  position: ['reasoning', 'information', 'conditions'],
  action: ['what', 'person'],
} as const;
export type TargetKind = keyof typeof correctableFields;

export interface CorrectionTarget {
  kind: TargetKind;
  id: number;
  organisationId: number;
  organisation: string;
  dossierNumber: string | null;
  dossierInitials: string | null;
  /** Current wording per correctable field, accepted corrections included. */
  fields: Record<string, string>;
}

interface TargetRow {
  id: number;
  organisation_id: number;
  organisation: string;
  dossier_number: string | null;
  dossier_name: string | null;
}

function applyAccepted(
  db: Db,
  meetingId: number,
  kind: TargetKind,
  id: number,
  fields: Record<string, string>,
): Record<string, string> {
  const rows = db
    .prepare(
      `SELECT c.field, c.proposed_text FROM minutes_corrections c JOIN minutes_versions v ON v.id = c.minutes_version_id
       WHERE v.meeting_id = ? AND c.target_kind = ? AND c.target_id = ? AND c.status = 'aanvaard' ORDER BY c.decided_at, c.id`,
    )
    .all(meetingId, kind, id) as { field: string; proposed_text: string }[];
  const out = { ...fields };
  for (const r of rows) out[r.field] = r.proposed_text;
  return out;
}

/** The positions (latest per item and organisation) and actions of a meeting that can be corrected. */
export function correctionTargets(
  db: Db,
  meetingId: number,
  organisationId: number | null,
): CorrectionTarget[] {
  const positions = db
    .prepare(
      `SELECT p.id, p.organisation_id, o.name AS organisation, d.number AS dossier_number, d.name AS dossier_name,
              p.reasoning, p.information, p.conditions
       FROM positions p JOIN agenda_items ai ON ai.id = p.agenda_item_id JOIN organisations o ON o.id = p.organisation_id
       JOIN dossiers d ON d.id = p.dossier_id
       WHERE ai.meeting_id = ? AND (? IS NULL OR p.organisation_id = ?)
         AND p.version = (SELECT MAX(p2.version) FROM positions p2
                          WHERE p2.agenda_item_id = p.agenda_item_id AND p2.organisation_id = p.organisation_id)
       ORDER BY ai.position, o.sort_order`,
    )
    .all(meetingId, organisationId, organisationId) as (TargetRow & {
    reasoning: string;
    information: string;
    conditions: string;
  })[];
  const actions = db
    .prepare(
      `SELECT a.id, a.organisation_id, o.name AS organisation, d.number AS dossier_number, d.name AS dossier_name,
              a.what, a.person
       FROM actions a JOIN organisations o ON o.id = a.organisation_id LEFT JOIN dossiers d ON d.id = a.dossier_id
       WHERE a.meeting_id = ? AND (? IS NULL OR a.organisation_id = ?) ORDER BY a.id`,
    )
    .all(meetingId, organisationId, organisationId) as (TargetRow & {
    what: string;
    person: string | null;
  })[];
  const target = (kind: TargetKind, r: TargetRow, fields: Record<string, string>): CorrectionTarget => ({
    kind,
    id: r.id,
    organisationId: r.organisation_id,
    organisation: r.organisation,
    dossierNumber: r.dossier_number,
    dossierInitials: r.dossier_name === null ? null : initials(r.dossier_name),
    fields: applyAccepted(db, meetingId, kind, r.id, fields),
  });
  return [
    ...positions.map((p) =>
      target('position', p, { reasoning: p.reasoning, information: p.information, conditions: p.conditions }),
    ),
    ...actions.map((a) => target('action', a, { what: a.what, person: a.person ?? '' })),
  ];
}

export interface ProposeInput {
  meetingId: number;
  targetKind: TargetKind;
  targetId: number;
  field: string;
  text: string;
}

/** Stores a proposal; call inside the audited transaction. Returns the new correction's id. */
export function proposeCorrection(
  db: Db,
  input: ProposeInput,
  proposer: { userId: number; organisationId: number },
  at: string,
): number {
  const version = latestVersion(db, input.meetingId);
  if (!version || version.state !== 'correctieronde') {
    throw new AppError('CONFLICT', 'Corrections can only be proposed during the correction round', {
      info: { reason: 'not_correction_round', state: version?.state ?? 'concept' },
    });
  }
  if (!(correctableFields[input.targetKind] as readonly string[]).includes(input.field)) {
    throw new AppError('BAD_INPUT', 'This field cannot be corrected', {
      fields: [{ path: 'field', code: 'invalid_value', message: 'Not a correctable field' }],
    });
  }
  const target = correctionTargets(db, input.meetingId, null).find(
    (t) => t.kind === input.targetKind && t.id === input.targetId,
  );
  if (!target) throw new AppError('NOT_FOUND', 'Not a position or action of this meeting');
  if (target.organisationId !== proposer.organisationId) {
    throw new AppError(
      'FORBIDDEN',
      'Only the organisation itself may correct its own positions and actions',
      {
        info: { reason: 'own_records_only' },
      },
    );
  }
  const original = target.fields[input.field] ?? '';
  if (original === input.text) {
    throw new AppError('BAD_INPUT', 'The proposal does not change the text', {
      fields: [{ path: 'text', code: 'unchanged', message: 'Same as the current text' }],
    });
  }
  return Number(
    db
      .prepare(
        `INSERT INTO minutes_corrections (minutes_version_id, organisation_id, target_kind, target_id, field,
           original_text, proposed_text, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        version.id,
        proposer.organisationId,
        input.targetKind,
        input.targetId,
        input.field,
        original,
        input.text,
        proposer.userId,
        at,
      ).lastInsertRowid,
  );
}

/** Accepts or rejects a pending proposal; call inside the audited transaction. Returns the meeting id. */
export function decideCorrection(
  db: Db,
  correctionId: number,
  decision: { accept: boolean; reason: string },
  userId: number,
  at: string,
): number {
  const row = db
    .prepare('SELECT minutes_version_id, status FROM minutes_corrections WHERE id = ?')
    .get(correctionId) as { minutes_version_id: number; status: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such correction');
  const version = versionById(db, row.minutes_version_id)!;
  const latest = latestVersion(db, version.meeting_id)!;
  if (latest.id !== version.id || version.state !== 'correctieronde' || row.status !== 'voorgesteld') {
    throw new AppError('CONFLICT', 'This correction can no longer be decided', {
      info: { reason: 'already_decided' },
    });
  }
  if (!decision.accept && decision.reason.trim() === '') {
    throw new AppError('BAD_INPUT', 'A rejection needs a reason', {
      fields: [{ path: 'reason', code: 'reason_required', message: 'A rejection needs a reason' }],
    });
  }
  db.prepare(
    'UPDATE minutes_corrections SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?',
  ).run(decision.accept ? 'aanvaard' : 'afgewezen', decision.reason.trim() || null, userId, at, correctionId);
  return version.meeting_id;
}

export interface CorrectionRow {
  id: number;
  version: number;
  organisation: string;
  organisationId: number;
  targetKind: TargetKind;
  targetId: number;
  dossierNumber: string | null;
  field: string;
  originalText: string;
  proposedText: string;
  status: 'voorgesteld' | 'aanvaard' | 'afgewezen';
  decisionReason: string | null;
  proposedBy: string;
  proposedByOrganisation: string | null;
  decidedBy: string | null;
  proposedAt: string;
  decidedAt: string | null;
}

export function listCorrections(db: Db, meetingId: number): CorrectionRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, v.version, o.name AS organisation, c.organisation_id, c.target_kind, c.target_id, c.field,
              c.original_text, c.proposed_text, c.status, c.decision_reason, u.display_name AS proposed_by,
              uo.name AS proposed_by_organisation, du.display_name AS decided_by, c.proposed_at, c.decided_at,
              CASE c.target_kind
                WHEN 'position' THEN (SELECT d.number FROM positions p JOIN dossiers d ON d.id = p.dossier_id WHERE p.id = c.target_id)
                ELSE (SELECT d.number FROM actions a JOIN dossiers d ON d.id = a.dossier_id WHERE a.id = c.target_id)
              END AS dossier_number
       FROM minutes_corrections c JOIN minutes_versions v ON v.id = c.minutes_version_id
       JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.id = c.proposed_by
       LEFT JOIN organisations uo ON uo.id = u.organisation_id LEFT JOIN users du ON du.id = c.decided_by
       WHERE v.meeting_id = ? ORDER BY c.id`,
    )
    .all(meetingId) as {
    id: number;
    version: number;
    organisation: string;
    organisation_id: number;
    target_kind: TargetKind;
    target_id: number;
    field: string;
    original_text: string;
    proposed_text: string;
    status: CorrectionRow['status'];
    decision_reason: string | null;
    proposed_by: string;
    proposed_by_organisation: string | null;
    decided_by: string | null;
    proposed_at: string;
    decided_at: string | null;
    dossier_number: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    dossierNumber: r.dossier_number,
    field: r.field,
    originalText: r.original_text,
    proposedText: r.proposed_text,
    status: r.status,
    decisionReason: r.decision_reason,
    proposedBy: r.proposed_by,
    proposedByOrganisation: r.proposed_by_organisation,
    decidedBy: r.decided_by,
    proposedAt: r.proposed_at,
    decidedAt: r.decided_at,
  }));
}

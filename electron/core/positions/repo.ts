import type { z } from 'zod';
import {
  PositionDraftFields,
  type Position,
  type PositionDraft,
  type PositionField,
  type PositionRecordInput,
} from '../../../shared/contract/positions';
import { PositionDirection } from '../../../shared/domain/consent';
import type { Db } from '../db/open';

interface PositionRow {
  id: number;
  dossier_id: number;
  agenda_item_id: number | null;
  organisation_id: number;
  organisation_name: string;
  version: number;
  direction: string;
  reasoning: string;
  information: string;
  conditions: string;
  withheld: number;
  withheld_reason: string | null;
  recorded_by: number;
  recorded_by_name: string;
  on_behalf: number;
  recorded_at: string;
}

const select = `SELECT p.*, o.name AS organisation_name, u.display_name AS recorded_by_name
  FROM positions p JOIN organisations o ON o.id = p.organisation_id JOIN users u ON u.id = p.recorded_by`;

const toPosition = (r: PositionRow): Position => ({
  id: r.id,
  dossierId: r.dossier_id,
  agendaItemId: r.agenda_item_id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  version: r.version,
  direction: PositionDirection.parse(r.direction),
  reasoning: r.reasoning,
  information: r.information,
  conditions: r.conditions,
  withheld: r.withheld === 1,
  withheldReason: r.withheld_reason,
  recordedById: r.recorded_by,
  recordedByName: r.recorded_by_name,
  onBehalf: r.on_behalf === 1,
  recordedAt: r.recorded_at,
});

export function getPosition(db: Db, id: number): Position {
  return toPosition(db.prepare(`${select} WHERE p.id = ?`).get(id) as PositionRow);
}

/** Every version, newest first. */
export function positionHistory(db: Db, dossierId: number, organisationId?: number): Position[] {
  const rows =
    organisationId === undefined
      ? db
          .prepare(`${select} WHERE p.dossier_id = ? ORDER BY p.organisation_id, p.version DESC`)
          .all(dossierId)
      : db
          .prepare(`${select} WHERE p.dossier_id = ? AND p.organisation_id = ? ORDER BY p.version DESC`)
          .all(dossierId, organisationId);
  return (rows as PositionRow[]).map(toPosition);
}

/** The latest version number for a dossier and organisation; 0 when nothing is on record. */
export function latestVersion(db: Db, dossierId: number, organisationId: number): number {
  return (
    db
      .prepare(
        'SELECT coalesce(max(version), 0) AS v FROM positions WHERE dossier_id = ? AND organisation_id = ?',
      )
      .get(dossierId, organisationId) as { v: number }
  ).v;
}

export type NewPosition = z.output<typeof PositionRecordInput> & {
  dossierId: number;
  version: number;
  recordedBy: number;
  onBehalf: boolean;
  recordedAt: string;
};

/** Appends a version; positions are never updated in place. */
export function insertPosition(db: Db, p: NewPosition): number {
  return Number(
    db
      .prepare(
        `INSERT INTO positions (dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, information,
           conditions, withheld, withheld_reason, recorded_by, on_behalf, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.dossierId,
        p.itemId,
        p.organisationId,
        p.version,
        p.direction,
        p.reasoning,
        p.information,
        p.conditions,
        p.withheld ? 1 : 0,
        p.withheld ? p.withheldReason : null,
        p.recordedBy,
        p.onBehalf ? 1 : 0,
        p.recordedAt,
      ).lastInsertRowid,
  );
}

/**
 * This item's position and the one before it, per organisation: `current` is the latest version
 * recorded at this item; `previous` the latest version recorded elsewhere (last week's) before it.
 */
export function positionPair(
  db: Db,
  dossierId: number,
  organisationId: number,
  itemId: number,
): { current: Position | null; previous: Position | null; latestVersion: number } {
  const versions = positionHistory(db, dossierId, organisationId);
  const current = versions.find((p) => p.agendaItemId === itemId) ?? null;
  const previous =
    versions.find((p) => p.agendaItemId !== itemId && (current === null || p.version < current.version)) ??
    null;
  return { current, previous, latestVersion: versions[0]?.version ?? 0 };
}

/** The fields that differ between two versions, for highlighting what changed. */
export function changedFields(previous: Position | null, current: Position | null): PositionField[] {
  if (!previous || !current) return [];
  const out: PositionField[] = [];
  if (previous.direction !== current.direction) out.push('direction');
  if (previous.reasoning !== current.reasoning) out.push('reasoning');
  if (previous.information !== current.information) out.push('information');
  if (previous.conditions !== current.conditions) out.push('conditions');
  if (previous.withheld !== current.withheld || previous.withheldReason !== current.withheldReason)
    out.push('withheld');
  return out;
}

// --- drafts -----------------------------------------------------------------------------------------

export function saveDraft(
  db: Db,
  d: {
    userId: number;
    itemId: number;
    organisationId: number;
    baseVersion: number;
    fields: PositionDraftFields;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO position_drafts (user_id, agenda_item_id, organisation_id, base_version, body, saved_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, agenda_item_id, organisation_id)
     DO UPDATE SET base_version = excluded.base_version, body = excluded.body, saved_at = excluded.saved_at`,
  ).run(d.userId, d.itemId, d.organisationId, d.baseVersion, JSON.stringify(d.fields), d.at);
}

export function deleteDraft(db: Db, userId: number, itemId: number, organisationId: number): void {
  db.prepare(
    'DELETE FROM position_drafts WHERE user_id = ? AND agenda_item_id = ? AND organisation_id = ?',
  ).run(userId, itemId, organisationId);
}

export function draftsFor(db: Db, userId: number, itemId: number): Map<number, PositionDraft> {
  const rows = db
    .prepare(
      'SELECT organisation_id, base_version, body, saved_at FROM position_drafts WHERE user_id = ? AND agenda_item_id = ?',
    )
    .all(userId, itemId) as {
    organisation_id: number;
    base_version: number;
    body: string;
    saved_at: string;
  }[];
  const out = new Map<number, PositionDraft>();
  for (const r of rows) {
    // A draft that no longer parses (e.g. after a vocabulary change) is dropped rather than crashing the panel.
    const fields = PositionDraftFields.safeParse(JSON.parse(r.body));
    if (fields.success)
      out.set(r.organisation_id, {
        organisationId: r.organisation_id,
        baseVersion: r.base_version,
        fields: fields.data,
        savedAt: r.saved_at,
      });
  }
  return out;
}

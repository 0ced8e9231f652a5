import type { DossierOutcome } from '../../../shared/contract/decisions';
import {
  DossierStatus,
  EndedBy,
  OutcomeCategory,
  Track,
  outcomeIncomplete,
} from '../../../shared/domain/dossier';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';

/*
 * The dossier changes that decisions and outflow make, with their history rows. Every change bumps the
 * dossier's version, so a dossier form opened before it gets a CONFLICT rather than overwriting it.
 */

export interface DossierRow {
  id: number;
  number: string;
  name: string;
  status: string;
  track: string;
  escalated: number;
  version: number;
  review_date: string | null;
  outcome: string | null;
  outcome_subkind: string | null;
  outcome_detail: string | null;
  ended_by: string | null;
  outflow_date: string | null;
  outcome_ground: string | null;
  outcome_reason: string | null;
  outcome_country: string | null;
}

export function dossierRow(db: Db, id: number): DossierRow {
  const row = db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such dossier');
  return row;
}

export function toOutcome(r: DossierRow): DossierOutcome {
  return {
    id: r.id,
    number: r.number,
    status: DossierStatus.parse(r.status),
    track: Track.parse(r.track),
    escalated: r.escalated === 1,
    version: r.version,
    outcome: OutcomeCategory.safeParse(r.outcome).data ?? null,
    outcomeSubkind: r.outcome_subkind,
    outcomeDetail: r.outcome_detail,
    endedBy: EndedBy.safeParse(r.ended_by).data ?? null,
    outflowDate: r.outflow_date,
    permitGround: r.outcome_ground,
    mobReason: r.outcome_reason,
    country: r.outcome_country,
    outcomeIncomplete: outcomeIncomplete({
      status: DossierStatus.parse(r.status),
      outcome: r.outcome,
      outcomeSubkind: r.outcome_subkind,
      permitGround: r.outcome_ground,
      endedBy: r.ended_by,
      outflowDate: r.outflow_date,
    }),
  };
}

export interface HistoryFacts {
  at: string;
  userId: number;
  reason: string;
  decisionId?: number | null;
}

export function addHistoryRow(
  db: Db,
  dossierId: number,
  field: string,
  from: string | null,
  to: string,
  facts: HistoryFacts,
): void {
  db.prepare(
    `INSERT INTO dossier_history (dossier_id, at, user_id, field, from_value, to_value, reason, decision_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(dossierId, facts.at, facts.userId, field, from, to, facts.reason, facts.decisionId ?? null);
}

type Column = 'status' | 'track' | 'escalated' | 'review_date';

/**
 * Sets the given columns and writes one history row per column that actually changes (track, status,
 * escalated; the review date is kept in history too, as it decides when the dossier returns).
 */
export function changeDossier(
  db: Db,
  dossierId: number,
  changes: Partial<Record<Column, string | number | null>>,
  facts: HistoryFacts,
): void {
  const before = dossierRow(db, dossierId) as unknown as Record<Column, string | number | null>;
  const changed = (Object.keys(changes) as Column[]).filter(
    (c) => changes[c] !== undefined && changes[c] !== before[c],
  );
  if (!changed.length) return;
  for (const c of changed) {
    db.prepare(`UPDATE dossiers SET ${c} = ? WHERE id = ?`).run(changes[c] ?? null, dossierId);
    const to = changes[c];
    addHistoryRow(
      db,
      dossierId,
      c,
      before[c] === null ? null : String(before[c]),
      to === null ? '' : String(to),
      facts,
    );
  }
  db.prepare('UPDATE dossiers SET version = version + 1, updated_at = ? WHERE id = ?').run(
    facts.at,
    dossierId,
  );
}

export function requireDossierVersion(row: DossierRow, expected: number): void {
  if (row.version !== expected)
    throw new AppError('CONFLICT', 'The dossier changed meanwhile', {
      info: { reason: 'stale_dossier', number: row.number, version: row.version },
    });
}

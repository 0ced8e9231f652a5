import type { z } from 'zod';
import type { DossierOutcome, OutflowRecordInput } from '../../../shared/contract/decisions';
import { isFinished, outcomeLabels, outcomeSubkinds, DossierStatus } from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { addHistoryRow, dossierRow, requireDossierVersion, toOutcome } from './dossier';

/*
 * Uitstroom: the dossier leaves with an outcome category (and sub-kind) of the Perspectief evaluation,
 * the permit ground or other detail, who ended the trajectory and the date; its status becomes
 * 'uitgestroomd'. Reopening needs a reason, restores the status it had before and clears the outcome;
 * both steps are in the dossier's history.
 */

type Change<T> = { result: T; audit: AuditFacts };

export function recordOutflow(
  db: Db,
  session: Session,
  input: z.output<typeof OutflowRecordInput>,
  today: string,
  now: string,
): Change<DossierOutcome> {
  const row = dossierRow(db, input.dossierId);
  requireDossierVersion(row, input.expectedVersion);
  if (isFinished(DossierStatus.parse(row.status)))
    throw new AppError('CONFLICT', 'The dossier has left already', {
      info: { reason: 'already_out', number: row.number },
    });
  if (input.date > today)
    throw new AppError('BAD_INPUT', 'Outflow date in the future', {
      fields: [{ path: 'date', code: 'date_in_future', message: 'Outflow date in the future' }],
    });
  db.prepare(
    `UPDATE dossiers SET status = 'uitgestroomd', outcome = ?, outcome_subkind = ?, outcome_detail = ?, ended_by = ?,
       outflow_date = ?, version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(input.outcome, input.subkind, input.detail, input.endedBy, input.date, now, row.id);
  const subkinds: Record<string, string> = outcomeSubkinds[input.outcome];
  const label = [outcomeLabels[input.outcome], input.subkind ? subkinds[input.subkind] : null]
    .filter(Boolean)
    .join(': ');
  addHistoryRow(db, row.id, 'status', row.status, 'uitgestroomd', {
    at: now,
    userId: session.userId,
    reason: `Uitstroom: ${label}`,
  });
  return {
    result: toOutcome(dossierRow(db, row.id)),
    audit: { action: 'dossier.outflow', entity: 'dossiers', ids: [row.id] },
  };
}

export function reopenAfterOutflow(
  db: Db,
  session: Session,
  input: { dossierId: number; expectedVersion: number; reason: string },
  now: string,
): Change<DossierOutcome> {
  const row = dossierRow(db, input.dossierId);
  requireDossierVersion(row, input.expectedVersion);
  if (!isFinished(DossierStatus.parse(row.status)))
    throw new AppError('CONFLICT', 'The dossier is open', {
      info: { reason: 'not_out', number: row.number },
    });
  const before = db
    .prepare(
      `SELECT from_value FROM dossier_history WHERE dossier_id = ? AND field = 'status' AND to_value = ?
        ORDER BY id DESC LIMIT 1`,
    )
    .get(row.id, row.status) as { from_value: string | null } | undefined;
  const parsed = DossierStatus.safeParse(before?.from_value);
  const status = parsed.success && !isFinished(parsed.data) ? parsed.data : 'in_traject';
  db.prepare(
    `UPDATE dossiers SET status = ?, outcome = NULL, outcome_subkind = NULL, outcome_detail = NULL, ended_by = NULL,
       outflow_date = NULL, version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(status, now, row.id);
  addHistoryRow(db, row.id, 'status', row.status, status, {
    at: now,
    userId: session.userId,
    reason: input.reason,
  });
  return {
    result: toOutcome(dossierRow(db, row.id)),
    audit: { action: 'dossier.reopen', entity: 'dossiers', ids: [row.id] },
  };
}

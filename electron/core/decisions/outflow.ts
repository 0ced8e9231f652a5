import type { z } from 'zod';
import type { DossierOutcome, OutflowRecordInput } from '../../../shared/contract/decisions';
import {
  isFinished,
  outcomeIncomplete,
  outcomeLabels,
  outcomeSubkinds,
  scopeOutflow,
  DossierStatus,
} from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { addHistoryRow, dossierRow, requireDossierVersion, toOutcome, type DossierRow } from './dossier';
import { clearOutcome, keepEpisode, statusBefore, writeOutcome } from './outflow-repo';

/*
 * Uitstroom: the only way a dossier becomes 'uitgestroomd' (a plain edit of the status is refused,
 * dossiers/operations.ts). It records the outcome category (and sub-kind) of the Perspectief
 * evaluation, the permit ground, MOB reason or country from the pick-lists, who ended the trajectory
 * and the date. An outcome marked "onvolledig" (migrated or imported without these facts) is completed
 * the same way, without reopening. Reopening needs a reason, restores the status it had before, and
 * keeps the outcome as an earlier episode (dossier_episodes) so both facts stay countable.
 */

type Change<T> = { result: T; audit: AuditFacts };

const incomplete = (row: DossierRow): boolean =>
  outcomeIncomplete({
    status: DossierStatus.parse(row.status),
    outcome: row.outcome,
    outcomeSubkind: row.outcome_subkind,
    permitGround: row.outcome_ground,
    endedBy: row.ended_by,
    outflowDate: row.outflow_date,
  });

export function recordOutflow(
  db: Db,
  session: Session,
  raw: z.output<typeof OutflowRecordInput>,
  today: string,
  now: string,
): Change<DossierOutcome> {
  const input = scopeOutflow(raw);
  const row = dossierRow(db, input.dossierId);
  requireDossierVersion(row, input.expectedVersion);
  const status = DossierStatus.parse(row.status);
  const completing = isFinished(status) && incomplete(row);
  if (isFinished(status) && !completing)
    throw new AppError('CONFLICT', 'The dossier has left already', {
      info: { reason: 'already_out', number: row.number },
    });
  if (input.date > today)
    throw new AppError('BAD_INPUT', 'Outflow date in the future', {
      fields: [{ path: 'date', code: 'date_in_future', message: 'Outflow date in the future' }],
    });
  // Completing keeps a closed dossier closed; otherwise the dossier leaves now.
  const nextStatus = completing ? status : 'uitgestroomd';
  writeOutcome(db, row.id, { ...input, status: nextStatus }, now);
  const subkinds: Record<string, string> = outcomeSubkinds[input.outcome];
  const label = [outcomeLabels[input.outcome], input.subkind ? subkinds[input.subkind] : null]
    .filter(Boolean)
    .join(': ');
  if (completing)
    addHistoryRow(db, row.id, 'outcome', row.outcome, input.outcome, {
      at: now,
      userId: session.userId,
      reason: `Uitstroom aangevuld: ${label}`,
    });
  else
    addHistoryRow(db, row.id, 'status', row.status, 'uitgestroomd', {
      at: now,
      userId: session.userId,
      reason: `Uitstroom: ${label}`,
    });
  return {
    result: toOutcome(dossierRow(db, row.id)),
    audit: {
      action: completing ? 'dossier.outflow.complete' : 'dossier.outflow',
      entity: 'dossiers',
      ids: [row.id],
    },
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
  const parsed = DossierStatus.safeParse(statusBefore(db, row.id, row.status));
  const status = parsed.success && !isFinished(parsed.data) ? parsed.data : 'in_traject';
  keepEpisode(db, row, { at: now, userId: session.userId, reason: input.reason });
  clearOutcome(db, row.id, status, now);
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

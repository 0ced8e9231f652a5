import type { z } from 'zod';
import type {
  Action,
  ActionCreateInput,
  ActionFilter,
  ActionReviewInput,
} from '../../../shared/contract/actions';
import { ActionStatus } from '../../../shared/domain/agenda';
import { pseudonym } from '../../../shared/domain/dossier';
import { AppError } from '../../../shared/errors';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { decisionRow } from '../decisions/repo';
import { loadDossierItem, organisationName, requireOpenMeeting } from '../positions/item';

interface ActionRow {
  id: number;
  dossier_id: number | null;
  dossier_number: string | null;
  dossier_name: string | null;
  decision_id: number | null;
  decision_number: string | null;
  meeting_id: number | null;
  what: string;
  organisation_id: number;
  organisation_name: string;
  person: string | null;
  due_date: string;
  status: string;
  postponements: number;
  reason: string | null;
  reviewed_in: number | null;
  created_at: string;
  version: number;
}

const select = `SELECT a.*, d.number AS dossier_number, d.name AS dossier_name, dc.number AS decision_number,
    o.name AS organisation_name
  FROM actions a JOIN organisations o ON o.id = a.organisation_id
  LEFT JOIN dossiers d ON d.id = a.dossier_id LEFT JOIN decisions dc ON dc.id = a.decision_id`;

const toAction = (r: ActionRow, today: string): Action => {
  const status = ActionStatus.parse(r.status);
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierLabel: r.dossier_number === null ? null : pseudonym(r.dossier_number, r.dossier_name ?? ''),
    decisionId: r.decision_id,
    decisionNumber: r.decision_number,
    meetingId: r.meeting_id,
    what: r.what,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    person: r.person,
    dueDate: r.due_date,
    status,
    postponements: r.postponements,
    reason: r.reason,
    reviewedIn: r.reviewed_in,
    createdAt: r.created_at,
    version: r.version,
    overdue: status === 'open' && r.due_date < today,
  };
};

export function getAction(db: Db, id: number, today: string): Action {
  const row = db.prepare(`${select} WHERE a.id = ?`).get(id) as ActionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such action');
  return toAction(row, today);
}

export function listActions(
  db: Db,
  f: { filter: ActionFilter; dossierId?: number; organisationId?: number },
  today: string,
): Action[] {
  const rows = db
    .prepare(
      `${select} WHERE (@org IS NULL OR a.organisation_id = @org) AND (@dossier IS NULL OR a.dossier_id = @dossier)
         AND (@filter = 'all' OR (a.status = 'open' AND (@filter = 'open' OR a.due_date < @today)))
       ORDER BY a.status <> 'open', a.due_date, a.id`,
    )
    .all({
      org: f.organisationId ?? null,
      dossier: f.dossierId ?? null,
      filter: f.filter,
      today,
    }) as ActionRow[];
  return rows.map((r) => toAction(r, today));
}

/**
 * The actions shown at an item: the dossier's open ones and everything agreed or reviewed at this
 * meeting; of one organisation only when `organisationId` is given (a participant's scope, the same
 * as their `actions.list`: see `actionsScope`).
 */
export function actionsForItem(
  db: Db,
  dossierId: number,
  itemMeetingId: number,
  organisationId: number | null,
  today: string,
): Action[] {
  const rows = db
    .prepare(
      `${select} WHERE a.dossier_id = @dossier AND (@org IS NULL OR a.organisation_id = @org)
         AND (a.status = 'open' OR a.meeting_id = @meeting OR a.reviewed_in = @meeting)
       ORDER BY a.due_date, a.id`,
    )
    .all({ dossier: dossierId, org: organisationId, meeting: itemMeetingId }) as ActionRow[];
  return rows.map((r) => toAction(r, today));
}

type Change<T> = { result: T; audit: AuditFacts };

export function createAction(
  db: Db,
  input: z.output<typeof ActionCreateInput>,
  today: string,
  now: string,
): Change<Action> {
  const item = loadDossierItem(db, input.itemId);
  // What a closed meeting agreed is on record as it was (issue 11): no actions are added to it after.
  requireOpenMeeting(item);
  organisationName(db, input.organisationId);
  // An action due before today would be overdue the moment it is agreed: almost always a typo.
  if (input.dueDate < today)
    throw new AppError('BAD_INPUT', 'Due date in the past', {
      fields: [{ path: 'dueDate', code: 'due_in_past', message: 'Due date lies in the past' }],
    });
  if (input.decisionId !== null && decisionRow(db, input.decisionId).dossier_id !== item.dossierId)
    throw new AppError('BAD_INPUT', 'Decision of another dossier', {
      fields: [{ path: 'decisionId', code: 'other_dossier', message: 'Decision of another dossier' }],
    });
  const id = Number(
    db
      .prepare(
        `INSERT INTO actions (dossier_id, decision_id, meeting_id, what, organisation_id, person, due_date, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.dossierId,
        input.decisionId,
        item.meetingId,
        input.what,
        input.organisationId,
        input.person,
        input.dueDate,
        now,
      ).lastInsertRowid,
  );
  return {
    result: getAction(db, id, today),
    audit: { action: 'action.create', entity: 'actions', ids: [id] },
  };
}

/**
 * done / postponed / lapsed / not done. A postponed action stays open with a later due date and one more
 * postponement; the other outcomes close it. Only open actions are reviewed.
 */
export function reviewAction(
  db: Db,
  input: z.output<typeof ActionReviewInput>,
  today: string,
): Change<Action> {
  const current = getAction(db, input.actionId, today);
  if (current.version !== input.expectedVersion)
    throw new AppError('CONFLICT', 'The action changed meanwhile', { info: { reason: 'stale_action' } });
  if (current.status !== 'open')
    throw new AppError('CONFLICT', 'The action is closed', { info: { reason: 'action_closed' } });
  if (input.meetingId !== null && !db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(input.meetingId))
    throw new AppError('NOT_FOUND', 'No such meeting');
  if (input.outcome === 'uitgesteld') {
    if (input.newDueDate! <= current.dueDate)
      throw new AppError('BAD_INPUT', 'New due date not later', {
        fields: [{ path: 'newDueDate', code: 'due_not_later', message: 'New due date must be later' }],
      });
    db.prepare(
      `UPDATE actions SET due_date = ?, postponements = postponements + 1, reason = ?, reviewed_in = ?, version = version + 1
        WHERE id = ?`,
    ).run(input.newDueDate, input.reason, input.meetingId, current.id);
  } else {
    db.prepare(
      'UPDATE actions SET status = ?, reason = ?, reviewed_in = ?, version = version + 1 WHERE id = ?',
    ).run(input.outcome, input.reason, input.meetingId, current.id);
  }
  return {
    result: getAction(db, current.id, today),
    audit: { action: `action.${input.outcome}`, entity: 'actions', ids: [current.id] },
  };
}

import type { ItemWork } from '../../../shared/contract/items';
import type { Session } from '../../../shared/domain/roles';
import { actionsScope, can } from '../../../shared/domain/permissions';
import { AppError } from '../../../shared/errors';
import { actionsForItem } from '../actions/repo';
import type { Db } from '../db/open';
import { dossierRow, toOutcome } from '../decisions/dossier';
import {
  decisionForItem,
  escalationBodies,
  escalationBody,
  escalationsOf,
  pendingConfirmation,
} from '../decisions/repo';
import { canSpeakFor } from './access';
import { CLOSED_MEETING_STATE, loadItem, participants } from './item';
import { changedFields, draftsFor, positionPair } from './repo';

/** Everything the work panel of one agenda item shows, read in one go. */
export function itemWork(
  db: Db,
  session: Session,
  meetingId: number,
  itemId: number,
  today: string,
): ItemWork {
  const item = loadItem(db, itemId);
  if (item.meetingId !== meetingId) throw new AppError('NOT_FOUND', 'Item is not on this meeting');
  const table = participants(db, meetingId);
  const drafts = draftsFor(db, session.userId, itemId);
  const dossier = item.dossierId === null ? null : dossierRow(db, item.dossierId);
  const organisations = db
    .prepare('SELECT id, name FROM organisations WHERE active = 1 ORDER BY sort_order, id')
    .all() as {
    id: number;
    name: string;
  }[];
  const speakFor = table.filter((p) => canSpeakFor(session, p.organisationId)).map((p) => p.organisationId);
  const pending = dossier ? pendingConfirmation(db, dossier.id) : null;
  const confirmFor = (pending?.evaluation.missingRequired ?? [])
    .flatMap((m) => m.organisationIds)
    .filter((id) => canSpeakFor(session, id));
  return {
    meeting: {
      id: meetingId,
      date: item.meetingDate,
      state: item.meetingState,
      closed: item.meetingState === CLOSED_MEETING_STATE,
    },
    item: { id: item.id, kind: item.kind, status: item.status, title: item.title },
    dossier: dossier ? { ...toOutcome(dossier), name: dossier.name } : null,
    participants: table.map((p) => {
      const pair =
        dossier === null
          ? { current: null, previous: null, latestVersion: 0 }
          : positionPair(db, dossier.id, p.organisationId, itemId);
      return {
        ...p,
        ...pair,
        changed: changedFields(pair.previous, pair.current),
        draft: drafts.get(p.organisationId) ?? null,
      };
    }),
    decision: decisionForItem(db, itemId),
    pendingConfirmation: pending,
    escalations: dossier ? escalationsOf(db, dossier.id) : [],
    actions: dossier ? actionsForItem(db, dossier.id, meetingId, actionsScope(session), today) : [],
    organisations,
    escalationBody: escalationBody(db),
    escalationBodies: escalationBodies(db),
    permissions: {
      recordFor: speakFor,
      consentFor: speakFor,
      confirmFor,
      writeDecision: can(session, 'decisions.write'),
      decide: can(session, 'decisions.settle'),
      manageActions: can(session, 'actions.manage'),
      outflow: can(session, 'dossiers.outflow'),
    },
  };
}

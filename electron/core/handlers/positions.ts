import type { Handlers } from '../../../shared/contract/index';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { authoriseSpeakFor } from '../positions/access';
import { loadDossierItem, loadItem, requireOpenMeeting, requireParticipant } from '../positions/item';
import {
  deleteDraft,
  getPosition,
  insertPosition,
  latestVersion,
  positionHistory,
  saveDraft,
} from '../positions/repo';
import { itemWork } from '../positions/work';
import { AppError } from '../../../shared/errors';

type PositionHandlers = Pick<
  Handlers,
  'positions.record' | 'positions.history' | 'positions.saveDraft' | 'positions.discardDraft' | 'items.work'
>;

export function positionHandlers(ctx: CoreContext): PositionHandlers {
  return {
    'positions.record': (input, { session }) => {
      const s = requireSession(session);
      const { onBehalf } = authoriseSpeakFor(s, input.organisationId);
      return writeAudited(ctx, s, (db) => {
        const item = loadDossierItem(db, input.itemId);
        requireOpenMeeting(item);
        requireParticipant(db, item.meetingId, input.organisationId);
        const latest = latestVersion(db, item.dossierId, input.organisationId);
        if (latest !== input.expectedVersion) {
          const newer = positionHistory(db, item.dossierId, input.organisationId)[0]!;
          throw new AppError('CONFLICT', 'A newer position was recorded meanwhile', {
            info: {
              reason: 'stale_position',
              version: newer.version,
              organisation: newer.organisationName,
              recordedBy: newer.recordedByName,
              recordedAt: newer.recordedAt,
            },
          });
        }
        const id = insertPosition(db, {
          ...input,
          dossierId: item.dossierId,
          version: latest + 1,
          recordedBy: s.userId,
          onBehalf,
          recordedAt: ctx.nowIso(),
        });
        deleteDraft(db, s.userId, item.id, input.organisationId);
        return {
          result: getPosition(db, id),
          audit: { action: 'position.record', entity: 'positions', ids: [id] },
        };
      });
    },

    'positions.history': ({ dossierId, organisationId }) =>
      positionHistory(ctx.vault.database(), dossierId, organisationId),

    'positions.saveDraft': (input, { session }) => {
      const s = requireSession(session);
      authoriseSpeakFor(s, input.organisationId);
      const at = ctx.nowIso();
      return writeAudited(ctx, s, (db) => {
        // A draft for a closed meeting could never be recorded: refused like the position itself.
        requireOpenMeeting(loadDossierItem(db, input.itemId));
        saveDraft(db, { userId: s.userId, ...input, at });
        return {
          result: { savedAt: at },
          audit: {
            action: 'position.draft',
            entity: 'position_drafts',
            ids: [input.itemId, input.organisationId],
          },
        };
      });
    },

    'positions.discardDraft': (input, { session }) => {
      const s = requireSession(session);
      authoriseSpeakFor(s, input.organisationId);
      return writeAudited(ctx, s, (db) => {
        loadItem(db, input.itemId);
        deleteDraft(db, s.userId, input.itemId, input.organisationId);
        return {
          result: { done: true as const },
          audit: {
            action: 'position.draft_discard',
            entity: 'position_drafts',
            ids: [input.itemId, input.organisationId],
          },
        };
      });
    },

    'items.work': ({ meetingId, itemId }, { session }) =>
      itemWork(ctx.vault.database(), requireSession(session), meetingId, itemId, ctx.today()),
  };
}

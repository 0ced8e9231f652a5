import type { Handlers } from '../../../shared/contract/index';
import { actionsScope } from '../../../shared/domain/permissions';
import { AppError } from '../../../shared/errors';
import { createAction, listActions, reviewAction } from '../actions/repo';
import { requireSession, writeAudited, type CoreContext } from '../context';

type ActionHandlers = Pick<Handlers, 'actions.create' | 'actions.review' | 'actions.list'>;

export function actionHandlers(ctx: CoreContext): ActionHandlers {
  return {
    'actions.create': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (db) => createAction(db, input, ctx.today(), ctx.nowIso())),
    'actions.review': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (db) => reviewAction(db, input, ctx.today())),
    'actions.list': (input, { session }) => {
      const s = requireSession(session);
      const organisationId = input.organisationId ?? s.organisationId;
      // Another organisation's list is for those who run the meeting; a participant sees their own.
      const scope = actionsScope(s);
      if (scope !== null && organisationId !== scope)
        throw new AppError('FORBIDDEN', "Only the chair and secretary see other organisations' actions", {
          info: { reason: 'own_actions_only' },
        });
      return {
        organisationId,
        actions: listActions(ctx.vault.database(), { ...input, organisationId }, ctx.today()),
      };
    },
  };
}

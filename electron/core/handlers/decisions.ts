import type { Handlers } from '../../../shared/contract/index';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { getSetting, setSetting } from '../settings/settings';
import {
  confirmDecision,
  recordConsent,
  reopenDecision,
  returnEscalation,
  saveDecision,
  settleDecision,
} from '../decisions/operations';
import { recordOutflow, reopenAfterOutflow } from '../decisions/outflow';
import { listDecisions } from '../decisions/repo';

type DecisionHandlers = Pick<
  Handlers,
  | 'decisions.save'
  | 'decisions.consent'
  | 'decisions.settle'
  | 'decisions.reopen'
  | 'decisions.list'
  | 'decisions.confirm'
  | 'decisions.requiredParties.get'
  | 'decisions.requiredParties.update'
  | 'escalations.return'
  | 'outflow.record'
  | 'outflow.reopen'
>;

export function decisionHandlers(ctx: CoreContext): DecisionHandlers {
  return {
    'decisions.save': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (db) => saveDecision(db, input)),
    'decisions.consent': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => recordConsent(db, s, input, ctx.nowIso()));
    },
    'decisions.settle': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => settleDecision(db, s, input, ctx.nowIso()));
    },
    'decisions.reopen': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => reopenDecision(db, s, input, ctx.nowIso()));
    },
    'decisions.list': (input) => listDecisions(ctx.vault.database(), input),
    'decisions.confirm': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => confirmDecision(db, s, input, ctx.nowIso()));
    },
    'decisions.requiredParties.get': () => getSetting(ctx.vault.database(), 'required_parties'),
    'decisions.requiredParties.update': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (db) => {
        setSetting(db, 'required_parties', input);
        return {
          result: getSetting(db, 'required_parties'),
          audit: { action: 'settings.required_parties', entity: 'meta', ids: [] },
        };
      }),
    'escalations.return': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => returnEscalation(db, s, input, ctx.nowIso()));
    },
    'outflow.record': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => recordOutflow(db, s, input, ctx.today(), ctx.nowIso()));
    },
    'outflow.reopen': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (db) => reopenAfterOutflow(db, s, input, ctx.nowIso()));
    },
  };
}

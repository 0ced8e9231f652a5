import type { Handlers } from '../../../shared/contract/index';
import { requireSession, writeAudited, type CoreContext } from '../context';
import {
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

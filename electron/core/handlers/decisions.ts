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
import { escalationBodies, listDecisions, listEscalations } from '../decisions/repo';

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
  | 'escalations.list'
  | 'escalations.bodies'
  | 'escalations.setBodies'
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
      return writeAudited(ctx, s, (db) => returnEscalation(db, s, input, ctx.today(), ctx.nowIso()));
    },
    'escalations.list': ({ open }) => listEscalations(ctx.vault.database(), open),
    'escalations.bodies': () => escalationBodies(ctx.vault.database()),
    'escalations.setBodies': ({ bodies }, { session }) =>
      writeAudited(ctx, requireSession(session), (db) => {
        // The first is the default body offered (and the one older callers escalate to).
        setSetting(db, 'escalation_body', bodies[0]!);
        setSetting(db, 'escalation_bodies', [...new Set(bodies)]);
        return {
          result: escalationBodies(db),
          audit: { action: 'settings.escalation_bodies', entity: 'meta', ids: [] },
        };
      }),
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

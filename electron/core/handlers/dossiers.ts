import type { Handlers } from '../../../shared/contract/index';
import { filterDossiers, indexRows } from '../../../shared/contract/dossiers';
import { normaliseVNumber, vNumberIssue } from '../../../shared/domain/dossier';
import { requireSession, writeAudited, type CoreContext } from '../context';
import {
  addProcedure,
  changeProcedure,
  changeSpecial,
  createDossier,
  detailOf,
  updateDossier,
  viewSpecial,
} from '../dossiers/operations';
import { dossierWithVNumber, listRows } from '../dossiers/repo';
import { getSetting } from '../settings/settings';

type DossierHandlers = Pick<
  Handlers,
  | 'dossiers.list'
  | 'dossiers.get'
  | 'dossiers.create'
  | 'dossiers.update'
  | 'dossiers.checkVNumber'
  | 'dossiers.special.get'
  | 'dossiers.special.update'
  | 'dossiers.procedures.add'
  | 'dossiers.procedures.update'
>;

export function dossierHandlers(ctx: CoreContext): DossierHandlers {
  const db = () => ctx.vault.database();

  return {
    'dossiers.list': (query) => {
      const today = ctx.today();
      const rows = listRows(db());
      const filtered = filterDossiers(indexRows(rows), query, today).map(({ haystack: _, ...r }) => r);
      return { rows: filtered, today, termMonths: getSetting(db(), 'term_months') };
    },

    'dossiers.get': ({ id }, { session }) => detailOf(db(), requireSession(session), id),

    'dossiers.create': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (d) => createDossier(d, s, input, ctx.today(), ctx.nowIso()));
    },

    'dossiers.update': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (d) => updateDossier(d, s, input, ctx.today(), ctx.nowIso()));
    },

    'dossiers.checkVNumber': ({ vNumber, exceptId }) => {
      const issue = vNumberIssue(vNumber);
      return {
        issue,
        existing: issue ? null : dossierWithVNumber(db(), normaliseVNumber(vNumber), exceptId ?? null),
      };
    },

    'dossiers.special.get': ({ id }, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (d) => viewSpecial(d, s, id));
    },

    'dossiers.special.update': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (d) => changeSpecial(d, s, input));
    },

    'dossiers.procedures.add': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (d) => addProcedure(d, input)),

    'dossiers.procedures.update': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (d) => changeProcedure(d, input)),
  };
}

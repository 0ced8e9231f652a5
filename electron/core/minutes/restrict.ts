import { AppError } from '../../../shared/errors';
import type { Action, MinutesItem, MinutesModel } from './model';

/**
 * The extract for one organisation: the same minutes, limited to what that organisation may receive.
 *
 * Choice: it keeps the attendance (the organisation sat at the same table), the procedural items,
 * every decision's number, text, direction and outcome (the table's shared result, which binds each
 * party), and only the organisation's *own* positions, consents and actions. Other parties' positions
 * and reasons stay out, because they carry those parties' information. Dossier items in which the
 * organisation gave no position, consent or action are left out entirely. The signature page goes:
 * an extract is a different document from the one that was signed.
 */
export function restrictToOrganisation(model: MinutesModel, organisation: string): MinutesModel {
  const own = (a: { organisation: string }): boolean => a.organisation === organisation;
  const items = model.items.flatMap((item): MinutesItem[] => {
    const decision = item.decision
      ? { ...item.decision, consents: item.decision.consents.filter(own) }
      : null;
    const actions = item.actions.filter(own);
    if (item.kind === 'procedural') return [{ ...item, decision, actions }];
    const positions = item.positions.filter(own);
    const involved = positions.length > 0 || actions.length > 0 || (decision?.consents.length ?? 0) > 0;
    return involved ? [{ ...item, positions, decision, actions }] : [];
  });
  return {
    ...model,
    items,
    earlierOpenActions: model.earlierOpenActions.filter(own),
    signaturePage: null,
    extract: { organisation, dossierNumber: model.extract?.dossierNumber ?? null },
  };
}

/**
 * The extract of a single dossier, to file in a case file: its own item and earlier actions only, no
 * procedural items. Compose with `restrictToOrganisation` for one organisation's copy.
 */
export function restrictToDossier(model: MinutesModel, dossierNumber: string): MinutesModel {
  const items = model.items.filter(
    (item) => item.kind === 'dossier' && item.dossier.number === dossierNumber,
  );
  if (items.length === 0) {
    throw new AppError('NOT_FOUND', 'Dossier is not in these minutes', { info: { dossierNumber } });
  }
  const forDossier = (a: Action & { dossier: { number: string } | null }): boolean =>
    a.dossier?.number === dossierNumber;
  return {
    ...model,
    items,
    earlierOpenActions: model.earlierOpenActions.filter(forDossier),
    signaturePage: null,
    extract: { organisation: model.extract?.organisation ?? null, dossierNumber },
  };
}

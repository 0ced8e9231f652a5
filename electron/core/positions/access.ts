import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';

/*
 * Who may speak for an organisation (positions, drafts and consents alike):
 * - a deelnemer, for their own organisation only;
 * - the notulist (secretary), for any organisation — then it is marked as recorded on behalf.
 * Nobody else: a voorzitter or casemanager speaks for their organisation only when they are also its
 * deelnemer. One rule for every method, so no method can be a side door.
 */

export function canSpeakFor(session: Session, organisationId: number): boolean {
  return speaksAsMember(session, organisationId) || session.roles.includes('notulist');
}

function speaksAsMember(session: Session, organisationId: number): boolean {
  return session.roles.includes('deelnemer') && session.organisationId === organisationId;
}

/** Throws FORBIDDEN unless the user may speak for the organisation; returns whether it is on behalf. */
export function authoriseSpeakFor(session: Session, organisationId: number): { onBehalf: boolean } {
  if (!canSpeakFor(session, organisationId))
    throw new AppError('FORBIDDEN', 'You may only record for your own organisation', {
      info: { reason: 'other_organisation' },
    });
  return { onBehalf: !speaksAsMember(session, organisationId) };
}

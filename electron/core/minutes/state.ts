import { AppError } from '../../../shared/errors';
import type { MinutesState } from './model';

/**
 * The life of one version of the minutes:
 *   concept → correctieronde → vastgesteld → ondertekend
 * A change after adoption never edits the adopted version: `newVersion` starts the next version as a
 * concept, and the signatures stay with the version they were made over.
 */
export type MinutesEvent = 'startCorrections' | 'adopt' | 'sign' | 'newVersion';

const allowed: Record<MinutesEvent, readonly MinutesState[]> = {
  startCorrections: ['concept'],
  // Adoption follows a correction round, however short: every party had the chance to correct.
  adopt: ['correctieronde'],
  sign: ['vastgesteld'],
  newVersion: ['vastgesteld', 'ondertekend'],
};

export function canApply(state: MinutesState, event: MinutesEvent): boolean {
  return allowed[event].includes(state);
}

/** Throws CONFLICT (with the current state for the UI) when the event does not fit the state. */
export function requireState(state: MinutesState, event: MinutesEvent): void {
  if (!canApply(state, event)) {
    throw new AppError('CONFLICT', `Minutes in state ${state} cannot ${event}`, {
      info: { reason: 'minutes_state', state, event },
    });
  }
}

/** The state after an event; `sign` reaches ondertekend only with both signatures. */
export function stateAfter(event: MinutesEvent, signatures = 0): MinutesState {
  switch (event) {
    case 'startCorrections':
      return 'correctieronde';
    case 'adopt':
      return 'vastgesteld';
    case 'sign':
      return signatures >= 2 ? 'ondertekend' : 'vastgesteld';
    case 'newVersion':
      return 'concept';
  }
}

import type { MinutesState } from '../../../../shared/contract/minutes';

/** The NL Design System status badge for each state of the minutes: still open, adopted, signed. */
export const minutesStatus: Record<MinutesState, 'warning' | 'active' | 'success'> = {
  concept: 'warning',
  correctieronde: 'warning',
  vastgesteld: 'active',
  ondertekend: 'success',
};

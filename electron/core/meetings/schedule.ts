import { addDays, addMonths, type IsoDate } from '../../../shared/domain/dates';
import type { Cadence } from '../../../shared/domain/environment';

/** The meeting after `date` on the city's cadence. */
export function nextOnCadence(date: IsoDate, cadence: Cadence): IsoDate {
  switch (cadence) {
    case 'wekelijks':
      return addDays(date, 7);
    case 'tweewekelijks':
      return addDays(date, 14);
    case 'maandelijks':
      return addMonths(date, 1);
  }
}

/**
 * The date to propose for a new meeting: the first date on the cadence after the latest meeting that
 * is not before today (meetings keep their weekday); today when there is no meeting yet.
 */
export function suggestMeetingDate(latest: IsoDate | null, cadence: Cadence, today: IsoDate): IsoDate {
  if (latest === null) return today;
  let next = nextOnCadence(latest, cadence);
  while (next < today) next = nextOnCadence(next, cadence);
  return next;
}

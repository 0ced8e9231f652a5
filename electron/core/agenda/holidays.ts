import Holidays from 'date-holidays';
import { cutoffFor, DEFAULT_TIME_ZONE, type CutoffRule } from '../../../shared/domain/agenda';
import type { IsoDate } from '../../../shared/domain/dates';

/*
 * Dutch public holidays for the agenda's cut-off, from date-holidays (maintained, with the Dutch
 * calendar: Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst). Only the days it marks
 * "public" count: Goede Vrijdag and Bevrijdingsdag are working days for most gemeenten (date-holidays
 * marks them "school"), so a cut-off may fall on them. Computed per year, once.
 */

let calendar: Holidays | undefined;
const byYear = new Map<number, IsoDate[]>();

export function dutchPublicHolidays(year: number): IsoDate[] {
  let days = byYear.get(year);
  if (!days) {
    calendar ??= new Holidays('NL');
    days = calendar
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    byYear.set(year, days);
  }
  return days;
}

/** The holidays that can lie between a meeting and its cut-off (at most a few weeks back). */
export function holidaysAround(date: IsoDate): IsoDate[] {
  const year = Number(date.slice(0, 4));
  return [...dutchPublicHolidays(year - 1), ...dutchPublicHolidays(year)];
}

/** The cut-off of a meeting on `date`: working days before it, Dutch public holidays skipped. */
export function cutoffWithHolidays(date: IsoDate, rule: Omit<CutoffRule, 'timeZone'>): string {
  return cutoffFor(date, { ...rule, timeZone: DEFAULT_TIME_ZONE }, new Set(holidaysAround(date)));
}

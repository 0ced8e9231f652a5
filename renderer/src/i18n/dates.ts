import { useMemo } from 'react';
import { localDate } from '../../../shared/domain/dates';
import { useLocale, type Locale } from './index';

/*
 * Every date and time the UI shows goes through here, so the two languages and all screens agree:
 * - `date`: a calendar date in words, for headings and sentences ("23 november 2026" / "23 November 2026");
 * - `short`: the numeric form for table columns ("23-11-2026" / "23/11/2026");
 * - `moment`: an instant as the city's local date and time ("23 november 2026, 10:32");
 * - `time`: an instant's local time ("10:32").
 * Instants are shown in the city's time zone, whatever the computer's zone is.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

const tags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

// Creating an Intl.DateTimeFormat is costly compared with using one: keep one per locale and form.
const cache = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, form: 'long' | 'short' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${form}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      tags[locale],
      form === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : form === 'short'
          ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
          : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
    );
    cache.set(key, f);
  }
  return f;
}

// Calendar dates (YYYY-MM-DD) are formatted as UTC midnight, so no time zone can shift the day.
const asUtc = (date: string): Date => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** "2026-11-23" → "23 november 2026" / "23 November 2026". */
export const formatDate = (date: string, locale: Locale): string =>
  format(locale, 'long').format(asUtc(date));

/** "2026-11-23" → "23-11-2026" / "23/11/2026". */
export const formatShortDate = (date: string, locale: Locale): string =>
  format(locale, 'short').format(asUtc(date));

/** An instant's local time: "10:32". */
export const formatTime = (instant: string, locale: Locale): string =>
  format(locale, 'time').format(new Date(instant));

/** An instant as local date and time: "23 november 2026, 10:32". */
export const formatMoment = (instant: string, locale: Locale): string =>
  `${formatDate(localDate(instant, TIME_ZONE), locale)}, ${formatTime(instant, locale)}`;

/** An instant's local calendar date in words: "23 november 2026". */
export const formatDay = (instant: string, locale: Locale): string =>
  formatDate(localDate(instant, TIME_ZONE), locale);

export interface Dates {
  /** A calendar date in words. */
  date(d: string): string;
  /** A calendar date for a table column. */
  short(d: string): string;
  /** An instant as date and time. */
  moment(i: string): string;
  /** An instant's calendar date in words. */
  day(i: string): string;
  /** An instant's time. */
  time(i: string): string;
}

export function datesFor(locale: Locale): Dates {
  return {
    date: (d) => formatDate(d, locale),
    short: (d) => formatShortDate(d, locale),
    moment: (i) => formatMoment(i, locale),
    day: (i) => formatDay(i, locale),
    time: (i) => formatTime(i, locale),
  };
}

/** The date formatters for the UI's language (stable per language). */
export function useDates(): Dates {
  const locale = useLocale((s) => s.locale);
  return useMemo(() => datesFor(locale), [locale]);
}

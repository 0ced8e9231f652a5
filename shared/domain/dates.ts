import { z } from 'zod';

/**
 * Calendar dates are ISO strings `YYYY-MM-DD` (as stored), instants ISO 8601 strings in UTC.
 * Two ISO dates compare correctly as strings, so the rules compare them with `<` and `>` directly.
 * Arithmetic happens in UTC on the calendar date only, so no local time zone can shift a day.
 */
export type IsoDate = string;

export type DateIssue = 'date_format' | 'date_impossible' | 'date_too_early' | 'date_too_late';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a string is not a calendar date we accept, or null when it is one. 2026-02-30 is
 * 'date_impossible'; a real date before 1900 or after 2199 is out of the range the app takes (a typo
 * such as 1850 for 1985 is far likelier than a person born then), and says so rather than "does not exist".
 */
export function dateIssue(s: string): DateIssue | null {
  const m = datePattern.exec(s);
  if (!m) return 'date_format';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y === 0) return 'date_impossible';
  if (y < 1900) return 'date_too_early';
  if (y > 2199) return 'date_too_late';
  return null;
}

export const isIsoDate = (s: string): boolean => dateIssue(s) === null;

const dutchPattern = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * A date as people in the Netherlands type it — 7-12-2026, 07-12-2026, 7/12/2026, 7.12.2026 (day
 * first) — or ISO 2026-12-07, as the ISO string; null when it is neither shape. Whether that date
 * exists is dateIssue's question, so 31-2-2026 gives '2026-02-31' and is refused as impossible there.
 */
export function parseDutchDate(input: string): IsoDate | null {
  const s = input.trim();
  if (datePattern.test(s)) return s;
  const m = dutchPattern.exec(s);
  if (!m) return null;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** zod schema for a calendar date; its issue message is the stable code (a DateIssue). */
export const IsoDate = z.string().superRefine((s, ctx) => {
  const issue = dateIssue(s);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds calendar months, clamping to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

const monthsNl = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2026-03-05" → "5 maart 2026". Hand-written so labels do not depend on the runtime's ICU data. */
export function formatDateNl(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${monthsNl[m - 1] ?? '?'} ${y}`;
}

// Creating an Intl.DateTimeFormat costs about a millisecond; keep one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The offset (ms) of a time zone from UTC at a given instant, via Intl (works in Node and browsers). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local wall-clock time (`HH:MM`) on a date in a time zone, e.g. 12:00 in
 * Europe/Amsterdam on 2026-03-09 → "2026-03-09T11:00:00.000Z" (winter), "…T10:00…" in summer.
 * The offset is re-checked at the result, so days on which the clocks change come out right.
 */
export function zonedTimeToInstant(date: IsoDate, time: string, timeZone: string): string {
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = toUtc(date).getTime() + (h * 60 + mi) * 60_000;
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The local calendar date of an instant in a time zone. */
export function localDate(instant: string, timeZone: string): IsoDate {
  const t = Date.parse(instant);
  return fromUtc(new Date(t + zoneOffsetMs(t, timeZone)));
}

const isCanonical = (s: string) =>
  s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84; /* T */

/**
 * Whether instant `a` is strictly after instant `b`. Instants in the canonical form of
 * Date.toISOString() (24 characters, UTC, as stored) compare as strings, which is much faster than
 * parsing thousands of them; any other form is parsed. An unparseable instant is never after.
 */
export function isAfterInstant(a: string, b: string): boolean {
  if (isCanonical(a) && isCanonical(b)) return a > b;
  return Date.parse(a) > Date.parse(b);
}

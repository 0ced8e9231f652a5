import type { AgendaReason } from '../../../../shared/domain/agenda';
import { formatDateNl, localDate } from '../../../../shared/domain/dates';
import { ApiError } from '../../../../shared/errors';
import { errorText } from '../../errors';
import { isMessageKey, useLocale, type T } from '../../i18n';

const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar date in the UI's language: "17 november 2026" / "17 November 2026". */
export function formatDate(date: string, locale: 'nl' | 'en'): string {
  if (locale === 'nl') return formatDateNl(date);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant as the city's local date and time: "22 november 2026, 12:00". */
export function formatMoment(instant: string, locale: 'nl' | 'en'): string {
  const time = new Intl.DateTimeFormat('nl-NL', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${formatDate(localDate(instant, TIME_ZONE), locale)}, ${time}`;
}

export function useDates() {
  const locale = useLocale((s) => s.locale);
  return {
    date: (d: string) => formatDate(d, locale),
    moment: (i: string) => formatMoment(i, locale),
    day: (i: string) => formatDate(localDate(i, TIME_ZONE), locale),
  };
}

/** Why an item is on the agenda, in the UI's language ("doorgeschoven van 17 november 2026"). */
export function reasonText(
  r: AgendaReason,
  t: T,
  dates: ReturnType<typeof useDates>,
  orgName: (id: number) => string,
): string {
  switch (r.code) {
    case 'carried_over':
      return r.count > 1
        ? t('reason.carried_over.times', { date: dates.date(r.from), n: r.count })
        : t('reason.carried_over', { date: dates.date(r.from) });
    case 'held':
      return t('reason.held', { date: dates.date(r.on) });
    case 'escalation_returned':
      return t('reason.escalation_returned', { date: dates.day(r.returnedAt) });
    case 'requested':
      return t(r.late ? 'reason.requested.late' : 'reason.requested', {
        org: orgName(r.organisationId),
        date: dates.day(r.requestedAt),
      });
    case 'target_passed':
      return t('reason.target_passed', { date: dates.date(r.targetDate) });
    case 'target_near':
      return t('reason.target_near', { date: dates.date(r.targetDate), weeks: r.weeks });
    case 'review_due':
      return t('reason.review_due', { date: dates.date(r.reviewDate) });
    case 'actions_due':
      return r.count === 1
        ? t('reason.actions_due', { date: dates.date(r.earliestDue) })
        : t('reason.actions_due.many', { n: r.count, date: dates.date(r.earliestDue) });
    case 'positions_changed':
      return t('reason.positions_changed', { orgs: r.organisationIds.map(orgName).join(', ') });
    case 'new_referral':
      return t('reason.new_referral', { date: dates.date(r.referredAt) });
  }
}

/** The message for a failed meeting call: the specific rule for a CONFLICT of state, else the general text. */
export function meetingErrorText(e: unknown, t: T): string {
  const reason = e instanceof ApiError ? e.error.info?.reason : undefined;
  const key = `meeting.conflict.${String(reason)}`;
  if (reason !== undefined && isMessageKey(key)) return t(key);
  return errorText(e, t);
}

/** "10:00" + 95 → "11:35". */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (h * 60 + m + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

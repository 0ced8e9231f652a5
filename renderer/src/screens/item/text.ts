import { ApiError } from '../../../../shared/errors';
import { errorText } from '../../errors';
import { isMessageKey, type T } from '../../i18n';

/** The Dutch sentence for a failed call in this area: the specific reason when there is one. */
export function itemErrorText(e: unknown, t: T): string {
  if (e instanceof ApiError) {
    const info = e.error.info ?? {};
    const reason = typeof info.reason === 'string' ? info.reason : null;
    const key = reason
      ? e.code === 'FORBIDDEN'
        ? `items.forbidden.${reason}`
        : `items.conflict.${reason}`
      : null;
    if (key && isMessageKey(key)) return t(key, info);
  }
  return errorText(e, t);
}

/** "10 maart 2026, 10:32" in the user's language. */
export function formatInstant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
    new Date(iso),
  );
}

import { ApiError, type FieldIssue } from '../../../../shared/errors';
import { errorVars, fieldText } from '../../errors';
import { isMessageKey, type T } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useCan } from '../../state/session';

/** Whether the user may change dossiers (the backend checks the same permission). */
export function useMayWrite(): boolean {
  return useCan('dossiers.write');
}

/** Optional dates in the UI's language, '—' for none: `long` in words, `short` for a table column. */
export function useOptionalDates(): { long(d: string | null): string; short(d: string | null): string } {
  const dates = useDates();
  return {
    long: (d) => (d ? dates.date(d) : '—'),
    short: (d) => (d ? dates.short(d) : '—'),
  };
}

function issueText(f: FieldIssue, info: Record<string, string | number>, t: T): string {
  if (f.path === 'reason' && f.code === 'required') return t('dossiers.issue.reason_required');
  // Domain codes arrive as the code (custom rules) or as the message (e.g. a required text's minimum).
  for (const code of [f.code, f.message]) {
    const key = `dossiers.issue.${code}`;
    if (isMessageKey(key)) return t(key, info);
  }
  return fieldText(f, t);
}

/**
 * Dutch messages per form field for a failed dossier call. Paths arrive as "changes.birthDate",
 * "procedure.endedOn" or "aliases.2"; the form knows its fields by the plain name.
 */
export function dossierFieldErrors(e: unknown, t: T): Record<string, string> {
  if (!(e instanceof ApiError) || !e.error.fields) return {};
  const out: Record<string, string> = {};
  for (const f of e.error.fields) {
    const field = f.path.replace(/^(changes|procedure|special)\./, '').split('.')[0] ?? f.path;
    out[field] ??= issueText(f, errorVars(e.error.info ?? {}, t), t);
  }
  return out;
}

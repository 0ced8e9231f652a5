import { ApiError, type FieldIssue } from '../../shared/errors';
import { isMessageKey, type T } from './i18n';

/** The Dutch (or English) sentence for a failed call; never a stack trace or a raw message. */
export function errorText(e: unknown, t: T): string {
  if (e instanceof ApiError) {
    const info = e.error.info ?? {};
    // Locked: a participant cannot log in yet, which "wrong password" alone would not explain.
    if (e.code === 'WRONG_CREDENTIALS' && info.reason === 'locked')
      return t('error.WRONG_CREDENTIALS.locked');
    return t(`error.${e.code}`, info);
  }
  return t('error.INTERNAL');
}

/** Per-field messages for a BAD_INPUT (or CONFLICT) answer, keyed by the field's path. */
export function fieldErrors(e: unknown, t: T): Record<string, string> {
  if (!(e instanceof ApiError) || !e.error.fields) return {};
  const out: Record<string, string> = {};
  for (const f of e.error.fields) out[f.path] ??= fieldText(f, t);
  return out;
}

export function fieldText(f: Pick<FieldIssue, 'path' | 'code'>, t: T): string {
  const last = f.path.split('.').pop() ?? '';
  const specific = `field.${f.code}.${last}`;
  if (isMessageKey(specific)) return t(specific);
  const general = `field.${f.code}`;
  if (isMessageKey(general)) return t(general);
  return t('field.invalid_format');
}

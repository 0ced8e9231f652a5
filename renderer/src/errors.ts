import {
  ApiError,
  isRefusalReason,
  type ErrorInfo,
  type FieldIssue,
  type RefusalCode,
} from '../../shared/errors';
import { isMessageKey, type T } from './i18n';
import type { RefusalKey } from './i18n/areas/errors';

/** Facts in `info` that are codes themselves, worded through their own dictionary entries. */
const wordedFacts: Record<string, string> = { role: 'minutes.role.', state: 'minutes.state.' };

/** The facts of an error as message variables, codes among them worded. */
export function errorVars(info: ErrorInfo, t: T): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(info)) {
    if (value === undefined || name === 'reason') continue;
    const key = name in wordedFacts ? `${wordedFacts[name]}${String(value)}` : '';
    out[name] = isMessageKey(key) ? t(key) : value;
  }
  return out;
}

/**
 * The Dutch (or English) sentence for a failed call; never a stack trace or a raw message. A refusal
 * with a reason (shared/errors.ts) gets the sentence for that rule, `error.<CODE>.<reason>`, in its
 * `.one` form when it counts exactly one; anything else the general text of its code.
 */
export function errorText(e: unknown, t: T): string {
  if (!(e instanceof ApiError)) return t('error.INTERNAL');
  const info = e.error.info ?? {};
  const code = e.code as RefusalCode;
  if (isRefusalReason(code, info.reason)) {
    // isRefusalReason checked the pair; TypeScript cannot correlate the two unions itself.
    const key = `error.${code}.${info.reason}` as RefusalKey;
    const one = `${key}.one`;
    return t(info.count === 1 && isMessageKey(one) ? one : key, errorVars(info, t));
  }
  return t(`error.${e.code}`, errorVars(info, t));
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

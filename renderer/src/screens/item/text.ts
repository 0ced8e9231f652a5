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

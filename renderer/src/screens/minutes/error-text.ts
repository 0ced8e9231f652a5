import { ApiError } from '../../../../shared/errors';
import { errorText } from '../../errors';
import { isMessageKey, type T } from '../../i18n';

// Its own module, so that the minutes screens (detail, export, verify) can share it without
// importing one another.

/** Dutch text for a failed minutes call: a specific sentence when the backend named the reason. */
export function minutesErrorText(e: unknown, t: T): string {
  if (e instanceof ApiError) {
    const reason = e.error.info?.reason;
    const count = e.error.info?.count;
    // Counted reasons have a form for 1 and one for other numbers (open_corrections.one / .other).
    const counted = typeof count === 'number' ? `.${count === 1 ? 'one' : 'other'}` : '';
    const key = [`minutes.error.${String(reason)}${counted}`, `minutes.error.${String(reason)}`].find(
      isMessageKey,
    );
    if (reason && key) {
      const role = e.error.info?.role;
      return t(key, {
        ...e.error.info,
        ...(role ? { role: t(`minutes.role.${role as 'voorzitter' | 'secretaris'}`) } : {}),
      });
    }
  }
  return errorText(e, t);
}

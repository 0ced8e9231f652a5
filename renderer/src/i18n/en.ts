import type { MessageKey } from './nl';

/** English. A test checks that every Dutch key has an English text. */
export const en: Partial<Record<MessageKey, string>> = {
  'app.name': 'LVV Overleg',
  'app.skip': 'Skip to content',
  'lang.switch': 'Nederlands',
};

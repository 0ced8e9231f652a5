import { useCallback } from 'react';
import { create } from 'zustand';
import { nl, type MessageKey } from './nl';
import { en } from './en';

export type Locale = 'nl' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

function readStoredLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem('lvv.locale') === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const useLocale = create<{ locale: Locale; setLocale: (l: Locale) => void }>((set) => ({
  locale: readStoredLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem('lvv.locale', locale);
    } catch {
      /* private mode: the choice lasts for this session only */
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

export function translate(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const text = dictionaries[locale][key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): T {
  const locale = useLocale((s) => s.locale);
  // Stable per locale, so screens can list t among an effect's dependencies without reloading.
  return useCallback<T>((key, vars) => translate(locale, key, vars), [locale]);
}

/**
 * The key for a count: Dutch and English both have one form for exactly 1 and one for every other
 * number (0 included), so `t(plural(n, 'x.one', 'x.other'), { n })` never says "1 bestanden".
 */
export function plural(n: number, one: MessageKey, other: MessageKey): MessageKey {
  return n === 1 ? one : other;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

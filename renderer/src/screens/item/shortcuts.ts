import { useEffect, type RefObject } from 'react';

/*
 * The panel's shortcuts. Alt with a digit or letter, chosen to stay clear of what browsers and the
 * Electron menu reserve (Ctrl+L/T/W/N, Alt+D/E/F, Ctrl+Shift+P opens the projector):
 *   Alt+1 … Alt+9  the position of the n-th participating organisation
 *   Alt+B          the decision text (besluit)
 *   Alt+I          the next organisation whose consent is missing (instemming)
 *   Alt+S          settling the decision (vaststellen, aanhouden, escaleren)
 *   Alt+A          a new action (actiepunt)
 *   Alt+U          outflow (uitstroom)
 *   Ctrl+Enter     saves the form the focus is in (see controls.tsx)
 * `event.code` is used, so the keys work whatever character a layout puts on them.
 */

/** Per key, the places to go, best first: e.g. the first organisation still to consent, else the list. */
const targets: Record<string, string[]> = {
  KeyB: ['[data-shortcut="decision"]'],
  KeyI: ['[data-shortcut="consent"] [data-pending]:has(select)', '[data-shortcut="consent"]'],
  KeyS: ['[data-shortcut="settle"]'],
  KeyA: ['[data-shortcut="action"]'],
  KeyU: ['[data-shortcut="outflow"]'],
};

/** The first control inside a section, or the section's heading when it has none (read-only). */
function focusIn(root: HTMLElement, selector: string): boolean {
  const section = root.querySelector<HTMLElement>(selector);
  if (!section) return false;
  const control = section.querySelector<HTMLElement>('select, textarea, input, button:not([disabled])');
  const target = control ?? section.querySelector<HTMLElement>('[tabindex="-1"]') ?? section;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  return true;
}

export function useItemShortcuts(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !root.current) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      const selectors = digit ? [`[data-org-row="${digit[1]}"]`] : (targets[e.code] ?? []);
      const el = root.current;
      if (selectors.some((s) => focusIn(el, s))) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}

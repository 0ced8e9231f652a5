import { themeDeclarations, type ThemeTokens } from '../../../shared/theme/tokens';

/** The names the last applyTheme set on each element, so the next theme leaves none behind. */
const applied = new WeakMap<HTMLElement, string[]>();

/**
 * Puts a theme's tokens on the page as CSS custom properties (inline on <html>, so they win over the
 * stylesheet's defaults): the app's `--lvv-*` and the NL Design System components' `--utrecht-*`.
 * Variables of the previous theme that this one does not set are removed, so they fall back to the
 * stylesheet's defaults rather than lingering from another city.
 */
export function applyTheme(tokens: ThemeTokens, root: HTMLElement = document.documentElement): void {
  const next = themeDeclarations(tokens);
  for (const name of applied.get(root) ?? []) if (!(name in next)) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(next)) root.style.setProperty(name, value);
  applied.set(root, Object.keys(next));
}

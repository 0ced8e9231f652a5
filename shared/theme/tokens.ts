import { z } from 'zod';
import { contrastRatio, parseColour } from './colour';

/*
 * A theme is a set of design tokens (CSS custom properties). The app's own stylesheet reads a small set
 * of `--lvv-*` variables (AppTokens); the NL Design System components read their own `--utrecht-*`
 * variables (`components`), as the city's token package publishes them. Both come from one token file,
 * so a city's house style reaches the app's layout and the components alike.
 *
 * Token files are read as the NL Design System packages publish them: nested objects whose leaves are
 * `{ "value": … }` / `{ "$value": … }` or plain strings (style-dictionary's tokens.json/index.json), or
 * one flat object with camelCase names (variables.json). Every name becomes the kebab-case name of its
 * CSS variable: `utrecht.document.color` and `utrechtDocumentColor` both are `utrecht-document-color`.
 */

/** A token value safe to hand to `style.setProperty`: no references, no url(), no rule breaking. */
const safeValue = (v: string) => v.length <= 200 && !/[{};<>]|url\(|var\(|expression\(/i.test(v);
const isColour = (v: string) => safeValue(v) && parseColour(v) !== undefined;
const isLength = (v: string) => /^(0|\d*\.?\d+(px|rem|em))$/.test(v.trim());
const isFontFamily = (v: string) => safeValue(v) && /^[\w\s"',-]+$/.test(v) && v.trim().length > 0;

const Colour = z.string().refine(isColour);
const Length = z.string().refine(isLength);

/** The values the app's own stylesheet needs (renderer/src/styles.css reads them as --lvv-*). */
export const AppTokens = z.object({
  primary: Colour,
  /** Text on the primary colour (buttons, the top bar). */
  onPrimary: Colour,
  text: Colour,
  background: Colour,
  focus: Colour,
  link: Colour,
  danger: Colour,
  fontFamily: z.string().refine(isFontFamily),
  radius: Length,
  /** The spacing scale, smallest first (--lvv-space-1 … --lvv-space-7). */
  space: z.array(Length).length(7),
});
export type AppTokens = z.infer<typeof AppTokens>;

export const ThemeTokens = z.object({
  app: AppTokens,
  /** NL Design System component variables, by name without the leading `--` (all `utrecht-…`). */
  components: z.record(z.string().regex(/^utrecht-[a-z0-9-]+$/), z.string().refine(safeValue)),
});
export type ThemeTokens = z.infer<typeof ThemeTokens>;

export const defaultSpace = ['0.25rem', '0.5rem', '0.75rem', '1rem', '1.5rem', '2rem', '3rem'];

/** Which token of a city's file gives each of the app's values; `required` ones must be there. */
export const appTokenSources = {
  primary: { token: 'utrecht-button-primary-action-background-color', required: true },
  text: { token: 'utrecht-document-color', required: true },
  background: { token: 'utrecht-document-background-color', required: true },
  focus: { token: 'utrecht-focus-outline-color', required: true },
  fontFamily: { token: 'utrecht-document-font-family', required: true },
  onPrimary: { token: 'utrecht-button-primary-action-color', required: false },
  link: { token: 'utrecht-link-color', required: false },
  danger: { token: 'utrecht-feedback-danger-color', required: false },
  radius: { token: 'utrecht-button-border-radius', required: false },
} as const satisfies Record<Exclude<keyof AppTokens, 'space'>, { token: string; required: boolean }>;

/**
 * The components whose variables a theme carries: those the app uses. The rest of a city's file
 * (hundreds of tokens for components this app does not show) is left out of the stored theme.
 */
export const componentPrefixes = [
  'utrecht-alert',
  'utrecht-button',
  'utrecht-checkbox',
  'utrecht-document',
  'utrecht-focus',
  'utrecht-form-field',
  'utrecht-form-label',
  'utrecht-link',
  'utrecht-select',
  'utrecht-textarea',
  'utrecht-textbox',
  'utrecht-feedback',
  'utrecht-table',
  'utrecht-heading',
  'utrecht-status-badge',
  'utrecht-badge',
  'utrecht-skip-link',
  'utrecht-nav',
  'utrecht-form-fieldset',
];

export type TokenIssueCode = 'theme_not_json' | 'theme_missing' | 'theme_malformed' | 'theme_contrast';
export interface TokenIssue {
  /** The token at fault (its CSS variable name without `--`), or '' for the file as a whole. */
  token: string;
  code: TokenIssueCode;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Every token of a parsed token file as CSS variable name → value text. */
export function flattenTokens(data: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const leaf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      const value = leaf(node);
      if (value !== undefined && path.length > 0) out.set(path.map(kebab).join('-'), value);
      return;
    }
    const record = node as Record<string, unknown>;
    if ('value' in record || '$value' in record) {
      const value = leaf(record.$value ?? record.value);
      if (value !== undefined) out.set(path.map(kebab).join('-'), value);
      return;
    }
    for (const [key, child] of Object.entries(record)) {
      if (!key.startsWith('$')) walk(child, [...path, key]);
    }
  };
  walk(data, []);
  return out;
}

/** Black or white, whichever reads better on the colour. */
function readableOn(colour: string): string {
  const c = parseColour(colour);
  if (!c) return '#000000';
  const white = parseColour('#ffffff') as NonNullable<ReturnType<typeof parseColour>>;
  const black = parseColour('#000000') as NonNullable<ReturnType<typeof parseColour>>;
  return contrastRatio(white, c) >= contrastRatio(black, c) ? '#ffffff' : '#000000';
}

/**
 * Reads a city's token file into a theme, or says which token is missing or malformed. The values the
 * app needs must be there and be what they claim (colours, a font family, a length); optional ones fall
 * back to sensible values; component tokens that are not plain values (references) are left out, so the
 * component keeps its own default for them. Text and primary colour must hold 4.5:1 on the background.
 */
export function readTokenFile(
  text: string,
  fallback: Pick<AppTokens, 'danger' | 'radius' | 'space'>,
): { ok: true; tokens: ThemeTokens } | { ok: false; issues: TokenIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ token: '', code: 'theme_not_json' }] };
  }
  if (data === null || typeof data !== 'object')
    return { ok: false, issues: [{ token: '', code: 'theme_not_json' }] };
  const all = flattenTokens(data);
  const issues: TokenIssue[] = [];
  const app: Partial<Record<keyof AppTokens, string>> = {};
  for (const [key, source] of Object.entries(appTokenSources) as [
    keyof typeof appTokenSources,
    (typeof appTokenSources)[keyof typeof appTokenSources],
  ][]) {
    const value = all.get(source.token)?.trim();
    if (value === undefined || value === '') {
      if (source.required) issues.push({ token: source.token, code: 'theme_missing' });
      continue;
    }
    const check = key === 'fontFamily' ? isFontFamily : key === 'radius' ? isLength : isColour;
    if (check(value)) app[key] = value;
    else issues.push({ token: source.token, code: 'theme_malformed' });
  }
  if (issues.length > 0) return { ok: false, issues };
  const primary = app.primary as string;
  const tokens: ThemeTokens = {
    app: {
      primary,
      onPrimary: app.onPrimary ?? readableOn(primary),
      text: app.text as string,
      background: app.background as string,
      focus: app.focus as string,
      link: app.link ?? primary,
      danger: app.danger ?? fallback.danger,
      fontFamily: app.fontFamily as string,
      radius: app.radius ?? fallback.radius,
      space: fallback.space,
    },
    components: {},
  };
  for (const [name, value] of all) {
    if (componentPrefixes.some((p) => name.startsWith(p)) && /^[a-z0-9-]+$/.test(name) && safeValue(value))
      tokens.components[name] = value;
  }
  // A text/background pair of the city's own that reads below 4.5:1 (some packages ship such badges) is
  // left out as a pair, so the component takes the app's readable default built from the city's colours.
  for (const pair of componentPairs(tokens.components)) {
    if (pair.ratio < 4.5) {
      delete tokens.components[pair.color];
      delete tokens.components[pair.background];
    }
  }
  const contrast = themeContrast(tokens.app);
  if (contrast.text < 4.5) issues.push({ token: appTokenSources.text.token, code: 'theme_contrast' });
  if (contrast.primary < 4.5) issues.push({ token: appTokenSources.primary.token, code: 'theme_contrast' });
  if (contrast.onPrimary < 4.5)
    issues.push({ token: appTokenSources.onPrimary.token, code: 'theme_contrast' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, tokens };
}

/** Colour tokens named like pairs that are not text on a fill: feedback colours, a checkbox's mark. */
const notTextOnFill = /^utrecht-(feedback|checkbox)-/;

/**
 * The text/background colour pairs a theme's component tokens set themselves: `X-color` with
 * `X-background-color` (alert, badge, button, table header, skip link alike), opaque, with their contrast.
 * Disabled states are left out: WCAG 2.1 (1.4.3) does not ask contrast of inactive controls.
 */
export function componentPairs(
  components: Record<string, string>,
): { color: string; background: string; ratio: number }[] {
  const out: { color: string; background: string; ratio: number }[] = [];
  for (const [name, value] of Object.entries(components)) {
    if (!name.endsWith('-background-color') || name.includes('-disabled-') || notTextOnFill.test(name))
      continue;
    const color = name.replace(/-background-color$/, '-color');
    const text = components[color];
    const fg = text === undefined ? undefined : parseColour(text);
    const bg = parseColour(value);
    if (!fg || !bg || fg.alpha < 1 || bg.alpha < 1) continue;
    out.push({ color, background: name, ratio: contrastRatio(fg, bg) });
  }
  return out;
}

/** The contrast ratios WCAG 2.1 AA asks 4.5:1 of: text, primary and the text on primary. */
export function themeContrast(app: AppTokens): { text: number; primary: number; onPrimary: number } {
  const c = (v: string) => parseColour(v) ?? { r: 0, g: 0, b: 0, alpha: 0 };
  const background = c(app.background);
  return {
    text: contrastRatio(c(app.text), background),
    primary: contrastRatio(c(app.primary), background),
    onPrimary: contrastRatio(c(app.onPrimary), c(app.primary)),
  };
}

/** The CSS custom properties of a theme, names with their `--`: what `applyTheme` sets. */
export function themeDeclarations(tokens: ThemeTokens): Record<string, string> {
  const { app } = tokens;
  const out: Record<string, string> = {
    '--lvv-color-primary': app.primary,
    '--lvv-color-on-primary': app.onPrimary,
    '--lvv-color-text': app.text,
    '--lvv-color-background': app.background,
    '--lvv-color-focus': app.focus,
    '--lvv-color-link': app.link,
    '--lvv-color-danger': app.danger,
    '--lvv-font-family': app.fontFamily,
    '--lvv-radius': app.radius,
  };
  app.space.forEach((s, i) => (out[`--lvv-space-${i + 1}`] = s));
  for (const [name, value] of Object.entries(tokens.components)) out[`--${name}`] = value;
  return out;
}

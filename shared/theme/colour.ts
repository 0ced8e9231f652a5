/*
 * Just enough CSS colour parsing to check a theme's contrast (WCAG 2.1, 1.4.3) and to refuse a token
 * file whose colours are not colours. The forms the NL Design System token packages publish: #rgb,
 * #rrggbb (with or without alpha), rgb()/rgba() and hsl()/hsla() in comma or space syntax, and a few
 * keywords. Anything else (var(), unresolved {references}, color-mix()) is not a colour here.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  alpha: number;
}

const keywords: Record<string, Rgb> = {
  white: { r: 255, g: 255, b: 255, alpha: 1 },
  black: { r: 0, g: 0, b: 0, alpha: 1 },
};

function number(part: string, percentOf: number): number | undefined {
  const m = /^(-?\d*\.?\d+)(%?)$/.exec(part);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? (n / 100) * percentOf : n;
}

function alphaOf(part: string | undefined): number | undefined {
  if (part === undefined) return 1;
  const a = number(part, 1);
  return a === undefined || a < 0 || a > 1 ? undefined : a;
}

/** The parts inside `name(...)`, split on commas or spaces (and the "/" before alpha). */
function args(value: string, names: string[]): string[] | undefined {
  const m = /^([a-z]+)\(([^()]*)\)$/.exec(value);
  if (!m || !names.includes(m[1] ?? '')) return undefined;
  const body = m[2] ?? '';
  const parts = (body.includes(',') ? body.split(',') : body.replace('/', ' ').split(/\s+/))
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length === 3 || parts.length === 4 ? parts : undefined;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  // CSS Color 4, "HSL to RGB".
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

export function parseColour(input: string): Rgb | undefined {
  const value = input.trim().toLowerCase();
  if (keywords[value]) return keywords[value];
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), alpha: full.length === 8 ? byte(3) / 255 : 1 };
  }
  const rgb = args(value, ['rgb', 'rgba']);
  if (rgb) {
    const [r, g, b] = rgb.slice(0, 3).map((p) => number(p, 255));
    const alpha = alphaOf(rgb[3]);
    if (r === undefined || g === undefined || b === undefined || alpha === undefined) return undefined;
    if ([r, g, b].some((c) => c < 0 || c > 255)) return undefined;
    return { r, g, b, alpha };
  }
  const hsl = args(value, ['hsl', 'hsla']);
  if (hsl) {
    const h = number((hsl[0] ?? '').replace(/deg$/, ''), 360);
    const s = number(hsl[1] ?? '', 1);
    const l = number(hsl[2] ?? '', 1);
    const alpha = alphaOf(hsl[3]);
    if (h === undefined || s === undefined || l === undefined || alpha === undefined) return undefined;
    // "50%" is 0.5 here; a bare number in the space syntax means percent too.
    const frac = (v: number, part: string) => (part.endsWith('%') ? v : v / 100);
    const sf = frac(s, hsl[1] ?? '');
    const lf = frac(l, hsl[2] ?? '');
    if (sf < 0 || sf > 1 || lf < 0 || lf > 1) return undefined;
    const [r, g, b] = hslToRgb(((h % 360) + 360) % 360, sf, lf);
    return { r, g, b, alpha };
  }
  return undefined;
}

/** WCAG 2.1 relative luminance of an opaque colour. */
export function luminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** A translucent colour as it shows on an opaque background. */
function over(top: Rgb, bottom: Rgb): Rgb {
  const mix = (a: number, b: number) => a * top.alpha + b * (1 - top.alpha);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), alpha: 1 };
}

/** The WCAG contrast ratio (1..21) of a foreground on a background. */
export function contrastRatio(foreground: Rgb, background: Rgb): number {
  const bg = over(background, keywords.white as Rgb);
  const a = luminance(over(foreground, bg));
  const b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

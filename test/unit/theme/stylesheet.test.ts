import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedThemes } from '../../../shared/theme/themes';
import { themeDeclarations } from '../../../shared/theme/tokens';

/*
 * The app's own stylesheet is layout written with the design tokens (issue 14): no rule names a colour
 * or a spacing of its own, so a city's theme reaches every screen. The token defaults in :root and the
 * projector's own high-contrast dark theme are the exceptions.
 */

const file = path.resolve(import.meta.dirname, '../../../renderer/src/styles.css');
const css = fs.readFileSync(file, 'utf8');

interface Rule {
  selector: string;
  declarations: [property: string, value: string][];
}

/** The innermost rules (an @media block's rules count as rules), comments stripped. */
function rules(text: string): Rule[] {
  const out: Rule[] = [];
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = (m[2] ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const at = d.indexOf(':');
        return [d.slice(0, at).trim(), d.slice(at + 1).trim()] as [string, string];
      });
    out.push({ selector: (m[1] ?? '').trim(), declarations });
  }
  return out;
}

const colourLiteral = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(white|black)\b/i;
const spacingProperty = /^(margin|padding|gap|row-gap|column-gap|inset|top|right|bottom|left)(-|$)/;
const lengthLiteral = /(^|[\s(,])-?\d*\.?[1-9]\d*(px|rem|em|pt)\b/;

/** What a rule states of its own: colours anywhere, lengths in spacing properties (var() references aside). */
function literals(rule: Rule): string[] {
  const found: string[] = [];
  for (const [property, value] of rule.declarations) {
    if (property.startsWith('--')) continue; // a token's definition, not its use
    const own = value.replace(/var\([^()]*(\([^()]*\))?[^()]*\)/g, 'var()');
    if (colourLiteral.test(own)) found.push(`${rule.selector} { ${property}: ${value} }`);
    if (spacingProperty.test(property) && lengthLiteral.test(own))
      found.push(`${rule.selector} { ${property}: ${value} }`);
  }
  return found;
}

const exempt = (r: Rule) =>
  r.selector === ':root' || r.selector.split(',').every((s) => s.trim().startsWith('.projector'));

describe('renderer/src/styles.css', () => {
  it('names no colour and no spacing of its own outside the token defaults and the projector', () => {
    const all = rules(css);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((r) => !exempt(r)).flatMap(literals)).toEqual([]);
  });

  it('the scan does find literals (the projector has its own dark theme; a made-up rule)', () => {
    expect(
      rules(css)
        .filter((r) => r.selector.startsWith('.projector'))
        .flatMap(literals).length,
    ).toBeGreaterThan(0);
    const sample = rules(
      '.x { color: #333; padding: 4px var(--lvv-space-1); margin: var(--a, 2rem); gap: 0 }',
    );
    expect(sample.flatMap(literals)).toEqual([
      '.x { color: #333 }',
      '.x { padding: 4px var(--lvv-space-1) }',
    ]);
  });

  it('defines every --lvv-* token it uses, and every token a theme sets, for the first paint', () => {
    const root = rules(css).find((r) => r.selector === ':root')!;
    const defined = new Set(root.declarations.map(([p]) => p).filter((p) => p.startsWith('--lvv-')));
    const used = new Set([...css.matchAll(/var\((--lvv-[a-z0-9-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((u) => !defined.has(u))).toEqual([]);
    const themed = Object.keys(themeDeclarations(shippedThemes.standaard)).filter((n) =>
      n.startsWith('--lvv-'),
    );
    expect(themed.filter((n) => !defined.has(n))).toEqual([]);
  });
});

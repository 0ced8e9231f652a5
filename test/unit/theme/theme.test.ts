import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour } from '../../../shared/theme/colour';
import { generatedThemes } from '../../../shared/theme/generated-themes';
import { shippedThemes, themeFallback, ShippedThemeId } from '../../../shared/theme/themes';
import {
  componentPairs,
  readTokenFile,
  themeContrast,
  themeDeclarations,
} from '../../../shared/theme/tokens';
import { buildShippedThemes } from '../../support/generate-themes';

const colour = (v: string) => {
  const c = parseColour(v);
  if (!c) throw new Error(`not a colour: ${v}`);
  return c;
};

describe('colours and contrast (WCAG 2.1)', () => {
  it('reads the forms the token packages publish', () => {
    expect(colour('#fff')).toMatchObject({ r: 255, g: 255, b: 255, alpha: 1 });
    expect(colour('#01689b')).toMatchObject({ r: 1, g: 104, b: 155 });
    expect(colour('rgba(0, 0, 0, 0)').alpha).toBe(0);
    expect(colour('hsl(0 0% 100%)')).toMatchObject({ r: 255, g: 255, b: 255 });
    expect(colour('hsla(0, 0%, 18%, 1)').r).toBeCloseTo(45.9, 1);
    for (const bad of [
      '',
      'blue-ish',
      'var(--x)',
      '{utrecht.color.red}',
      '#12',
      'rgb(300, 0, 0)',
      'hsl(0 0%)',
    ])
      expect(parseColour(bad), bad).toBeUndefined();
  });

  it('computes the known ratios: black on white 21:1, #767676 on white just 4.5:1', () => {
    expect(contrastRatio(colour('#000'), colour('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(colour('#767676'), colour('#fff'))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(colour('#fff'), colour('#fff'))).toBe(1);
  });
});

describe('shipped themes', () => {
  it.each(ShippedThemeId.options)(
    '%s: text, primary colour and the text on it hold 4.5:1 (WCAG 2.1 AA)',
    (id) => {
      const c = themeContrast(shippedThemes[id].app);
      expect(c.text).toBeGreaterThanOrEqual(4.5);
      expect(c.primary).toBeGreaterThanOrEqual(4.5);
      expect(c.onPrimary).toBeGreaterThanOrEqual(4.5);
      // The danger colour carries error messages as text.
      const app = shippedThemes[id].app;
      expect(contrastRatio(colour(app.danger), colour(app.background))).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colour(app.link), colour(app.background))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(ShippedThemeId.options)(
    '%s: every text/background pair its component tokens set (alerts, badges, buttons, table header, skip link) holds 4.5:1',
    (id) => {
      const pairs = componentPairs(shippedThemes[id].components);
      if (id !== 'standaard') expect(pairs.length).toBeGreaterThan(10);
      for (const pair of pairs)
        expect(pair.ratio, `${pair.color} on ${pair.background}`).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the city themes are what their token packages publish (run test/support/generate-themes.ts after an update)', () => {
    expect(buildShippedThemes()).toEqual(generatedThemes);
  });

  it('the city themes differ: each brings its own colours, font and component tokens', () => {
    const primaries = new Set(ShippedThemeId.options.map((id) => shippedThemes[id].app.primary));
    expect(primaries.size).toBe(4);
    expect(shippedThemes.utrecht.app.fontFamily).toMatch(/Noto Sans/);
    expect(shippedThemes.rijkshuisstijl.app.fontFamily).toMatch(/Fira Sans/);
    expect(Object.keys(shippedThemes.denhaag.components).length).toBeGreaterThan(50);
    expect(themeDeclarations(shippedThemes.utrecht)['--lvv-color-primary']).toBe('hsl(211 60% 35%)');
  });
});

describe("a city's own token file", () => {
  const good = {
    utrecht: {
      document: {
        color: { value: '#1a1a1a' },
        'background-color': { value: '#ffffff' },
        'font-family': { value: 'Arial, sans-serif' },
      },
      focus: { 'outline-color': { $value: '#000000' } },
      button: { 'primary-action': { 'background-color': { value: '#7a0020' } } },
    },
  };
  const read = (data: unknown) => readTokenFile(JSON.stringify(data), themeFallback);

  it('is read in the nested form (value or $value) and the flat camelCase form alike', () => {
    const nested = read(good);
    expect(nested).toMatchObject({ ok: true, tokens: { app: { primary: '#7a0020', onPrimary: '#ffffff' } } });
    const flat = read({
      utrechtDocumentColor: '#1a1a1a',
      utrechtDocumentBackgroundColor: '#ffffff',
      utrechtDocumentFontFamily: 'Arial, sans-serif',
      utrechtFocusOutlineColor: '#000000',
      utrechtButtonPrimaryActionBackgroundColor: '#7a0020',
      utrechtButtonBorderRadius: '0',
    });
    expect(flat).toMatchObject({ ok: true, tokens: { app: { primary: '#7a0020', radius: '0' } } });
  });

  it('is refused with the token at fault when a needed value is missing, malformed or unreadable', () => {
    const missing = structuredClone(good) as { utrecht: { document: Record<string, unknown> } };
    delete missing.utrecht.document.color;
    expect(read(missing)).toEqual({
      ok: false,
      issues: [{ token: 'utrecht-document-color', code: 'theme_missing' }],
    });

    const malformed = structuredClone(good);
    malformed.utrecht.document['background-color'] = { value: '{utrecht.color.white}' };
    expect(read(malformed)).toEqual({
      ok: false,
      issues: [{ token: 'utrecht-document-background-color', code: 'theme_malformed' }],
    });

    const injected = structuredClone(good);
    injected.utrecht.document['font-family'] = { value: 'x; } body { display: none' };
    expect(read(injected)).toMatchObject({ ok: false, issues: [{ code: 'theme_malformed' }] });

    const faint = structuredClone(good);
    faint.utrecht.document.color = { value: '#aaaaaa' };
    expect(read(faint)).toMatchObject({
      ok: false,
      issues: [{ token: 'utrecht-document-color', code: 'theme_contrast' }],
    });

    expect(readTokenFile('{ not json', themeFallback)).toEqual({
      ok: false,
      issues: [{ token: '', code: 'theme_not_json' }],
    });
  });

  it('leaves out a component colour pair of its own that reads below 4.5:1, so the readable default applies', () => {
    const withBadge = structuredClone(good) as typeof good & { utrecht: Record<string, unknown> };
    withBadge.utrecht['status-badge'] = {
      // White on a light green: 2.9:1, as a published package has it.
      active: { color: { value: 'hsl(0 0% 100%)' }, 'background-color': { value: 'hsl(90 30% 50%)' } },
      danger: { color: { value: '#ffffff' }, 'background-color': { value: '#a4001c' } },
    };
    const r = read(withBadge);
    if (!r.ok) throw new Error('refused');
    expect(r.tokens.components).not.toHaveProperty('utrecht-status-badge-active-color');
    expect(r.tokens.components).not.toHaveProperty('utrecht-status-badge-active-background-color');
    expect(r.tokens.components['utrecht-status-badge-danger-background-color']).toBe('#a4001c');
  });

  it('keeps only plain component values: a reference is left out, so the component keeps its default', () => {
    const withComponents = structuredClone(good) as typeof good & { utrecht: Record<string, unknown> };
    withComponents.utrecht.textbox = {
      'border-color': { value: '#333333' },
      'border-width': { value: 'var(--elsewhere)' },
    };
    const r = read(withComponents);
    if (!r.ok) throw new Error('refused');
    expect(r.tokens.components['utrecht-textbox-border-color']).toBe('#333333');
    expect(r.tokens.components).not.toHaveProperty('utrecht-textbox-border-width');
  });
});

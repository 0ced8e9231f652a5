import { z } from 'zod';
import { generatedThemes } from './generated-themes';
import { defaultSpace, ThemeTokens, type AppTokens } from './tokens';

/*
 * The themes that ship with the app: a neutral default and three published NL Design System token
 * packages. The city themes are plain data in generated-themes.ts, written by
 * test/support/generate-themes.ts from the packages' own token files (a unit test checks they still
 * match), so nothing is read from node_modules at run time.
 */

export const ShippedThemeId = z.enum(['standaard', 'utrecht', 'denhaag', 'rijkshuisstijl']);
export type ShippedThemeId = z.infer<typeof ShippedThemeId>;

/** Where each city theme's tokens come from: a package's published token file. */
export const themeSources = {
  utrecht: { file: '@utrecht/design-tokens/dist/variables.json', space: undefined },
  denhaag: {
    file: '@gemeente-denhaag/design-tokens-components/dist/index.json',
    // Den Haag publishes a spacing scale of its own; the others leave spacing to the app.
    space: ['2xs', 'xs', 'sm', 'md', 'xl', '2xl', '4xl'].map((s) => `denhaag-space-block-${s}`),
  },
  rijkshuisstijl: { file: '@rijkshuisstijl-community/design-tokens/dist/index.json', space: undefined },
} as const satisfies Record<
  Exclude<ShippedThemeId, 'standaard'>,
  { file: string; space: string[] | undefined }
>;

/** The neutral default: the app's own sober blue, no city's house style. */
const defaultApp: AppTokens = {
  primary: '#01689b',
  onPrimary: '#ffffff',
  text: '#1a1a1a',
  background: '#ffffff',
  focus: '#1a1a1a',
  link: '#004c72',
  danger: '#a4001c',
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif",
  radius: '4px',
  space: defaultSpace,
};

/** What a city file leaves out is taken from the default. */
export const themeFallback = { danger: defaultApp.danger, radius: defaultApp.radius, space: defaultSpace };

export const shippedThemes: Record<ShippedThemeId, ThemeTokens> = {
  standaard: { app: defaultApp, components: {} },
  ...generatedThemes,
};

/** The stored choice: a shipped theme, or the city's own token file as read when it was loaded. */
export const ThemeChoice = z.discriminatedUnion('id', [
  z.object({ id: ShippedThemeId }),
  z.object({ id: z.literal('eigen'), name: z.string().max(120), tokens: ThemeTokens }),
]);
export type ThemeChoice = z.infer<typeof ThemeChoice>;

export function themeTokens(choice: ThemeChoice): ThemeTokens {
  return choice.id === 'eigen' ? choice.tokens : shippedThemes[choice.id];
}

import { z } from 'zod';
import { allow, method, publicAccess } from './define';
import { ShippedThemeId } from '../theme/themes';
import { ThemeTokens } from '../theme/tokens';

/** The theme in force: which one and its tokens, for the renderer to apply. */
export const CurrentTheme = z.object({
  id: z.union([ShippedThemeId, z.literal('eigen')]),
  /** The name of the city's own token file, when that is the theme. */
  name: z.string().nullable(),
  tokens: ThemeTokens,
});
export type CurrentTheme = z.infer<typeof CurrentTheme>;

/** Token packages publish files of up to about 1.5 MB; a few times that is still a token file. */
const MAX_TOKEN_FILE = 5_000_000;

export const themeMethods = {
  /**
   * The environment's theme, for every screen including the login: public, because a house style is
   * no secret. While the environment is locked (its settings unreadable) it is the default.
   */
  'theme.get': method({
    input: z.object({}).strict(),
    output: CurrentTheme,
    access: publicAccess,
    activity: false,
  }),
  /** The beheerder chooses a shipped theme or loads the city's own token file; applies at next load. */
  'theme.set': method({
    input: z.discriminatedUnion('id', [
      z.object({ id: ShippedThemeId }).strict(),
      z
        .object({
          id: z.literal('eigen'),
          name: z.string().trim().min(1).max(120),
          file: z.string().max(MAX_TOKEN_FILE),
        })
        .strict(),
    ]),
    output: CurrentTheme,
    access: allow('administer'),
  }),
} as const;

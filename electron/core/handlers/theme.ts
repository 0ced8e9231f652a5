import type { Handlers } from '../../../shared/contract/index';
import type { CurrentTheme } from '../../../shared/contract/theme';
import { AppError } from '../../../shared/errors';
import { themeFallback, themeTokens, type ThemeChoice } from '../../../shared/theme/themes';
import { readTokenFile } from '../../../shared/theme/tokens';
import { writeAudited, type CoreContext } from '../context';
import { getSetting, setSetting } from '../settings/settings';

type ThemeHandlers = Pick<Handlers, 'theme.get' | 'theme.set'>;

function current(choice: ThemeChoice): CurrentTheme {
  return { id: choice.id, name: choice.id === 'eigen' ? choice.name : null, tokens: themeTokens(choice) };
}

export function themeHandlers(ctx: CoreContext): ThemeHandlers {
  return {
    'theme.get': () =>
      current(ctx.vault.state() === 'open' ? getSetting(ctx.vault.database(), 'theme') : { id: 'standaard' }),

    'theme.set': (input, { session }) => {
      let choice: ThemeChoice;
      if (input.id === 'eigen') {
        // Read before anything is written: a refused file leaves the current theme as it is.
        const read = readTokenFile(input.file, themeFallback);
        if (!read.ok) {
          throw new AppError('BAD_INPUT', 'The token file lacks or misstates a value the theme needs', {
            fields: read.issues.map((i) => ({
              path: i.token ? `file.${i.token}` : 'file',
              code: i.code,
              message: `${i.code} ${i.token}`.trim(),
            })),
          });
        }
        choice = { id: 'eigen', name: input.name, tokens: read.tokens };
      } else {
        choice = { id: input.id };
      }
      return writeAudited(ctx, session, (db) => {
        setSetting(db, 'theme', choice);
        return {
          result: current(choice),
          audit: { action: 'settings.theme', entity: 'meta', ids: [] },
        };
      });
    },
  };
}

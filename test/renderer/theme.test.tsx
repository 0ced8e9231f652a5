import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { ThemeSection } from '../../renderer/src/screens/ThemeSection';
import { applyTheme } from '../../renderer/src/theme/apply';
import { shippedThemes } from '../../shared/theme/themes';
import { cityInput, errorCode, makeEnv, type TestEnv } from '../support/backend';

/** The beheerder's house style over the real backend: choose a theme, load a city file, refuse a bad one. */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.create']({ ...cityInput, theme: 'denhaag' });
  await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
  setApi(env.api);
});
afterEach(cleanup);
afterAll(() => env.cleanup());

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

const cityFile = (values: Record<string, string>) =>
  new File([JSON.stringify(values)], 'gemeente-tokens.json', { type: 'application/json' });
const complete = {
  utrechtDocumentColor: '#1a1a1a',
  utrechtDocumentBackgroundColor: '#ffffff',
  utrechtDocumentFontFamily: 'Verdana, sans-serif',
  utrechtFocusOutlineColor: '#000000',
  utrechtButtonPrimaryActionBackgroundColor: '#7a0020',
};

describe('Huisstijl', () => {
  it('starts with the theme chosen at set-up', async () => {
    expect((await env.api['theme.get']({})).id).toBe('denhaag');
  });

  it('switches the theme and the page takes its tokens', async () => {
    const user = userEvent.setup();
    render(<ThemeSection />);
    const select = await screen.findByRole('combobox', { name: 'Huisstijl van de gemeente' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('denhaag'));
    await user.selectOptions(select, 'utrecht');
    await user.click(screen.getByRole('button', { name: 'Huisstijl opslaan' }));
    await screen.findByText('De huisstijl is opgeslagen.');
    expect(cssVar('--lvv-color-primary')).toBe('hsl(211 60% 35%)');
    expect(cssVar('--utrecht-button-primary-action-background-color')).toBe('hsl(211 60% 35%)');
    expect(cssVar('--lvv-font-family')).toMatch(/Noto Sans/);
    expect((await env.api['theme.get']({})).id).toBe('utrecht');
  });

  it('loads a city token file, and refuses one with a missing or malformed value in Dutch, keeping the theme', async () => {
    const user = userEvent.setup();
    render(<ThemeSection />);
    const file = await screen.findByLabelText('Eigen tokenbestand van de gemeente (JSON)');
    await user.upload(file, cityFile(complete));
    await user.click(screen.getByRole('button', { name: 'Tokenbestand laden' }));
    await screen.findByText('De huisstijl is opgeslagen.');
    expect(cssVar('--lvv-color-primary')).toBe('#7a0020');

    const { utrechtDocumentColor: _dropped, ...withoutText } = complete;
    await user.upload(file, cityFile({ ...withoutText, utrechtFocusOutlineColor: 'geel-ish' }));
    await user.click(screen.getByRole('button', { name: 'Tokenbestand laden' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Dit tokenbestand is niet gebruikt; de huisstijl blijft zoals hij was.',
    );
    expect(alert.textContent).toContain('De waarde --utrecht-document-color ontbreekt.');
    expect(alert.textContent).toContain('De waarde --utrecht-focus-outline-color is geen geldige waarde');
    // The current theme stays, on the page and in the environment.
    expect(cssVar('--lvv-color-primary')).toBe('#7a0020');
    const current = await env.api['theme.get']({});
    expect(current).toMatchObject({ id: 'eigen', name: 'gemeente-tokens.json' });
    expect(current.tokens.app.primary).toBe('#7a0020');
  });

  it('keeps the beheerder’s choice when the stored theme arrives after it (a slow backend)', async () => {
    const user = userEvent.setup();
    let arrive: () => void = () => undefined;
    const slow: typeof env.api = {
      ...env.api,
      'theme.get': (input) =>
        new Promise((resolve) => {
          arrive = () => resolve(env.api['theme.get'](input));
        }),
    };
    setApi(slow);
    try {
      render(<ThemeSection />);
      const select = screen.getByRole('combobox', { name: 'Huisstijl van de gemeente' });
      await user.selectOptions(select, 'rijkshuisstijl');
      arrive();
      await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(4));
      expect((select as HTMLSelectElement).value).toBe('rijkshuisstijl');
      await user.click(screen.getByRole('button', { name: 'Huisstijl opslaan' }));
      await screen.findByText('De huisstijl is opgeslagen.');
      expect((await env.api['theme.get']({})).id).toBe('rijkshuisstijl');
    } finally {
      setApi(env.api);
    }
  });

  it('leaves no token of the previous theme behind when the next one does not set it', () => {
    const root = document.createElement('div');
    applyTheme(shippedThemes.denhaag, root);
    expect(root.style.getPropertyValue('--utrecht-alert-padding-block-start')).toBe('24px');
    applyTheme(shippedThemes.standaard, root);
    expect(root.style.getPropertyValue('--utrecht-alert-padding-block-start')).toBe('');
    expect(root.style.getPropertyValue('--lvv-color-primary')).toBe('#01689b');
  });

  it('only the beheerder sets the theme; everyone may read it, even before logging in', async () => {
    const stranger = env.as('test:stranger');
    expect(await errorCode(stranger['theme.set']({ id: 'standaard' }))).toBe('UNAUTHENTICATED');
    expect(await errorCode(stranger['theme.get']({}))).toBe('OK');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, switchUser, useHost } from './support/session';

/*
 * The house style (issue 14): the beheerder switches the theme on the Admin screen, the page takes the
 * city's tokens, axe still finds nothing, and screenshots at two screen sizes show the Admin screen and
 * the dossier list in the default and the Utrecht theme (test-results/screens/theme-*.png).
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();

const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const cssVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

async function snapSizes(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await snap(page, `${name}-${size.width}x${size.height}`);
  }
}

test('the beheerder switches to the Utrecht house style; every screen takes its tokens', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.setViewportSize(sizes[0]!);
  await openDemo(page, env.url);
  await loginAs(page, 'beheerder');
  await openRoute(page, 'beheer');
  const choice = page.getByRole('combobox', { name: 'Huisstijl van de gemeente' });
  await expect(choice).toHaveValue('standaard');
  expect(await cssVar(page, '--lvv-color-primary')).toBe('#01689b');
  await expectAccessible(page);
  await snapSizes(page, 'theme-standaard-admin');

  await switchUser(page, 'voorzitter');
  await openRoute(page, 'dossiers');
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await snapSizes(page, 'theme-standaard-dossiers');

  await switchUser(page, 'beheerder');
  await openRoute(page, 'beheer');
  await choice.selectOption('utrecht');
  await page.getByRole('button', { name: 'Huisstijl opslaan' }).click();
  await expect(page.getByText('De huisstijl is opgeslagen.')).toBeVisible();
  expect(await cssVar(page, '--lvv-color-primary')).toBe('hsl(211 60% 35%)');

  // For everyone at the next load: a fresh page reads the stored theme.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expect.poll(() => cssVar(page, '--lvv-color-primary')).toBe('hsl(211 60% 35%)');
  expect(await cssVar(page, '--utrecht-document-font-family')).toMatch(/Noto Sans/);
  await openRoute(page, 'beheer');
  await expect(choice).toHaveValue('utrecht');
  await expectAccessible(page);
  await snapSizes(page, 'theme-utrecht-admin');

  await switchUser(page, 'voorzitter');
  await openRoute(page, 'dossiers');
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await snapSizes(page, 'theme-utrecht-dossiers');
  expect(errors).toEqual([]);
});

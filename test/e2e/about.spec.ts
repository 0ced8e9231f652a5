import { expect, test } from '@playwright/test';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible, screenshotDir } from './support/host';
import { consoleErrors, loginAs, openDemo, useHost } from './support/session';

/*
 * "Over LVV Overleg" (issue 13) in the browser host: the version, the app's licence and the licences of
 * the bundled packages from the licenses.json the build wrote, in Dutch and English; axe finds nothing;
 * screenshots in test-results/screens/about-{nl,en}.png.
 */

const env = useHost();

/** The viewport as a person sees it: the dialog is fixed over the page, so no full-page capture. */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

test('the About dialog shows version and licences, in Dutch and English', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');

  await page.getByRole('button', { name: 'Over LVV Overleg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Over LVV Overleg' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('0.1.0', { exact: true })).toBeVisible();
  await expect(dialog.getByText(/EUPL-1\.2 \(Europese openbare licentie\)/)).toBeVisible();
  // From the build: React is bundled into the page, the SQLite driver ships beside it.
  const react = dialog.locator('summary', { hasText: /^react 19\./ });
  await expect(react).toContainText('MIT');
  await expect(dialog.locator('summary', { hasText: 'better-sqlite3-multiple-ciphers' })).toBeVisible();
  await expect(dialog.locator('summary', { hasText: /^typescript / })).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'about-nl');
  await react.click();
  await expect(dialog.locator('details[open] pre')).toContainText('Permission is hereby granted');
  await expectAccessible(page);
  await shot(page, 'about-nl-licence');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'About LVV Overleg' }).click();
  const about = page.getByRole('dialog', { name: 'About LVV Overleg' });
  await expect(about.getByRole('heading', { name: 'Open-source components' })).toBeVisible();
  await expect(about.getByText(/EUPL-1\.2 \(European Union Public Licence\)/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'about-en');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  expect(errors).toEqual([]);
});

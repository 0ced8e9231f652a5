import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, switchUser, useHost } from './support/session';

/*
 * Issue 12: the reports screen on the demo — the outcome table with every category, each chart with
 * its numbers as a table beside it, period and track filters, Dutch and English, axe clean, screenshots
 * at 1280×720 and 1920×1080; the beheerder sees counts too.
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();
const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function snapSizes(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await snap(page, `${name}-${size.width}x${size.height}`);
  }
}

test('the chair reads the monitoring over a period and per track, with tables beside the charts', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await page.setViewportSize(sizes[0]!);
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');
  await page.getByRole('link', { name: 'Rapportages' }).click();
  await expect(page.getByRole('heading', { name: 'Rapportages', level: 1 })).toBeVisible();

  await page.getByLabel('Van', { exact: true }).fill('2025-01-01');
  await page.getByRole('button', { name: 'Toon' }).click();
  const table = page.getByRole('table', { name: /Uitkomsten in de periode/ });
  await expect(table.getByRole('rowheader', { name: 'Nog in begeleiding' })).toBeVisible();
  for (const label of [
    'terugkeer naar land van herkomst (gecontroleerd en aantoonbaar)',
    '(tijdelijke) verblijfsvergunning verkregen',
    'doormigratie of Dublin-overdracht',
    'met onbekende bestemming vertrokken',
    'overig (niet MOB)',
  ])
    await expect(
      table.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')} [1-9]`) }),
    ).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /vertrek zonder toezicht/ })).toBeVisible();
  // Each chart is one image that points to its table, and the table is there.
  await expect(page.getByRole('img', { name: /Instroom en uitstroom per kwartaal/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Instroom en uitstroom per kwartaal/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Uitkomst per traject/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Uitkomst naar gekozen traject' })).toBeVisible();
  // No names or V-nummers on the page.
  await expect(page.getByText(/Yacine|Belkacem|2890034471/)).toHaveCount(0);
  await expectAccessible(page);
  await snapSizes(page, 'reports-01-all');

  // One track.
  await page.setViewportSize(sizes[0]!);
  await page.getByLabel('Traject', { exact: true }).selectOption('terugkeer');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(
    page.getByRole('table', { name: 'Uitkomst naar gekozen traject' }).getByRole('row'),
  ).toHaveCount(2);
  await expectAccessible(page);

  // A bad date is said in Dutch at the field.
  await page.getByLabel('Tot en met').fill('2026-13-01');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page.getByText('Vul een datum in als JJJJ-MM-DD.')).toBeVisible();

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Still in guidance', exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // The beheerder sees the counts as well (no dossier data on this screen).
  await switchUser(page, 'beheerder');
  await openRoute(page, 'rapportages');
  await expect(page.getByRole('heading', { name: 'Rapportages', level: 1 })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Nog in begeleiding', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

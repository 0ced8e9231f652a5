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

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

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

  await expect(page.getByRole('heading', { name: /Export op dossierniveau/ })).toHaveCount(0);

  // Downloads: each table as CSV and XLSX, all of them as the DOCX monitoringsrapportage.
  await page.setViewportSize(sizes[0]!);
  const stillIn = await table
    .getByRole('row', { name: /^Nog in begeleiding/ })
    .getByRole('cell')
    .first()
    .innerText();
  const csv = await download(page, 'CSV: Uitstroom naar uitkomst');
  expect(csv.name).toMatch(/^uitkomsten-2025-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.bytes.toString('utf8')).toContain(`in_begeleiding,category,${stillIn},`);
  await expect(page.getByText(`${csv.name} is gedownload.`)).toBeVisible();
  const xlsx = await download(page, 'XLSX: Vastgelopen dossiers naar reden');
  expect(xlsx.name).toMatch(/^vastgelopen-.*\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  const docx = await download(page, 'Monitoringsrapportage (DOCX)');
  expect(docx.name).toMatch(/^monitoringsrapportage-2025-01-01-.*\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');

  // One track.
  await page.setViewportSize(sizes[0]!);
  await page.getByLabel('Traject', { exact: true }).selectOption('terugkeer');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(
    page.getByRole('table', { name: 'Uitkomst naar gekozen traject' }).getByRole('row'),
  ).toHaveCount(2);
  await expectAccessible(page);

  // A bad date is said in Dutch at the field.
  await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('2026-13-01');
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
  // Only the beheerder has the export per dossier; the screen says before and after that it is audited.
  const records = page.getByRole('region', { name: 'Export op dossierniveau (V-nummers)' });
  await expect(records.getByText(/Elke export wordt vastgelegd in het auditlog/)).toBeVisible();
  const file = await download(page, 'Dossiers met V-nummer (CSV)');
  expect(file.name).toMatch(/^dossiers-v-nummer-.*\.csv$/);
  expect(file.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^v_nummer,dossiernummer,/);
  await expect(
    records.getByText(/is gedownload: \d+ dossiers met V-nummer.*vastgelegd in het auditlog/),
  ).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'reports-02-beheerder-1280x720');
  expect(errors).toEqual([]);
});

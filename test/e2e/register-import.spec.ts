import { expect, test } from '@playwright/test';
import { messySheet, sheetCsv } from '../support/register-sheet';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, switchUser, useHost } from './support/session';

/** The demo's register before the import: ten in care and six who left (every outcome category). */
const demoDossierCount = 16;

test.describe.configure({ mode: 'serial' });

const env = useHost();

test('the secretary imports the old register: sees the columns and every line, all or nothing refuses, skipping imports the rest', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  // A messy 30-line sheet; line 19 carries the V-nummer of the demo's D-2026-0001.
  const lines = messySheet(30, 'D-2026-0001');
  const ok = lines.filter((l) => l.status === 'ok').length;
  const refused = lines.filter((l) => l.status === 'refused').length;

  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');
  await switchUser(page, 'notulist');
  await page.getByRole('button', { name: 'Register importeren' }).click();
  await expect(page.getByRole('heading', { name: 'Register importeren', level: 1 })).toBeVisible();

  await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles({
    name: 'register-lvv.csv',
    mimeType: 'text/csv',
    buffer: sheetCsv(lines),
  });
  const summary = page.getByRole('status').filter({ hasText: 'regels:' });
  await expect(summary).toHaveText(`30 regels: ${ok} in orde, ${refused} geweigerd, 1 leeg.`);
  // The Dutch headers were recognised whatever their case and spacing; extra columns are left out.
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Datum aanmelding', { exact: true })).toHaveValue('9');
  await expect(
    page.getByText('Niet gebruikte kolommen: B (Opmerkingen), H (Telefoon casemanager).'),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Voorbeeld per regel van register-lvv.csv' });
  await expect(table.getByRole('row', { name: /^5 Geweigerd/ })).toContainText(
    'Een V-nummer heeft precies 10 cijfers.',
  );
  await expect(table.getByRole('row', { name: /^19 Geweigerd/ })).toContainText(
    'Dit V-nummer hoort al bij dossier D-2026-0001.',
  );
  await expect(table.getByRole('row', { name: /^7 Lege regel/ })).toBeVisible();
  await expect(page.getByText(/Met "alles of niets" wordt niets geïmporteerd/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'import-01-preview');

  // A manual choice overrides the recognition, and the preview follows it.
  await page
    .getByLabel('Casemanager', { exact: true })
    .selectOption({ label: 'Kolom H: Telefoon casemanager' });
  await expect(table.getByRole('row', { name: /^3 In orde/ })).toContainText('06-10000001');
  await page.getByLabel('Casemanager', { exact: true }).selectOption({ label: 'Kolom I: Casemanager' });
  await expect(table.getByRole('row', { name: /^3 In orde/ })).toContainText('Casemanager 1');

  // Only the refused lines, to see what to correct.
  await page.getByLabel('Toon').selectOption({ label: 'Alleen geweigerde regels' });
  await expect(table.getByRole('row')).toHaveCount(refused + 1);
  await page.getByLabel('Toon').selectOption({ label: 'Alle regels' });

  // All or nothing: nothing is imported while a line is refused.
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    `Niets geïmporteerd: ${refused} regels zijn geweigerd. Verbeter het bestand, of kies "Geweigerde regels overslaan".`,
  );

  await page.getByLabel('Geweigerde regels overslaan en de rest importeren').check();
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'geïmporteerd' })).toHaveText(
    `${ok} dossiers geïmporteerd. ${refused} geweigerde regels zijn overgeslagen.`,
  );
  const result = page.getByRole('table', { name: 'Resultaat per regel van register-lvv.csv' });
  await expect(result.getByRole('row', { name: /^2 Geïmporteerd als D-2026-\d{4}/ })).toBeVisible();
  await expect(result.getByRole('row', { name: /^5 Geweigerd/ })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'import-02-done');

  await page.getByRole('button', { name: 'Naar het register' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dossiers' })).toHaveText(
    new RegExp(`van ${demoDossierCount + ok} dossiers`),
  );
  expect(errors).toEqual([]);
});

import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { RunningBrowserHost } from '../../electron/serve/main';
import { demoDossiers } from '../../electron/core/demo/demo-dossiers';
import { expectAccessible, newDataDir, snap, startHost } from './support/host';

let dataDir: string;
let host: RunningBrowserHost;

test.beforeAll(async () => {
  dataDir = newDataDir();
  host = await startHost(dataDir);
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What must never be on the wall: every demo V-nummer, date of birth and health or justice text. */
const forbidden = demoDossiers.flatMap((d) => [
  d.vNumber,
  d.birthDate,
  d.birthDate.split('-').reverse().join('-'),
  ...[d.special.healthDetail, d.special.justice].filter((x): x is string => x !== null),
]);

async function expectNothingForbidden(projector: Page) {
  const text = await projector.locator('body').innerText();
  for (const s of forbidden) expect(text).not.toContain(s);
}

test('the projector follows the chair, shows pseudonyms only, reveals a name for one item and blacks out at once', async ({
  page,
}) => {
  await page.goto(host.host.url);
  await page.getByRole('button', { name: 'Demo openen' }).click();
  await page.getByRole('button', { name: 'Naar inloggen' }).click();
  await page.getByLabel('Gebruikersnaam').fill('voorzitter');
  await page.getByLabel('Wachtwoord').fill('demo-voorzitter-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Overleggen' }).click();
  await page
    .getByRole('link', { name: /^Overleg van .* openen$/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Alle voorgestelde punten overnemen/ }).click();
  await expect(page.getByText('Alle voorgestelde punten staan op de agenda.')).toBeVisible();
  const labels = await page.locator('.agenda-item strong').allInnerTexts();
  await page.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(page.getByText(`Nu: punt 1 van ${labels.length}`)).toBeVisible();

  // The chair opens the projector: a second page of the same browser.
  const [projector] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Projector openen' }).click(),
  ]);
  const label = projector.getByTestId('projector-label');
  await expect(label).toHaveText('Opening');
  await expect(projector.getByText(`Agendapunt 1 van ${labels.length}`)).toBeVisible();
  await expect(projector.getByRole('navigation')).toHaveCount(0); // no menu on the wall
  await expectAccessible(projector);

  // Every item, stepped in the chair's page: the projector follows, and never shows what it must not.
  await page.bringToFront();
  for (let i = 1; i < labels.length; i++) {
    await page.keyboard.press('n');
    await expect(label).toHaveText(labels[i]!);
    await expect(projector.getByText(`Agendapunt ${i + 1} van ${labels.length}`)).toBeVisible();
    await expectNothingForbidden(projector);
  }

  // Back to the first dossier: pseudonym, track and status, the reasons.
  const first = labels.findIndex((l) => /^D-\d{4}-\d{4} /.test(l));
  await page.getByRole('button', { name: `Naar punt ${first + 1}: ${labels[first]}` }).click();
  await expect(label).toHaveText(labels[first]!);
  await expect(projector.getByText(/· traject /)).toBeVisible();
  await expect(projector.getByRole('heading', { name: 'Op de agenda omdat' })).toBeVisible();
  await expectAccessible(projector);
  await snap(projector, 'projector-01-pseudonymised');

  // The chair reveals the name for this item only.
  const number = labels[first]!.split(' ')[0]!;
  const person = demoDossiers[Number(number.slice(-4)) - 1]!;
  await page.getByRole('button', { name: 'Naam tonen op de projector' }).click();
  await expect(label).toHaveText(person.name);
  await expectNothingForbidden(projector);
  await snap(projector, 'projector-02-revealed');
  await page.keyboard.press('n');
  await expect(label).toHaveText(labels[first + 1]!);
  await page.keyboard.press('p');
  await expect(label).toHaveText(labels[first]!); // the reveal ended when the chair moved on

  // Blackout at once with B, and back.
  await page.keyboard.press('b');
  await expect(label).toHaveCount(0);
  await expect(page.getByText('De projector is zwart.')).toBeVisible();
  expect((await projector.locator('body').innerText()).trim()).toBe('Scherm zwart'); // only the hidden heading for screen readers
  await snap(projector, 'projector-03-black');
  await page.keyboard.press('b');
  await expect(label).toHaveText(labels[first]!);
  await snap(page, 'projector-04-chair');
});

import { expect, test, type Page } from '@playwright/test';
import { demoDossiers } from '../../electron/core/demo/demo-dossiers';
import { expectAccessible, snap } from './support/host';
import { loginAs, openDemo, useHost } from './support/session';

const env = useHost();

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
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');
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
  await page.getByRole('button', { name: `Naar punt ${first + 1}. ${labels[first]}` }).click();
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

  // The chair locks: the wall goes black at once, never shows a login form, and resumes after login.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await expect(label).toHaveCount(0, { timeout: 2000 });
  await expect(projector.locator('main.projector-black')).toBeVisible();
  await expect(projector.getByRole('textbox')).toHaveCount(0);
  expect(await projector.locator('body').innerText()).not.toMatch(/Inloggen|Wachtwoord|Gebruikersnaam/);
  await loginAs(page, 'voorzitter');
  await expect(label).toHaveText(labels[first]!, { timeout: 10_000 });
});

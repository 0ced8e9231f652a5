import { expect, test } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, switchUser, useHost } from './support/session';

test.describe.configure({ mode: 'serial' });

const env = useHost();

test('a casemanager finds a dossier by V-nummer, corrects a bad date, changes the track with a reason and sees it in the timeline', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await openDemo(page, env.url);
  // Only a key holder opens the environment; the casemanager then takes a turn at this machine.
  await loginAs(page, 'voorzitter');
  await switchUser(page, 'casemanager');

  // The register is the first screen; the list shows the open demo dossiers.
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'dossiers' })).toHaveText(/van 16 dossiers/);
  await expect(page.getByRole('grid', { name: 'Dossiers' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'dossiers-01-list');

  // Part of the V-nummer, typed the way people do, with a space.
  await page.getByLabel(/^Zoeken op naam/).fill('3012 457');
  await expect(page.getByRole('status').filter({ hasText: 'dossiers' })).toHaveText('1 van 16 dossiers');
  const row = page.getByRole('row', { name: 'D-2026-0001 Mateus Kiala Domingos' });
  await expect(row).toBeVisible();
  await row.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'D-2026-0001 — Mateus Kiala Domingos' })).toBeVisible();
  await expect(page.getByText('Medische belemmering: ja')).toBeVisible();
  await expect(page.getByText('PTSS')).toHaveCount(0);
  await page.getByRole('button', { name: /Bijzondere persoonsgegevens tonen/ }).click();
  await expect(page.getByLabel('Toelichting gezondheid')).toHaveValue(/PTSS/);
  await page.getByRole('button', { name: 'Verbergen' }).click();
  await expectAccessible(page);
  await snap(page, 'dossiers-02-detail');

  await page.getByRole('button', { name: 'Bewerken' }).click();
  await page.getByLabel('Geboortedatum', { exact: true }).fill('1988-02-30');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Deze datum bestaat niet.')).toBeVisible();
  await expect(page.getByLabel('Geboortedatum', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await snap(page, 'dossiers-03-bad-date');

  // Each mistake is named at its own field, in words that say what is wrong.
  const birth = page.getByLabel('Geboortedatum', { exact: true });
  await birth.fill('1850-01-01');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Een datum vóór 1900 is niet mogelijk.')).toBeVisible();
  await birth.fill('2030-01-01');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('De geboortedatum ligt in de toekomst.')).toBeVisible();
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Eerst bekend in Nederland', { exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('');
  await birth.fill('1988-03-14');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Vul dit veld in.')).toBeVisible();
  await expect(page.getByText(/Te kort of te klein/)).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Mateus Kiala Domingos');

  await page.getByLabel('Geboortedatum', { exact: true }).fill('1988-03-14');
  // Issue 11: the person's own wish and the last contact, and DT&V's regievoerder beside the NGO.
  await expect(page.getByLabel('Begeleidende ngo')).toBeVisible();
  await page.getByRole('textbox', { name: /^Regievoerder \(DT&V\)/ }).fill('M. Bakker');
  await page
    .getByLabel('Eigen wens of keuze van de cliënt')
    .selectOption({ label: 'Twijfelt nog, weet het niet' });
  await page.getByRole('textbox', { name: 'Laatste contact', exact: true }).fill('2026-01-05');
  await page.getByLabel('Traject', { exact: true }).selectOption({ label: 'Tweesporen' });
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Geef de reden voor de wijziging van traject of status.')).toBeVisible();
  await page
    .getByLabel(/^Reden van de wijziging/)
    .fill('BMA-advies negatief; terugkeer wordt voorbereid naast de medische aanvraag');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();

  await expect(page.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
  const choice = page.getByRole('region', { name: 'Eigen wens en contact' });
  await expect(choice).toContainText('Twijfelt nog, weet het niet');
  await expect(choice).toContainText('5 januari 2026');
  const timeline = page.getByRole('region', { name: 'Tijdlijn' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Traject: Legalisatie → Tweesporen');
  await expect(timeline.getByRole('listitem').first()).toContainText('BMA-advies negatief');
  await expect(timeline.getByRole('listitem').first()).toContainText('Sanne de Vries');
  await expectAccessible(page);
  await snap(page, 'dossiers-04-timeline');

  // Another party at the table sees the conclusion only.
  await switchUser(page, 'ind');
  // The page keeps its address (#/dossiers/1) across the lock, so the new user lands on the same dossier.
  await expect(page.getByRole('heading', { name: 'D-2026-0001 — Mateus Kiala Domingos' })).toBeVisible();
  await expect(page.getByText('Medische belemmering: ja')).toBeVisible();
  await expect(page.getByText(/U ziet alleen de conclusie/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Bijzondere persoonsgegevens tonen/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/PTSS|GGZ|BMA-advies aangevraagd/);
  await expectAccessible(page);
  await snap(page, 'dossiers-05-ind-conclusion');

  // The IND asks for the dossier to be discussed. The demo's next meeting is today, so the cut-off
  // (the day before, 12:00) has passed: the request is taken, late, and the answer names the date.
  const today = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());
  await page.getByRole('button', { name: 'Agenderen voor het volgende overleg' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw verzoek is ontvangen' })).toHaveText(
    new RegExp(
      `^Uw verzoek is ontvangen, maar na de deadline \\(.+\\): D-2026-0001 komt achteraan op de agenda van het overleg van ${today}\\.$`,
    ),
  );
  await expectAccessible(page);
  await snap(page, 'dossiers-06-request-late');
  await page.getByRole('button', { name: 'Agenderen voor het volgende overleg' }).click();
  await expect(
    page.getByText(`Uw organisatie had al gevraagd om D-2026-0001 te bespreken in het overleg van ${today}.`),
  ).toBeVisible();

  // Planning is the chair's work: the meetings page does not ask a participant to plan.
  await page.getByRole('link', { name: 'Overleggen' }).click();
  await expect(page.getByText(/^Bekijk de agenda en de verslagen van het dossieroverleg\./)).toBeVisible();
  await expect(page.getByText(/Plan het dossieroverleg/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

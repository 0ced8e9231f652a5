import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, switchUser, useHost } from './support/session';

/*
 * The meeting from first run to signed minutes, with a restart in between to prove nothing is lost.
 * Everything through the screens, as the people at the table would: the chair prepares and runs this
 * week's meeting, the secretary records positions, consents and an action for one dossier item on the
 * organisations' behalf, the chair carries the decision and ends the meeting; then the app is closed
 * and started again on the same data, and the minutes go through the correction round, adoption and
 * both signatures, are exported, and check out as valid in "Verslag controleren".
 */

test.describe.configure({ mode: 'serial' });
// A step that cannot happen fails within seconds rather than at the end of the story's time.
test.use({ actionTimeout: 15_000 });

const env = useHost();

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** Who sits at this week's table: everyone but the GGD, the NGO by written input. */
const attendance: [string, string][] = [
  ['Gemeente Demostad', 'Aanwezig'],
  ['IND', 'Aanwezig'],
  ['DT&V', 'Aanwezig'],
  ['VluchtelingenWerk', 'Schriftelijke inbreng'],
  ['Politie', 'Aanwezig'],
  ['GGD', 'Afwezig met bericht'],
];

async function recordPosition(page: Page, org: string, direction: string, reasoning: string): Promise<void> {
  const form = page.getByRole('form', { name: `Standpunt van ${org} vastleggen` });
  await form.getByLabel('Richting').selectOption({ label: direction });
  await form.getByLabel('Onderbouwing').fill(reasoning);
  await form.getByRole('button', { name: /^Standpunt vastleggen/ }).click();
  await expect(page.getByText(`Standpunt van ${org} vastgelegd`, { exact: false })).toBeVisible();
}

async function recordConsent(page: Page, org: string, value: string, reason?: string): Promise<void> {
  const form = page.getByRole('form', { name: `Instemming van ${org} vastleggen` });
  await form.getByLabel(`Instemming van ${org}`).selectOption({ label: value });
  if (reason) await form.getByLabel(`Reden of voorbehoud van ${org}`).fill(reason);
  await form.getByRole('button', { name: /vastleggen/ }).click();
  await expect(page.locator('[data-shortcut="consent"] li', { hasText: org })).toContainText(
    'door Niels Notulist',
  );
}

test('the meeting from first run to signed minutes, with a restart in between', async ({ browser }) => {
  test.setTimeout(300_000);
  let context = await browser.newContext();
  let page = await context.newPage();
  let errors = consoleErrors(page);

  // First run on an empty data folder: the demo, then the chair.
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');

  // This week's meeting: take over the proposed agenda and record who is there.
  await page.getByRole('link', { name: 'Overleggen' }).click();
  await expect(page.getByRole('row').nth(1)).toContainText('Gepland');
  await page
    .getByRole('link', { name: /^Overleg van .* openen$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Overleg .* Gepland$/ })).toBeVisible();
  const meetingUrl = page.url();
  await page.getByRole('button', { name: /^Alle voorgestelde punten overnemen/ }).click();
  await expect(page.getByText('Alle voorgestelde punten staan op de agenda.')).toBeVisible();
  const labels = await page.locator('.agenda-item strong').allInnerTexts();
  const item = labels.find((l) => /^D-\d{4}-\d{4} /.test(l))!;
  expect(item).toBeTruthy();
  for (const [org, presence] of attendance) {
    const select = page.getByLabel(`Aanwezigheid ${org}`);
    await select.selectOption({ label: presence });
    // Each choice is saved before the next (the meeting's version moves on with every change).
    await expect(select.locator('option:checked')).toHaveText(presence);
  }
  await expectAccessible(page);
  await snap(page, 'journey-01-prepared');

  // Start: the chair is in meeting mode; on the meeting's page every dossier item leads to its work panel.
  await page.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(page.getByText(`Nu: punt 1 van ${labels.length}`)).toBeVisible();

  // The secretary takes over the keyboard and finds the item on the meeting's page.
  await switchUser(page, 'notulist');
  await page.getByRole('link', { name: 'Overleggen' }).click();
  await expect(page.getByRole('row').nth(1)).toContainText('Bezig');
  await page
    .getByRole('link', { name: /^Overleg van .* openen$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Overleg .* Bezig$/ })).toBeVisible();
  const workLinks = page.getByRole('link', { name: /^Punt behandelen: / });
  await expect(workLinks).toHaveCount(labels.filter((l) => /^D-\d{4}-\d{4} /.test(l)).length);
  await expectAccessible(page);
  await snap(page, 'journey-02-running');
  const link = page.getByRole('link', { name: `Punt behandelen: ${item}` });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  const itemRoute = new URL(page.url()).hash.replace(/^#\//, '');
  expect(itemRoute).toMatch(/^punt\/\d+\/\d+$/);
  await recordPosition(page, 'Gemeente Demostad', 'Terugkeer', 'Perspectief op terugkeer met steun van IOM.');
  await recordPosition(page, 'IND', 'Terugkeer', 'Geen nieuwe gronden aangevoerd.');
  await recordPosition(page, 'DT&V', 'Terugkeer', 'Vertrekplan is haalbaar.');
  await recordPosition(
    page,
    'VluchtelingenWerk',
    'Tweesporen',
    'Eerst stabiliseren, dan terugkeer voorbereiden.',
  );
  await recordPosition(page, 'Politie', 'Geen standpunt', 'Geen politiezaken lopend.');
  await expect(
    page.locator('[data-org-row="2"]').getByText(/vastgelegd door notulist namens IND/),
  ).toBeVisible();

  // The chair writes the decision.
  await switchUser(page, 'voorzitter');
  await page.getByLabel('Besluittekst').fill('Terugkeer voorbereiden met IOM; medische check vóór vertrek.');
  await page.getByLabel('Richting van het besluit').selectOption({ label: 'Terugkeer' });
  await page.getByLabel('Evaluatiedatum', { exact: true }).fill(addDays(today, 60));
  await page.getByRole('button', { name: /^Besluittekst opslaan/ }).click();
  await expect(page.getByText(/Besluit \d{4}-\d{3} opgeslagen\./)).toBeVisible();

  // The secretary records each organisation's consent on its behalf, and the action agreed.
  await switchUser(page, 'notulist');
  await recordConsent(page, 'Gemeente Demostad', 'Akkoord');
  await recordConsent(page, 'IND', 'Akkoord');
  await recordConsent(page, 'DT&V', 'Akkoord met voorbehoud', 'Alleen na fit-to-fly.');
  await recordConsent(page, 'VluchtelingenWerk', 'Onthouding', 'Schriftelijk: geen rol in de terugkeer.');
  await recordConsent(page, 'Politie', 'Akkoord');
  await expect(
    page.getByText('Gedragen: iedere deelnemende organisatie heeft gereageerd en niemand maakt bezwaar.'),
  ).toBeVisible();
  const actionForm = page.getByRole('form', { name: 'Actiepunt toevoegen' });
  await actionForm.getByRole('textbox', { name: 'Actie' }).fill('Vertrekgesprek plannen met IOM');
  await actionForm.getByLabel('Organisatie').selectOption({ label: 'DT&V' });
  await actionForm.getByLabel('Persoon (optioneel)').fill('Daan');
  await actionForm.getByRole('textbox', { name: 'Uiterlijk', exact: true }).fill(addDays(today, 8));
  await actionForm.getByRole('button', { name: /^Actiepunt toevoegen/ }).click();
  await expect(page.getByText('Actiepunt toegevoegd voor DT&V.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'journey-03-item-recorded');

  // The chair carries the decision and ends the meeting.
  await switchUser(page, 'voorzitter');
  await page.getByRole('button', { name: 'Vaststellen als gedragen besluit' }).click();
  await expect(page.getByText(/Besluit \d{4}-\d{3} is gedragen en vastgesteld\./)).toBeVisible();
  await page.goto(meetingUrl);
  await page.getByRole('button', { name: 'Naar de vergadering' }).click();
  await page.getByRole('button', { name: 'Overleg afronden' }).click();
  await page.getByRole('button', { name: 'Ja, overleg afronden' }).click();
  await expect(page.getByRole('heading', { name: /^Overleg .* Afgerond$/ })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();

  // Restart: the host stops and a new one starts on the same data; a new browser session logs in.
  await env.restart();
  context = await browser.newContext();
  page = await context.newPage();
  errors = consoleErrors(page);
  await page.goto(env.url);
  await loginAs(page, 'notulist');
  await openRoute(page, itemRoute);
  await expect(
    page.getByText('Dit overleg is afgerond: standpunten en besluiten liggen vast.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /Besluit \d{4}-\d{3} — gedragen/ })).toBeVisible();
  await expect(page.locator('[data-org-row="2"]').getByText('Geen nieuwe gronden aangevoerd.')).toBeVisible();
  await expect(page.locator('[data-shortcut="consent"] li', { hasText: 'DT&V' })).toContainText(
    'Alleen na fit-to-fly.',
  );
  await expect(page.getByText(/Vertrekgesprek plannen met IOM — DT&V \(Daan\)/)).toBeVisible();
  await snap(page, 'journey-04-after-restart');

  // The minutes: this meeting's concept, then the correction round.
  await page.getByRole('link', { name: 'Verslagen' }).click();
  await expect(page.getByRole('heading', { name: 'Verslagen', level: 1 })).toBeVisible();
  const meetingId = itemRoute.split('/')[1]!;
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="#/verslagen/${meetingId}"]`) });
  await expect(row).toContainText('Concept');
  await expect(row).toContainText('0 / 2');
  await row.getByRole('link').click();
  await expect(page.getByText('Versie 1: Concept')).toBeVisible();
  await page.getByRole('button', { name: 'Correctieronde openen' }).click();
  await expect(page.getByText('Versie 1: Correctieronde')).toBeVisible();

  // The IND corrects its own position's reasoning; the secretary accepts it.
  await switchUser(page, 'ind');
  const target = page.getByLabel('Wat wilt u corrigeren?');
  await expect(target.locator('option').first()).toHaveText(/^Standpunt IND/);
  await target.selectOption({ index: 0 });
  await page.getByLabel('Onderdeel').selectOption({ label: 'Motivering' });
  await page
    .getByLabel('Nieuwe tekst')
    .fill('Geen nieuwe gronden aangevoerd; de herhaalde aanvraag is afgewezen.');
  await page.getByRole('button', { name: 'Correctie voorstellen' }).click();
  await expect(page.getByText('Uw correctie is voorgesteld aan de secretaris.')).toBeVisible();

  await switchUser(page, 'notulist');
  const proposal = page.getByRole('form', { name: /Besluit over correctie/ });
  await proposal.getByLabel('Reden').fill('Aanvulling van de IND zelf.');
  await proposal.getByRole('button', { name: 'Aanvaarden' }).click();
  await expect(page.getByText('Uw besluit over de correctie is vastgelegd.')).toBeVisible();

  // Adopt, and sign as secretary and as chair.
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await page.getByRole('button', { name: 'Ja, doorgaan' }).click(); // adoption asks first (issue 11)
  await expect(page.getByText('Versie 1: Vastgesteld')).toBeVisible();
  await page.getByLabel(/Uw wachtwoord, ter bevestiging/).fill('demo-notulist-2026');
  await page.getByRole('button', { name: 'Ondertekenen als secretaris' }).click();
  await expect(page.getByText('U hebt het verslag ondertekend.')).toBeVisible();
  await switchUser(page, 'voorzitter');
  await page.getByLabel(/Uw wachtwoord, ter bevestiging/).fill('demo-voorzitter-2026');
  await page.getByRole('button', { name: 'Ondertekenen als voorzitter' }).click();
  await expect(page.getByText('Versie 1: Ondertekend')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'journey-05-signed');

  // Export: the DOCX, both signatures and the CA certificate, saved as a recipient would.
  await page.getByRole('button', { name: 'Volledig verslag downloaden' }).click();
  const links = page.getByRole('link', { name: / opslaan$/ });
  await expect(links).toHaveCount(4);
  const dir = path.join(env.dataDir, 'ontvangen');
  fs.mkdirSync(dir);
  const saved: string[] = [];
  for (let i = 0; i < 4; i++) {
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    saved.push(file);
  }
  const docx = saved.find((f) => f.endsWith('.docx'))!;
  expect(path.basename(docx)).toBe(`verslag-demostad-${today}.docx`);
  const signatures = saved.filter((f) => f.endsWith('.p7s'));
  expect(signatures).toHaveLength(2);

  // Verify in the app: both signatures belong to exactly this document.
  await page.getByRole('link', { name: 'Verslag controleren' }).first().click();
  await expect(page.getByRole('heading', { name: 'Verslag controleren', level: 1 })).toBeVisible();
  await page.getByLabel('Verslag (.docx)').setInputFiles(docx);
  await page.getByLabel(/Handtekeningen/).setInputFiles(signatures);
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(
    page.getByRole('heading', { name: 'Geldig: alle 2 handtekeningen horen bij precies dit document.' }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Vera Voorzitter' })).toContainText(
    'Gemeente Demostad',
  );
  await expect(page.getByRole('row').filter({ hasText: 'Niels Notulist' })).toContainText(
    'Gemeente Demostad',
  );
  await expectAccessible(page);
  await snap(page, 'journey-06-verified');
  expect(errors).toEqual([]);
  await context.close();
});

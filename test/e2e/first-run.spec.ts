import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, switchUser, useHost } from './support/session';

test.describe.configure({ mode: 'serial' });

const env = useHost();

test('a newcomer sets up a city, keeps the recovery key, logs in, locks and comes back after a restart', async ({
  page,
  context,
}) => {
  const errors = consoleErrors(page);
  await page.goto(env.url);
  await expect(page.getByRole('heading', { name: 'Welkom bij LVV Overleg' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, '01-start');

  await page.getByRole('button', { name: 'Nieuwe omgeving inrichten' }).click();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByText('Vul dit veld in.', { exact: true })).toBeVisible();
  await page.getByLabel('Naam van de gemeente').fill('Utrecht');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Deelnemende organisaties' })).toBeVisible();
  await expect(page.getByLabel('Naam organisatie 1')).toHaveValue('Gemeente Utrecht');
  await expect(page.getByLabel('Naam organisatie 2')).toHaveValue('IND');
  await page.getByLabel('Naam organisatie 4').fill('Stichting ROS');
  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await page.getByLabel('Naam organisatie 6').fill('GGD regio Utrecht');
  await page.getByLabel('Soort organisatie 6').selectOption('ggd');
  await snap(page, '02-organisations');
  await page.getByRole('button', { name: 'Volgende' }).click();

  await page.getByLabel('Volledige naam').fill('Anna de Beheerder');
  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel(/^Wachtwoord/).fill('kort');
  await page.getByLabel('Herhaal wachtwoord').fill('kort');
  await page.getByRole('button', { name: 'Omgeving aanmaken' }).click();
  await expect(page.getByText('Minstens 12 tekens.', { exact: true })).toBeVisible();
  await page.getByLabel(/^Wachtwoord/).fill('paarse olifant danst');
  await page.getByLabel('Herhaal wachtwoord').fill('paarse olifant danst');
  await page.getByRole('button', { name: 'Omgeving aanmaken' }).click();

  await expect(page.getByRole('heading', { name: 'Herstelsleutel' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  expect(key).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  await expectAccessible(page);
  await snap(page, '03-recovery-key');
  await page.getByLabel(/Typ ter controle/).fill('0000-0000');
  await page.getByRole('button', { name: /Ik heb de sleutel bewaard/ }).click();
  await expect(page.getByText('Dat komt niet overeen')).toBeVisible();
  await page.getByLabel(/Typ ter controle/).fill(key.split('-').slice(-2).join('-'));
  await page.getByRole('button', { name: /Ik heb de sleutel bewaard/ }).click();

  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Gebruikersnaam').fill('anna');
  await page.getByLabel('Wachtwoord').fill('fout wachtwoord!');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Gebruikersnaam of wachtwoord onjuist. Let op: zolang de omgeving vergrendeld is',
  );
  await page.getByLabel('Wachtwoord').fill('paarse olifant danst');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await expect(page.getByRole('heading', { name: 'Beheer' })).toBeVisible();
  await expect(page.getByText('GGD regio Utrecht (GGD) — ziet bijzondere persoonsgegevens')).toBeVisible();
  await expectAccessible(page);

  // The administrator adds a participant from the IND.
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Ilse Jansen');
  await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill('ilse');
  await page.getByLabel('Tijdelijk wachtwoord').fill('tijdelijk wachtwoord 1');
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'IND' });
  await page.getByRole('button', { name: 'Toevoegen' }).first().click();
  await expect(page.getByRole('status')).toHaveText('Gebruiker Ilse Jansen is aangemaakt.');
  await expect(page.getByRole('cell', { name: 'ilse', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Auditketen controleren' }).click();
  await expect(page.getByRole('status')).toContainText('De auditketen is geldig');
  await snap(page, '04-admin');

  // The administrator sets the agenda's defaults; a value out of range is refused at the field.
  const perDossier = page.getByLabel('Standaard minuten per dossier');
  await perDossier.fill('0');
  await page
    .getByRole('region', { name: 'Instellingen voor de agenda' })
    .getByRole('button', { name: 'Opslaan' })
    .click();
  await expect(perDossier).toHaveAttribute('aria-invalid', 'true');
  await perDossier.fill('8');
  await page.getByLabel('Verzoeken tot bespreking: uiterlijk om').fill('16:30');
  await page
    .getByRole('region', { name: 'Instellingen voor de agenda' })
    .getByRole('button', { name: 'Opslaan' })
    .click();
  await expect(page.getByText('De instellingen voor de agenda zijn opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Standaard minuten per dossier')).toHaveValue('8');
  await expect(page.getByLabel('Verzoeken tot bespreking: uiterlijk om')).toHaveValue('16:30');
  await expectAccessible(page);
  await snap(page, '05-admin-agenda-settings');

  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();

  // Restart the whole host: nothing is lost, and the new user can log in.
  await env.restart();
  const page2 = await context.newPage();
  await context.clearCookies();
  await page2.goto(env.url);
  // A participant's password opens nothing: the key holder opens the environment, then ilse takes a turn.
  await page2.getByLabel('Gebruikersnaam').fill('ilse');
  await page2.getByLabel('Wachtwoord').fill('tijdelijk wachtwoord 1');
  await page2.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page2.getByRole('alert')).toContainText('alleen een sleutelhouder');
  await loginAs(page2, 'anna', 'paarse olifant danst');
  await switchUser(page2, 'ilse', 'tijdelijk wachtwoord 1');
  await expect(page2.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expect(page2.getByText('Ilse Jansen — IND')).toBeVisible();
  await expect(page2.getByRole('link', { name: 'Beheer' })).toHaveCount(0);

  const dbBytes = fs.readFileSync(path.join(env.dataDir, 'lvv-overleg.db'));
  expect(dbBytes.includes(Buffer.from('Ilse Jansen'))).toBe(false);
  expect(errors).toEqual([]);
});

test('the browser host refuses requests without the cookie, from another origin or another host name', async ({
  request,
}) => {
  const base = `http://127.0.0.1:${env.host.host.port}`;
  expect((await request.get(`${base}/`)).status()).toBe(401);
  expect((await request.post(`${base}/rpc`, { data: { method: 'app.status', input: {} } })).status()).toBe(
    401,
  );
  expect((await request.get(`${base}/`, { headers: { Host: 'evil.example:80' } })).status()).toBe(421);
  expect((await request.get(env.url.replace(/token=\w+/, 'token=deadbeef'))).status()).toBe(403);
});

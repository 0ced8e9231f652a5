import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, switchUser, useHost } from './support/session';

/*
 * Issue 8 as a person sees it: the beheerder decides who holds the key and renews it (a new
 * recovery key, shown once); a participant cannot open a locked environment; a password the
 * beheerder reset must be replaced first; someone takes a turn at the chair's machine.
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();

/** Both sizes the standards ask for: a laptop on the beamer and a full-HD screen. */
async function snapBoth(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await snap(page, `${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('key holders, a renewed key, a temporary password and a turn at the chair’s machine', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await openDemo(page, env.url);

  // A participant's own password does not open a locked environment, and the screen says why.
  await page.getByLabel('Gebruikersnaam').fill('ngo');
  await page.getByLabel('Wachtwoord').fill('demo-ngo-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('alleen een sleutelhouder');
  await expectAccessible(page);
  await snapBoth(page, 'keys-01-participant-refused');

  // The beheerder sees who holds the key and renews it: a new recovery key, shown once.
  await loginAs(page, 'beheerder');
  const users = page.getByRole('region', { name: 'Gebruikers' });
  await expect(page.getByLabel('Vera Voorzitter houdt de sleutel')).toBeChecked();
  await expect(page.getByLabel('Noor (VluchtelingenWerk) houdt de sleutel')).not.toBeChecked();
  await expectAccessible(page);
  await snapBoth(page, 'keys-02-admin');
  await page.getByRole('button', { name: 'Databasesleutel vernieuwen' }).click();
  await expect(page.getByRole('heading', { name: 'Herstelsleutel' })).toBeVisible();
  await expect(page.getByText('De database is opnieuw versleuteld.', { exact: false })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  expect(key).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  await expectAccessible(page);
  await snapBoth(page, 'keys-03-renewed');
  await page.getByLabel(/Typ ter controle/).fill(key.split('-').slice(-2).join('-'));
  await page.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByRole('heading', { name: 'Beheer' })).toBeVisible();

  // The beheerder resets the NGO's password: a temporary one.
  const ngoRow = users.getByRole('row', { name: /Noor/ });
  await ngoRow.getByRole('button', { name: 'Wachtwoord opnieuw instellen' }).click();
  await ngoRow.getByLabel(/Nieuw wachtwoord voor/).fill('tijdelijk voor noor 1');
  await ngoRow.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('opnieuw ingesteld');

  // Noor takes a turn at this machine; the environment stays open; she must choose her own password.
  await page.getByRole('button', { name: 'Gebruiker wisselen' }).click();
  await expect(page.getByText('Bea Beheerder blijft ingelogd tot iemand anders hier inlogt.')).toBeVisible();
  await expectAccessible(page);
  await snapBoth(page, 'keys-04-switch-user');
  await page.getByLabel('Gebruikersnaam').fill('ngo');
  await page.getByLabel('Wachtwoord').fill('tijdelijk voor noor 1');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Kies een eigen wachtwoord' })).toBeVisible();
  await expectAccessible(page);
  await snapBoth(page, 'keys-05-choose-password');
  await page.getByLabel('Huidig wachtwoord').fill('tijdelijk voor noor 1');
  await page.getByLabel(/^Nieuw wachtwoord/).fill('noor kiest zelf 2026');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expect(page.getByText('Noor (VluchtelingenWerk) — VluchtelingenWerk')).toBeVisible();
  // A participant's menu has no Vergrendelen that closes it for everyone: only Afmelden.
  await expect(page.getByRole('button', { name: /^Vergrendelen/ })).toHaveCount(0);

  // Back to the chair, then the chair locks the app for everyone.
  await switchUser(page, 'voorzitter');
  await page.getByRole('button', { name: /^Vergrendelen/ }).click();
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  expect(errors).toEqual([]);
});

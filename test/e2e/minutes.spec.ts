import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, switchUser, useHost } from './support/session';

test.describe.configure({ mode: 'serial' });

const env = useHost();

test('the demo’s finished meeting: new version, a participant’s correction accepted, adopted, signed by chair and secretary, exported and verified', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await openDemo(page, env.url);
  await loginAs(page, 'notulist');

  await page.getByRole('link', { name: 'Verslagen' }).click();
  await expect(page.getByRole('heading', { name: 'Verslagen', level: 1 })).toBeVisible();
  const signedRow = page.getByRole('row').filter({ hasText: 'Ondertekend' });
  await expect(signedRow).toHaveCount(1);
  await expect(signedRow).toContainText('2 / 2');
  await expectAccessible(page);
  await snap(page, 'minutes-01-list');

  await signedRow.getByRole('link').click();
  await expect(page.getByText('Versie 1: Ondertekend')).toBeVisible();
  await expect(page.getByText(/Voorzitter: Vera Voorzitter \(Gemeente Demostad\)/i)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'minutes-02-signed');

  // A later change: the secretary starts version 2 and opens the correction round.
  await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
  await expect(page.getByText('Versie 2: Concept')).toBeVisible();
  await expect(
    page.getByText('Deze handtekeningen horen bij versie 1 en gelden niet voor latere versies.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Correctieronde openen' }).click();
  await expect(page.getByText('Versie 2: Correctieronde')).toBeVisible();

  // The NGO corrects its own action; it cannot pick another organisation's.
  await switchUser(page, 'ngo');
  await expect(page.getByText('Versie 2: Correctieronde')).toBeVisible();
  const target = page.getByLabel('Wat wilt u corrigeren?');
  await expect(target.locator('option')).toHaveText([
    /^Standpunt VluchtelingenWerk/,
    /^Actie VluchtelingenWerk/,
  ]);
  await target.selectOption({ label: (await target.locator('option').nth(1).innerText()).trim() });
  await page.getByLabel('Onderdeel').selectOption({ label: 'Wie' });
  await page.getByLabel('Nieuwe tekst').fill('Noor Nijland (VluchtelingenWerk)');
  await page.getByRole('button', { name: 'Correctie voorstellen' }).click();
  await expect(page.getByText('Uw correctie is voorgesteld aan de secretaris.')).toBeVisible();
  await expect(page.getByText('Wacht op de secretaris')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'minutes-03-correction-proposed');

  // The secretary accepts it, adopts and signs.
  await switchUser(page, 'notulist');
  const proposal = page.getByRole('form', { name: /Besluit over correctie/ });
  await expect(proposal).toHaveCount(1);
  // The secretary may correct every party's records, and is told so (not "only your own organisation").
  await expect(
    page.getByText(/^Als secretaris kunt u de standpunten en acties van elke organisatie/),
  ).toBeVisible();
  await expect(page.getByText(/uw eigen organisatie/)).toHaveCount(0);
  await page.getByLabel('Nieuwe tekst').fill('   ');
  await page.getByRole('button', { name: 'Correctie voorstellen' }).click();
  await expect(page.getByText('Vul de nieuwe tekst in.')).toBeVisible();
  await proposal.getByLabel('Reden').fill('Volledige naam, zoals afgesproken.');
  await proposal.getByRole('button', { name: 'Aanvaarden' }).click();
  await expect(page.getByText('Uw besluit over de correctie is vastgelegd.')).toBeVisible();
  await expect(
    page.locator('.minutes-correction', { hasText: 'Noor Nijland (VluchtelingenWerk)' }),
  ).toContainText('Aanvaard — voorgesteld door Noor (VluchtelingenWerk); aanvaard door Niels Notulist');
  await expectAccessible(page);
  await snap(page, 'minutes-04-correction-accepted');
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await page.getByRole('button', { name: 'Ja, doorgaan' }).click(); // adoption asks first (issue 11)
  await expect(page.getByText('Versie 2: Vastgesteld')).toBeVisible();
  await page.getByLabel(/Uw wachtwoord, ter bevestiging/).fill('fout wachtwoord');
  await page.getByRole('button', { name: 'Ondertekenen als secretaris' }).click();
  await expect(page.getByText('Het wachtwoord klopt niet; er is niet ondertekend.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'minutes-04b-sign-wrong-password');
  await page.getByLabel(/Uw wachtwoord, ter bevestiging/).fill('demo-notulist-2026');
  await page.getByRole('button', { name: 'Ondertekenen als secretaris' }).click();
  await expect(page.getByText('U hebt het verslag ondertekend.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Ondertekenen als/ })).toHaveCount(0);

  await switchUser(page, 'voorzitter');
  await page.getByLabel(/Uw wachtwoord, ter bevestiging/).fill('demo-voorzitter-2026');
  await page.getByRole('button', { name: 'Ondertekenen als voorzitter' }).click();
  await expect(page.getByText('Versie 2: Ondertekend')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'minutes-05-signed-v2');

  // Export: DOCX, two signatures and ca.pem, saved through download links.
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
  const p7s = saved.filter((f) => f.endsWith('.p7s'));
  expect(path.basename(docx)).toMatch(/^verslag-demostad-\d{4}-\d{2}-\d{2}-v2\.docx$/);
  expect(p7s.map((f) => path.basename(f).split('.').at(-2))).toEqual(['voorzitter', 'secretaris']);
  for (const sig of p7s) {
    const r = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        sig,
        '-content',
        docx,
        '-CAfile',
        path.join(dir, 'ca.pem'),
        '-cades',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
  }
  await snap(page, 'minutes-06-export');

  // Verify in the app: valid as received …
  await page.getByRole('link', { name: 'Verslag controleren' }).first().click();
  await expect(page.getByRole('heading', { name: 'Verslag controleren', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByText('Kies het verslag (.docx).')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Verslag (.docx)').setInputFiles(docx);
  await page.getByLabel(/Handtekeningen/).setInputFiles(p7s);
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(
    page.getByRole('heading', { name: 'Geldig: alle 2 handtekeningen horen bij precies dit document.' }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Vera Voorzitter' })).toContainText(
    'Gemeente Demostad',
  );
  // Which certificate signed, and that it was not revoked since.
  const chairRow = page.getByRole('row').filter({ hasText: 'Vera Voorzitter' });
  await expect(chairRow).toContainText(/Serienummer [0-9A-F]+/);
  await expect(chairRow).toContainText(/Vingerafdruk \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await expect(chairRow).toContainText('Niet ingetrokken.');
  await expect(page.getByText(/Dit is versie 2 van het verslag/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'minutes-07-verify-valid');

  // … and not valid after one changed byte.
  const tampered = path.join(dir, 'gewijzigd.docx');
  const bytes = fs.readFileSync(docx);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  fs.writeFileSync(tampered, bytes);
  await page.getByLabel('Verslag (.docx)').setInputFiles(tampered);
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(
    page.getByRole('heading', { name: 'Niet geldig: niet elke handtekening hoort bij dit document.' }),
  ).toBeVisible();
  await expect(
    page.getByText('Niet geldig: het document is gewijzigd of het is een ander document'),
  ).toHaveCount(2);
  await expectAccessible(page);
  await snap(page, 'minutes-08-verify-tampered');
  expect(errors).toEqual([]);
});

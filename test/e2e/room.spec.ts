import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningBrowserHost } from '../../electron/serve/main';
import { expectAccessible, newDataDir, snap, startHost } from './support/host';
import { consoleErrors, loginAs, rpc } from './support/session';

/*
 * The meeting room (issue 9): seven browsers at once. The chair runs the meeting in the app (the
 * browser host) and lets participants connect on 127.0.0.1; the secretary (for the gemeente), the IND,
 * DT&V, the NGO and the politie each open the listener's address in a browser of their own, over real
 * TLS, and record their organisation's position and consent on their own page; the GGD, absent with
 * apologies, is refused. The chair sees positions and consents arrive, changes the decision text
 * (the consents given lapse, and the pages say so), settles and moves on, and every page follows.
 * The minutes name who took part and recorded what.
 *
 * The participants' browser trusts exactly the listener's certificate: Chromium's
 * --ignore-certificate-errors-spki-list pins the SHA-256 of its public key, read from a real TLS
 * handshake (no blanket ignoreHTTPSErrors). The panel's fingerprint is checked against that handshake.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

/*
 * The demo is made by the command line before the host starts: on a busy machine "Demo openen" can take
 * longer than the browser host's 30-second idle tick, which then closes the environment mid-way (no key
 * holder is logged in yet) — a race of the demo, not of the meeting room, reported to the lead.
 */
let host: RunningBrowserHost;
let dataDir = '';
test.beforeAll(async () => {
  dataDir = newDataDir();
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'demo', '--db', dataDir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: 'ignore',
    timeout: 240_000,
  });
  host = await startHost(dataDir);
});

/** Who sits at the table this week: everyone present but the GGD (absent with apologies). */
const attendance: [string, string][] = [
  ['Gemeente Demostad', 'Aanwezig'],
  ['IND', 'Aanwezig'],
  ['DT&V', 'Aanwezig'],
  ['VluchtelingenWerk', 'Aanwezig'],
  ['Politie', 'Aanwezig'],
  ['GGD', 'Afwezig met bericht'],
];

interface Party {
  user: string;
  org: string;
  person: string;
  direction: string;
  reasoning: string;
  consent: string;
  reason?: string;
}

const parties: Party[] = [
  {
    user: 'notulist',
    org: 'Gemeente Demostad',
    person: 'Niels Notulist',
    direction: 'Terugkeer',
    reasoning: 'Perspectief op terugkeer met steun van IOM.',
    consent: 'Akkoord',
  },
  {
    user: 'ind',
    org: 'IND',
    person: 'Ilse (IND)',
    direction: 'Terugkeer',
    reasoning: 'Geen nieuwe gronden aangevoerd.',
    consent: 'Akkoord',
  },
  {
    user: 'dtv',
    org: 'DT&V',
    person: 'Daan (DT&V)',
    direction: 'Terugkeer',
    reasoning: 'Vertrekplan is haalbaar.',
    consent: 'Akkoord met voorbehoud',
    reason: 'Alleen na fit-to-fly.',
  },
  {
    user: 'ngo',
    org: 'VluchtelingenWerk',
    person: 'Noor (VluchtelingenWerk)',
    direction: 'Tweesporen',
    reasoning: 'Eerst stabiliseren, dan terugkeer voorbereiden.',
    consent: 'Onthouding',
    reason: 'Geen rol in de terugkeer.',
  },
  {
    user: 'politie',
    org: 'Politie',
    person: 'Paul (Politie)',
    direction: 'Geen standpunt',
    reasoning: 'Geen politiezaken lopend.',
    consent: 'Akkoord',
  },
];

/** The SHA-256 of the certificate's public key (base64, as Chromium's flag wants) and of the certificate. */
async function handshake(
  host: string,
  port: number,
): Promise<{ spki: string; fingerprint: string; cert: crypto.X509Certificate }> {
  return new Promise((resolve, reject) => {
    // Only to read what the listener presents; the browser below then trusts exactly this key.
    const socket = tls.connect({ host, port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.end();
      if (!cert) return reject(new Error('No certificate'));
      const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
      resolve({
        spki: crypto.createHash('sha256').update(spki).digest('base64'),
        fingerprint: cert.fingerprint256.replace(/:/g, ''),
        cert,
      });
    });
    socket.on('error', reject);
  });
}

let chair: Page;
let chairErrors: string[] = [];
let participants: Browser | null = null;
const pages = new Map<string, Page>();
const pageErrors: string[] = [];

test.afterAll(async () => {
  await participants?.close();
  await chair?.context().close();
  await host?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('seven laptops, one meeting: each party records its own stance, the chair sees it arrive and every page follows', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  chair = await context.newPage();
  chairErrors = consoleErrors(chair);

  // The chair prepares this week's meeting and starts it.
  await chair.goto(host.host.url);
  await loginAs(chair, 'voorzitter');
  await chair.getByRole('link', { name: 'Overleggen' }).click();
  await chair
    .getByRole('link', { name: /^Overleg van .* openen$/ })
    .first()
    .click();
  await chair.getByRole('button', { name: /^Alle voorgestelde punten overnemen/ }).click();
  await expect(chair.getByText('Alle voorgestelde punten staan op de agenda.')).toBeVisible();
  const labels = await chair.locator('.agenda-item strong').allInnerTexts();
  const first = labels.findIndex((l) => /^D-\d{4}-\d{4} /.test(l));
  expect(first).toBeGreaterThanOrEqual(0);
  for (const [org, presence] of attendance) {
    const select = chair.getByLabel(`Aanwezigheid ${org}`);
    await select.selectOption({ label: presence });
    await expect(select.locator('option:checked')).toHaveText(presence);
  }
  await chair.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(chair.getByText(`Nu: punt 1 van ${labels.length}`)).toBeVisible();
  await chair.getByRole('button', { name: `Naar punt ${first + 1}. ${labels[first]}` }).click();
  await expect(chair.getByText(`Nu: punt ${first + 1} van ${labels.length}`)).toBeVisible();

  // "Deelnemers laten aansluiten" on this machine's loopback address (tests never leave loopback).
  const panel = chair.getByRole('complementary', { name: 'Deelnemers laten aansluiten' });
  await panel.getByLabel('Netwerk van de vergaderzaal').selectOption({ value: '127.0.0.1' });
  await panel.getByRole('button', { name: 'Aansluiten starten' }).click();
  await expect(panel.getByText('Deelnemers kunnen nu aansluiten.')).toBeVisible();
  const url = (await panel.locator('.room-url code').innerText()).trim();
  expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(panel.getByRole('img', { name: `QR-code met het adres ${url}` })).toBeVisible();
  const { port } = new URL(url);
  const served = await handshake('127.0.0.1', Number(port));
  // What the panel shows is the certificate the listener really presents, in groups of four.
  const shown = (await panel.getByRole('group', { name: /Vingerafdruk van het certificaat/ }).innerText())
    .replace(/\s+/g, '')
    .toUpperCase();
  expect(shown).toBe(served.fingerprint.toUpperCase());
  await expect(panel.getByText('Nog niemand aangesloten.')).toBeVisible();
  // The room's ca.pem, for an organisation to install once: the listener's certificate is issued by it.
  const [download] = await Promise.all([
    chair.waitForEvent('download'),
    panel.getByRole('link', { name: 'Certificaat van de vergaderzaal opslaan (ca.pem)' }).click(),
  ]);
  const ca = new crypto.X509Certificate(fs.readFileSync(await download.path()));
  expect(ca.ca).toBe(true);
  expect(served.cert.checkIssued(ca)).toBe(true);
  expect(served.cert.verify(ca.publicKey)).toBe(true);

  // The wall says where to connect while the listener runs: address, QR code, the same fingerprint.
  const [projector] = await Promise.all([
    chair.waitForEvent('popup'),
    chair.getByRole('button', { name: 'Projector openen' }).click(),
  ]);
  await expect(projector.getByRole('heading', { name: 'Volg het overleg op uw eigen laptop' })).toBeVisible();
  await expect(projector.getByText(url)).toBeVisible();
  await expect(projector.getByRole('img', { name: `QR-code met het adres ${url}` })).toBeVisible();
  const onWall = (
    await projector.getByRole('group', { name: 'Vingerafdruk van het certificaat' }).innerText()
  )
    .replace(/\s+/g, '')
    .toUpperCase();
  expect(onWall).toBe(served.fingerprint.toUpperCase());
  await expect(projector.getByTestId('projector-label')).toHaveText(labels[first]!);
  await expectAccessible(projector);
  await snap(projector, 'room-06-projector');
  await chair.bringToFront();

  // The participants' browser: its own Chromium, trusting the listener's key and nothing else.
  participants = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--ignore-certificate-errors-spki-list=${served.spki}`,
    ],
  });
  const open = async (user: string): Promise<Page> => {
    const ctx = await participants!.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const p = await ctx.newPage();
    p.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${user}: ${m.text()}`);
    });
    await p.goto(url);
    await expect(p.getByRole('heading', { name: 'Inloggen bij het overleg' })).toBeVisible();
    await p.getByLabel('Gebruikersnaam').fill(user);
    await p.getByLabel('Wachtwoord').fill(`demo-${user}-2026`);
    await p.getByRole('button', { name: 'Inloggen' }).click();
    return p;
  };

  // The GGD sent its apologies: refused, in words, and not among the connections.
  const ggd = await open('ggd');
  await expect(ggd.getByRole('alert')).toContainText('afgemeld');
  await expect(ggd.getByRole('heading', { name: 'Inloggen bij het overleg' })).toBeVisible();
  await expectAccessible(ggd);

  // Everyone else joins at once.
  const joined = await Promise.all(parties.map((p) => open(p.user)));
  parties.forEach((p, i) => pages.set(p.user, joined[i]!));
  for (const p of parties) {
    const page = pages.get(p.user)!;
    await expect(page.getByRole('heading', { name: /^Dossieroverleg Demostad, / })).toBeVisible();
    await expect(page.getByTestId('projector-label')).toHaveText(labels[first]!);
    await expect(page.getByRole('heading', { name: `Standpunt van ${p.org}`, level: 2 })).toBeVisible();
  }
  await expect(panel.getByRole('heading', { name: `Aangesloten (${parties.length})` })).toBeVisible();
  const connected = panel.getByRole('list', { name: /^Aangesloten/ }).getByRole('listitem');
  for (const p of parties)
    await expect(connected.filter({ hasText: `${p.person}, ${p.org}` })).toHaveCount(1);
  await expect(connected.filter({ hasText: 'Gwen' })).toHaveCount(0);

  // Each party records its position from its own page; the chair sees each arrive, by its author.
  await Promise.all(
    parties.map(async (p) => {
      const page = pages.get(p.user)!;
      const form = page.getByRole('form', { name: `Standpunt van ${p.org} vastleggen` });
      await form.getByLabel('Richting').selectOption({ label: p.direction });
      await form.getByLabel('Onderbouwing').fill(p.reasoning);
      await form.getByRole('button', { name: /^Standpunt vastleggen/ }).click();
      await expect(page.getByText(`Standpunt van ${p.org} vastgelegd`, { exact: false })).toBeVisible();
    }),
  );
  for (const p of parties) {
    const row = chair.locator('.pos-row', {
      has: chair.getByRole('heading', { name: new RegExp(`\\d+\\. ${p.org.replace('&', '\\&')} `) }),
    });
    await expect(row).toContainText(p.reasoning);
    await expect(row).toContainText(`door ${p.person}`);
    // Recorded by the party itself, not on its behalf (the secretary, for the gemeente, counts as such).
    if (p.user !== 'notulist') await expect(row).not.toContainText('namens');
  }

  // The chair puts the decision on the table: it appears on every page.
  const text = 'Terugkeer voorbereiden met IOM; medische check vóór vertrek.';
  await chair.getByLabel('Besluittekst').fill(text);
  await chair.getByLabel('Richting van het besluit').selectOption({ label: 'Terugkeer' });
  await chair.getByRole('button', { name: /^Besluittekst opslaan/ }).click();
  await expect(chair.getByText(/Besluit \d{4}-\d{3} opgeslagen\./)).toBeVisible();
  for (const p of parties) await expect(pages.get(p.user)!.locator('.decision-text')).toContainText(text);

  // The IND agrees at once; then the chair sharpens the text: the IND's consent lapses, its page says so.
  const ind = pages.get('ind')!;
  await giveConsent(ind, parties[1]!);
  await expect(chair.locator('[data-shortcut="consent"] li', { hasText: 'IND' })).toContainText(
    'door Ilse (IND)',
  );
  const text2 = `${text} Evaluatie over zestig dagen.`;
  await chair.getByLabel('Besluittekst').fill(text2);
  await chair.getByRole('button', { name: /^Besluittekst opslaan/ }).click();
  await expect(chair.getByText(/de eerder gegeven instemming is vervallen/)).toBeVisible();
  await expect(
    ind.getByText(/De besluittekst is gewijzigd. De instemmingen die al waren gegeven zijn vervallen/),
  ).toBeVisible();
  await expect(ind.locator('[data-shortcut="consent"] li', { hasText: 'IND' })).toContainText(
    'nog geen reactie',
  );
  for (const p of parties) await expect(pages.get(p.user)!.locator('.decision-text')).toContainText(text2);

  // Every party consents from its own page (reasons where required); the chair sees them arrive live.
  await Promise.all(parties.map((p) => giveConsent(pages.get(p.user)!, p)));
  for (const p of parties) {
    const line = chair.locator('[data-shortcut="consent"] li', { hasText: p.org });
    await expect(line).toContainText(p.consent);
    await expect(line).toContainText(`door ${p.person}`);
    if (p.reason) await expect(line).toContainText(p.reason);
  }
  // The IND answered the new text: its page no longer asks for it.
  await expect(ind.getByText(/De besluittekst is gewijzigd/)).toHaveCount(0);
  // …and so does every other page.
  const ngo = pages.get('ngo')!;
  for (const p of parties)
    await expect(ngo.locator('[data-shortcut="consent"] li', { hasText: p.org })).toContainText(p.consent);

  // Screens at both sizes, checked by axe: a participant's page and the chair's panel.
  await expectAccessible(ind);
  await snap(ind, 'room-01-participant-1280');
  await expectAccessible(chair);
  await snap(chair, 'room-02-chair-1280');
  await panel.screenshot({ path: 'test-results/screens/room-03-panel-1280.png' });
  await ind.setViewportSize({ width: 1920, height: 1080 });
  await chair.setViewportSize({ width: 1920, height: 1080 });
  await expectAccessible(ind);
  await snap(ind, 'room-04-participant-1920');
  await expectAccessible(chair);
  await snap(chair, 'room-05-chair-1920');
  await panel.screenshot({ path: 'test-results/screens/room-07-panel-1920.png' });

  // The chair settles: carried, on every page.
  await chair.getByRole('button', { name: 'Vaststellen als gedragen besluit' }).click();
  for (const p of parties)
    await expect(
      pages.get(p.user)!.getByRole('heading', { name: /^Besluit \d{4}-\d{3} — gedragen$/ }),
    ).toBeVisible();

  // The chair moves on: every page follows and says so.
  await chair.getByRole('button', { name: /^Volgende/ }).click();
  for (const p of parties) {
    const page = pages.get(p.user)!;
    await expect(page.getByTestId('projector-label')).toHaveText(labels[first + 1]!);
    await expect(
      page.getByText(`De voorzitter is naar agendapunt ${first + 2} gegaan`, { exact: false }),
    ).toBeVisible();
  }

  // The chair ends one connection: that page is back at the login, saying why; the others stay.
  const politie = pages.get('politie')!;
  await panel.getByRole('button', { name: 'Verbinding verbreken met Paul (Politie) (Politie)' }).click();
  await expect(
    politie.getByText('De voorzitter of de notulist heeft uw verbinding verbroken.'),
  ).toBeVisible();
  await expect(
    politie.getByRole('heading', { name: 'U bent niet meer verbonden met het overleg' }),
  ).toBeVisible();
  await expect(panel.getByRole('heading', { name: `Aangesloten (${parties.length - 1})` })).toBeVisible();
  await expect(ind.getByText('Verbonden: wijzigingen verschijnen vanzelf.')).toBeVisible();

  // The meeting ends: the listener stops and every page says so.
  await chair.getByRole('button', { name: 'Overleg afronden' }).click();
  await chair.getByRole('button', { name: /^Ja, overleg afronden/ }).click();
  for (const user of ['ind', 'dtv', 'ngo', 'notulist'])
    await expect(
      pages.get(user)!.getByRole('heading', { name: 'U bent niet meer verbonden met het overleg' }),
    ).toBeVisible();
  // …and the wall no longer shows where to connect.
  await expect(projector.getByRole('heading', { name: 'Volg het overleg op uw eigen laptop' })).toHaveCount(
    0,
  );

  // The minutes name who sat at the table for each party: those who recorded its stance themselves.
  const meetingId = Number(/#\/overleggen\/(\d+)/.exec(chair.url())?.[1]);
  const exported = await rpc(chair, 'minutes.exportFull', { meetingId });
  const docx = exported.files.find((f) => f.name.endsWith('.docx'))!;
  const xml = strFromU8(unzipSync(Buffer.from(docx.base64, 'base64'))['word/document.xml']!);
  for (const p of parties) expect(xml).toContain(p.person.replace('&', '&amp;'));
  expect(xml).not.toContain('Gwen');

  expect(chairErrors).toEqual([]);
  expect(pageErrors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
});

async function giveConsent(page: Page, p: Party): Promise<void> {
  const form = page.getByRole('form', { name: `Instemming van ${p.org} vastleggen` });
  await form.getByLabel(`Instemming van ${p.org}`).selectOption({ label: p.consent });
  if (p.reason) await form.getByLabel(`Reden of voorbehoud van ${p.org}`).fill(p.reason);
  await form.getByRole('button', { name: /vastleggen/ }).click();
  await expect(page.locator('[data-shortcut="consent"] li', { hasText: p.org })).toContainText(
    `door ${p.person}`,
  );
}

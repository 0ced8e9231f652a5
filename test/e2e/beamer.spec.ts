import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MeetingDetail as Meeting } from '../../shared/contract/meetings';
import { expectAccessible, screenshotDir, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, rpc, switchUser, useHost } from './support/session';

/*
 * The chair's screen made for the beamer (issue 11, item 6), at 1280×720 and 1920×1080: the projector
 * shows a three-line decision in full (nothing overflows the viewport), the item page uses a wide
 * screen, the notulist records consents in a matrix; axe finds nothing on any of them.
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();
let page: Page;
let errors: string[] = [];
let meeting: Meeting;
let itemId: number;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  errors = consoleErrors(page);
});
test.afterAll(async () => {
  await page.context().close();
});

const decision =
  'De IND beoordeelt binnen zes weken de aanvraag op grond van artikel 64 Vreemdelingenwet; tot dan ' +
  'blijft de cliënt in de LVV-voorziening met begeleiding door de ngo, en DT&V voert het vertrekgesprek ' +
  'pas na dat besluit. De gemeente zorgt voor medische zorg en bespreekt de uitkomst in het volgende overleg.';

/** What overflows the viewport: the document's size against the window's, and the decision's bottom edge. */
async function overflow(p: Page) {
  return p.evaluate(() => {
    const doc = document.documentElement;
    const text = document.querySelector('.projector-decision p');
    const box = text?.getBoundingClientRect();
    return {
      height: doc.scrollHeight - window.innerHeight,
      width: doc.scrollWidth - window.innerWidth,
      decisionBottom: box ? box.bottom - window.innerHeight : null,
      decisionLines: box && text ? Math.round(box.height / parseFloat(getComputedStyle(text).lineHeight)) : 0,
    };
  });
}

test('the projector shows a three-line decision in full at 1280×720 and 1920×1080', async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');
  let m = await rpc(page, 'meetings.plan', { date: '2026-12-07' });
  for (const o of await rpc(page, 'organisations.list', {}))
    m = await rpc(page, 'meetings.setAttendance', {
      meetingId: m.id,
      version: m.version,
      organisationId: o.id,
      presence: o.name === 'GGD' ? 'afwezig_met_bericht' : 'aanwezig',
    });
  const list = await rpc(page, 'dossiers.list', {});
  for (const d of list.rows.filter((r) => !['uitgestroomd', 'gesloten'].includes(r.status)).slice(0, 2))
    m = await rpc(page, 'meetings.agenda.add', {
      meetingId: m.id,
      version: m.version,
      kind: 'dossier',
      dossierNumber: d.number,
    });
  meeting = await rpc(page, 'meetings.start', { meetingId: m.id, version: m.version });
  itemId = meeting.items.find((i) => i.kind === 'dossier')!.id;
  await rpc(page, 'meetings.setCurrent', { meetingId: meeting.id, itemId });
  await rpc(page, 'projector.reveal', { itemId, reveal: true }); // a long label: the person's name
  await rpc(page, 'projector.setDecisionText', { text: decision });

  const projector = await page.context().newPage();
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await projector.setViewportSize({ width, height });
    await projector.goto(new URL('/#/projector', page.url()).href);
    await expect(projector.locator('.projector-decision p')).toHaveText(decision);
    await expect.poll(() => overflow(projector)).toMatchObject({ height: 0, width: 0 });
    const o = await overflow(projector);
    expect(o.decisionBottom!).toBeLessThanOrEqual(0);
    expect(o.decisionLines).toBeGreaterThanOrEqual(3);
    await expectAccessible(projector);
    await snap(projector, `beamer-projector-${width}x${height}`);
  }
  await projector.close();
});

test('the item page at 1920×1080 uses the width: positions side by side, the decision panel stays in view', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openRoute(page, `punt/${meeting.id}/${itemId}`);
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  const rows = page.locator('.pos-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(4);
  const [a, b] = [(await rows.nth(0).boundingBox())!, (await rows.nth(1).boundingBox())!];
  expect(Math.abs(a.y - b.y)).toBeLessThan(2); // side by side, not one under the other
  expect(b.x).toBeGreaterThan(a.x + a.width - 1);
  // Not a 5,000 px page with two thirds of the screen empty.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(3000);
  // Scrolled down to the last position, the decision is still on screen (sticky).
  await rows.last().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const form = (await page.locator('[data-shortcut="decision"]').boundingBox())!;
  expect(form.y + form.height).toBeGreaterThan(0);
  expect(form.y).toBeLessThan(1080);
  expect(await page.locator('.item-aside').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page);
  await snap(page, 'beamer-item-1920x1080');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBe(0);
  await expectAccessible(page);
  await snap(page, 'beamer-item-1280x720');
});

test('the notulist’s consent matrix at 1280×720 and 1920×1080', async () => {
  await rpc(page, 'decisions.save', { itemId, text: decision, direction: 'legalisatie', reviewDate: null });
  await switchUser(page, 'notulist');
  await openRoute(page, `punt/${meeting.id}/${itemId}`);
  const matrix = page.locator('.consent-matrix');
  await page.getByRole('button', { name: 'Iedereen akkoord' }).click();
  await expect(page.getByText(/“Akkoord” vastgelegd voor \d+ partijen\./)).toBeVisible();
  await expect(page.locator('.consent-result')).toBeFocused();
  await page.getByRole('combobox', { name: 'Instemming van DT&V' }).selectOption('akkoord_met_voorbehoud');
  await page
    .getByRole('textbox', { name: 'Reden of voorbehoud van DT&V' })
    .fill('Mits het vertrekgesprek doorgaat.');
  await page.getByRole('button', { name: /^Instemming van DT&V vastleggen/ }).click();
  await expect(matrix.locator('li', { hasText: 'DT&V' })).toContainText('Mits het vertrekgesprek doorgaat.');
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('#consent-h').scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(screenshotDir, `beamer-consent-matrix-${width}x${height}.png`) });
  }
});

test('in meeting mode, scrolled down to the item’s work, the idle-lock warning is on screen', async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await switchUser(page, 'beheerder');
  await rpc(page, 'settings.update', { idleLockMinutes: 1 }); // the last minute starts at once
  await switchUser(page, 'voorzitter');
  await openRoute(page, `overleggen/${meeting.id}/vergadering`);
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const warning = page.locator('.idle-warning');
  await expect(warning).toBeVisible({ timeout: 20_000 });
  const box = (await warning.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  await expect(warning.getByRole('button', { name: 'Ik ben er nog' })).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(screenshotDir, 'beamer-idle-warning-meeting-mode.png') });
  await warning.getByRole('button', { name: 'Ik ben er nog' }).click();
  await switchUser(page, 'beheerder');
  await rpc(page, 'settings.update', { idleLockMinutes: 10 });
});

test('the story ends without console errors', () => {
  expect(errors).toEqual([]);
});

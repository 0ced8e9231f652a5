import { expect, test, type Page } from '@playwright/test';
import type { MeetingDetail as Meeting } from '../../shared/contract/meetings';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, rpc, useHost } from './support/session';

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

test('the story ends without console errors', () => {
  expect(errors).toEqual([]);
});

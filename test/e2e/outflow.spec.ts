import { expect, test, type Page } from '@playwright/test';
import type { Presence } from '../../shared/domain/consent';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, rpc, useHost } from './support/session';

/*
 * Issue 12: the outflow panel's pick-lists, as the chair uses them at an agenda item. A permit is
 * recorded with its ground (medisch, art. 64) and a return with its form and country (a Dutch
 * ISO 3166 name); the stored codes are what the reports count.
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());

async function startedMeeting(page: Page, dossierNumbers: string[]) {
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  let m = await rpc(page, 'meetings.plan', { date: tomorrow.toISOString().slice(0, 10) });
  for (const o of await rpc(page, 'organisations.list', {}))
    m = await rpc(page, 'meetings.setAttendance', {
      meetingId: m.id,
      version: m.version,
      organisationId: o.id,
      presence: 'aanwezig' satisfies Presence,
    });
  for (const n of dossierNumbers)
    m = await rpc(page, 'meetings.agenda.add', {
      meetingId: m.id,
      version: m.version,
      kind: 'dossier',
      dossierNumber: n,
    });
  return rpc(page, 'meetings.start', { meetingId: m.id, version: m.version });
}

test('the chair records a permit with its ground and a return with its country from the pick-lists', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');
  const open = (await rpc(page, 'dossiers.list', {})).rows.filter(
    (d) => !['uitgestroomd', 'gesloten'].includes(d.status),
  );
  const meeting = await startedMeeting(
    page,
    open.slice(0, 2).map((d) => d.number),
  );
  const [first, second] = meeting.items.filter((i) => i.kind === 'dossier');

  // A permit: the ground is asked only for this category, from the evaluation's list.
  await openRoute(page, `punt/${meeting.id}/${first!.id}`);
  const panel = page.locator('[data-shortcut="outflow"]');
  await expect(panel.getByRole('heading', { name: /Uitstroom/ })).toBeVisible();
  await expect(panel.getByLabel('Grond verblijfsvergunning')).toHaveCount(0);
  await panel
    .getByLabel('Uitstroomcategorie')
    .selectOption({ label: '(tijdelijke) verblijfsvergunning verkregen' });
  await panel
    .getByLabel('Grond verblijfsvergunning')
    .selectOption({ label: 'Medisch: uitstel van vertrek (art. 64 Vw)' });
  await expect(panel.getByLabel('Land van terugkeer of doormigratie')).toHaveCount(0);
  await panel.getByLabel('Traject beëindigd door').selectOption({ label: 'De gemeente' });
  await panel.getByRole('textbox', { name: 'Datum uitstroom', exact: true }).fill(today);
  await expectAccessible(page);
  await panel.getByRole('button', { name: /Uitstroom vastleggen/ }).click();
  await expect(panel.getByText('Het dossier is uitgestroomd.')).toBeVisible();
  const permit = (await rpc(page, 'dossiers.get', { id: first!.dossierId! })).dossier;
  expect(permit).toMatchObject({
    status: 'uitgestroomd',
    outcome: 'VERBLIJFSVERGUNNING',
    permitGround: 'medisch',
    endedBy: 'gemeente',
    outflowDate: today,
    outcomeIncomplete: false,
  });

  // A return: its form (controlled and demonstrable) and the country, by its Dutch name.
  await openRoute(page, `punt/${meeting.id}/${second!.id}`);
  await panel.getByLabel('Uitstroomcategorie').selectOption({
    label: 'terugkeer naar land van herkomst (gecontroleerd en aantoonbaar)',
  });
  await panel
    .getByLabel('Vorm')
    .selectOption({ label: 'zelfstandig aantoonbaar (met of zonder steun van IOM/REAN)' });
  await panel.getByLabel('Land van terugkeer of doormigratie').selectOption({ label: 'Georgië' });
  await panel.getByLabel('Traject beëindigd door').selectOption({ label: 'De cliënt' });
  await panel.getByRole('textbox', { name: 'Datum uitstroom', exact: true }).fill(today);
  await panel.getByRole('button', { name: /Uitstroom vastleggen/ }).click();
  await expect(panel.getByText('Het dossier is uitgestroomd.')).toBeVisible();
  // After the click, not before: a full-page screenshot between filling and clicking left the
  // button's press unanswered (the form was never submitted) in this Chromium.
  await snap(page, 'outflow-01-return');
  const returned = (await rpc(page, 'dossiers.get', { id: second!.dossierId! })).dossier;
  expect(returned).toMatchObject({
    outcome: 'TERUGKEER',
    outcomeSubkind: 'zelfstandig_aantoonbaar',
    country: 'GE',
    endedBy: 'client',
    outcomeIncomplete: false,
  });
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

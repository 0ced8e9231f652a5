import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { demoDossiers } from '../../electron/core/demo/demo-dossiers';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, useHost } from './support/session';

test.describe.configure({ mode: 'serial' });

const env = useHost();

const agendaLabels = (page: Page) => page.locator('.agenda-item strong').allInnerTexts();

test('the chair prepares this week’s meeting from the proposal, reorders by keyboard, exports the agenda and runs the meeting', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await openDemo(page, env.url);
  await loginAs(page, 'voorzitter');

  await page.getByRole('link', { name: 'Overleggen' }).click();
  await expect(page.getByRole('heading', { name: 'Overleggen', level: 1 })).toBeVisible();
  // Newest first: this week's planned meeting, then last week's finished one.
  await expect(page.getByRole('row').nth(1)).toContainText('Gepland');
  await expect(page.getByRole('row').nth(2)).toContainText('Afgerond');
  await expectAccessible(page);
  await snap(page, 'meetings-01-list');

  // This week's meeting (newest first): the app proposes an agenda, each item with its reason.
  await page
    .getByRole('link', { name: /^Overleg van .* openen$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Overleg .* Gepland$/ })).toBeVisible();
  await expect(page.getByText('De agenda is nog leeg.')).toBeVisible();
  const proposal = page.locator('.proposal');
  await expect(proposal.getByText(/doorgeschoven van \d+ \w+ \d{4}/)).toBeVisible();
  await expect(proposal.getByText(/aangehouden op/)).toBeVisible();
  await expect(proposal.getByText(/verzoek van VluchtelingenWerk/)).toBeVisible();
  await expect(proposal.getByText(/verzoek van IND .*na de deadline/)).toBeVisible();
  await expect(proposal.getByText(/streefdatum verstreken/).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'meetings-02-proposal');

  await page.getByRole('button', { name: /^Alle voorgestelde punten overnemen/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'punten op de agenda gezet' })).toBeVisible();
  await expect(page.getByText('Alle voorgestelde punten staan op de agenda.')).toBeVisible();
  const before = await agendaLabels(page);
  expect(before[0]).toBe('Opening');
  expect(before.at(-1)).toBe('Sluiting');
  await expect(page.locator('.agenda').getByText(/doorgeschoven van/)).toBeVisible();
  await expect(page.locator('.agenda').getByText(/aangehouden op/)).toBeVisible();
  // Issue 11: the dossiers' signals as badges, and the standing outflow item.
  await expect(
    page
      .locator('.agenda .signal-list')
      .getByText(/^geen contact sinds \d+ weken/)
      .first(),
  ).toBeVisible();
  await expect(page.locator('.agenda .signal-list').getByText('vastgelopen').first()).toBeVisible();
  await expect(page.locator('.agenda .signal-list').getByText('medische belemmering').first()).toBeVisible();
  expect(before).toContain('Uitstroom sinds vorig overleg');
  await snap(page, 'meetings-02b-agenda-signals');

  // Keyboard only: focus the second item and move it down with Alt+ArrowDown; focus stays on it.
  await page.locator('.agenda-item').nth(1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.agenda-item').nth(2).locator('strong')).toHaveText(before[1]!);
  await expect(page.locator('.agenda-item').nth(2)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'staat nu op plaats 3' })).toBeAttached();
  // …and with the move-up button, reached by Tab and pressed with Enter.
  await page.getByRole('button', { name: `${before[1]} omhoog` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.agenda-item').nth(1).locator('strong')).toHaveText(before[1]!);
  await page.locator('.agenda-item').nth(1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  const moved = [before[0], before[2], before[1], ...before.slice(3)];
  await expect.poll(() => agendaLabels(page)).toEqual(moved);
  // The order is stored, not only shown.
  await page.reload();
  await expect.poll(() => agendaLabels(page)).toEqual(moved);
  // Mouse: drag the third item back to second place.
  await page.locator('.agenda-item').nth(2).dragTo(page.locator('.agenda-item').nth(1));
  await expect.poll(() => agendaLabels(page)).toEqual(before);
  await expectAccessible(page);
  await snap(page, 'meetings-03-agenda');

  // Planned minutes carry a visible label and unit. A value outside 1–240 stays in the field with a
  // message at it saying what is allowed, and nothing is saved; a valid one is.
  const minutes = page.getByRole('spinbutton', { name: `Duur in minuten voor ${before[1]}`, exact: true });
  const row = page.locator('.agenda-item', { has: minutes });
  await expect(row.getByText('Duur', { exact: true })).toBeVisible();
  await expect(row.getByText('min', { exact: true })).toBeVisible();
  const planned = await minutes.inputValue();
  for (const wrong of ['0', '9999', '-3']) {
    await minutes.fill(wrong);
    await minutes.press('Enter');
    await expect(row.getByText('Vul een heel aantal minuten in, van 1 tot en met 240.')).toBeVisible();
    await expect(minutes).toHaveAttribute('aria-invalid', 'true');
    await expect(minutes).toHaveValue(wrong);
  }
  await expectAccessible(page);
  await snap(page, 'meetings-03b-minutes-range');
  await page.reload();
  await expect(minutes).toHaveValue(planned);
  const stored = page.waitForResponse(
    (r) => r.url().endsWith('/rpc') && (r.request().postData() ?? '').includes('meetings.agenda.setMinutes'),
  );
  await minutes.fill('25');
  await minutes.press('Enter');
  await stored;
  await expect(row.getByText(/^Vul een heel aantal minuten in/)).toHaveCount(0);
  await expect(minutes).not.toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(minutes).toHaveValue('25');

  // The agenda as DOCX: pseudonymised.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Agenda downloaden (DOCX, gepseudonimiseerd)' }).click();
  const file = await (await download).path();
  const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
  const text = xml.replace(/<[^>]+>/g, ' ');
  expect(text).toMatch(/D-20\d\d-\d{4} \((\p{L}\.)+\)/u);
  expect(text).toContain('doorgeschoven van');
  for (const d of demoDossiers) {
    expect(text).not.toContain(d.vNumber);
    expect(text).not.toContain(d.name);
    expect(text).not.toContain(d.name.split(' ')[0]!);
    expect(text).not.toContain(d.birthDate);
  }

  // Meeting mode: step with keys and buttons, jump, see the dossier and the clock.
  await page.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(page.getByRole('heading', { name: /^Vergadering / })).toBeVisible();
  const total = before.length;
  await expect(page.getByText(`Nu: punt 1 van ${total}`)).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByText(`Nu: punt 2 van ${total}`)).toBeVisible();
  await page.getByRole('button', { name: /^Volgende/ }).click();
  await expect(page.getByText(`Nu: punt 3 van ${total}`)).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByText(`Nu: punt 2 van ${total}`)).toBeVisible();
  await page.getByRole('button', { name: `Naar punt ${total - 1}. Rondvraag` }).click();
  await expect(page.getByText(`Nu: punt ${total - 1} van ${total}`)).toBeVisible();
  // A dossier: its summary and timeline, the clock, and the preview of the next item.
  const first = before.findIndex((l) => /^D-\d{4}-\d{4} /.test(l));
  await page.getByRole('button', { name: `Naar punt ${first + 1}. ${before[first]}` }).click();
  await expect(page.getByText(`Nu: punt ${first + 1} van ${total}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dossier', level: 3 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verloop van status en traject' })).toBeVisible();
  await expect(page.getByText(/^Tijd bij dit punt/)).toBeVisible();
  await expect(page.locator('.mode-next')).toHaveText(before[first + 1]!);
  await expectAccessible(page);
  await snap(page, 'meetings-04-meeting-mode');

  await page.getByRole('button', { name: 'Overleg afronden' }).click();
  await page.getByRole('button', { name: 'Ja, overleg afronden' }).click();
  await expect(page.getByRole('heading', { name: /^Overleg .* Afgerond$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

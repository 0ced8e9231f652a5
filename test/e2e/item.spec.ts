import { expect, test, type Page } from '@playwright/test';
import type { MeetingDetail as Meeting } from '../../shared/contract/meetings';
import type { Presence } from '../../shared/domain/consent';
import { expectAccessible, snap } from './support/host';
import { consoleErrors, loginAs, openDemo, openRoute, rpc, useHost } from './support/session';

/*
 * One agenda item worked through by keyboard only (positions for several organisations as the
 * secretary, the decision text, consents, an action, adopting it), a held decision that returns on the
 * next meeting's proposed agenda, and an escalation. The meeting itself is prepared through the real
 * API (meetings.plan, setAttendance, agenda.add, start) from the logged-in page.
 */

test.describe.configure({ mode: 'serial' });

const env = useHost();
/** One page for the whole story: the host's link is single-use, and the session cookie lives in it. */
let page: Page;
let errors: string[] = [];

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  errors = consoleErrors(page);
});
test.afterAll(async () => {
  await page.context().close();
});

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Plans a meeting with the demo table's attendance and the given dossiers on the agenda, and starts it. */
async function prepareMeeting(page: Page, date: string, dossierNumbers: string[]): Promise<Meeting> {
  let m = await rpc(page, 'meetings.plan', { date });
  const orgs = await rpc(page, 'organisations.list', {});
  const presence: Record<string, Presence> = {
    'Gemeente Demostad': 'aanwezig',
    IND: 'aanwezig',
    'DT&V': 'aanwezig',
    VluchtelingenWerk: 'schriftelijke_inbreng',
    Politie: 'aanwezig',
    GGD: 'afwezig_met_bericht',
  };
  for (const o of orgs)
    m = await rpc(page, 'meetings.setAttendance', {
      meetingId: m.id,
      version: m.version,
      organisationId: o.id,
      presence: presence[o.name] ?? null,
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

/** Focus is on something (not lost to the page) and shows its ring: after every action of a keyboard run. */
async function expectFocusVisible() {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    return {
      lost: !el || el === document.body,
      visible: !!el && el.matches(':focus-visible'),
    };
  });
  expect(focus.lost).toBe(false);
  expect(focus.visible).toBe(true);
}

/** One organisation's consent by keyboard: Alt+I reaches the next organisation still to answer. */
async function consent(org: string, value: string, reason?: string) {
  // As a user would, wait until the consent row is on screen before reaching for it.
  await expect(page.getByRole('combobox', { name: `Instemming van ${org}` })).toBeEnabled();
  await page.keyboard.press('Alt+I');
  await expect(page.getByRole('combobox', { name: `Instemming van ${org}` })).toBeFocused();
  // Type-ahead picks the option; "+" means the one after it (a space would open the list).
  await page.keyboard.type(value.replace('+', ''));
  if (value.endsWith('+')) await page.keyboard.press('ArrowDown');
  if (reason) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(reason);
  }
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-shortcut="consent"] li', { hasText: org })).not.toHaveAttribute(
    'data-pending',
    'true',
  );
  await expectFocusVisible();
}

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
let meeting: Meeting;
let dossierItems: Meeting['items'];

test('a whole agenda item by keyboard: positions for several organisations, decision, consents, an action', async () => {
  await openDemo(page, env.url);
  await loginAs(page, 'beheerder', 'demo-beheerder-2026');
  // A small city: the chair also keeps the minutes (voorzitter and notulist in one person).
  const orgs = await rpc(page, 'organisations.list', {});
  await rpc(page, 'users.create', {
    displayName: 'Wim Wessels',
    username: 'wim',
    organisationId: orgs.find((o) => o.name === 'Gemeente Demostad')!.id,
    roles: ['voorzitter', 'notulist'],
    password: 'wim zit voor en notuleert',
  });
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await loginAs(page, 'wim', 'wim zit voor en notuleert');
  const list = await rpc(page, 'dossiers.list', {});
  const numbers = list.rows
    .filter((d) => !['uitgestroomd', 'gesloten'].includes(d.status))
    .map((d) => d.number);
  expect(numbers.length).toBeGreaterThanOrEqual(3);
  meeting = await prepareMeeting(page, addDays(today, 1), numbers.slice(0, 3));
  dossierItems = meeting.items.filter((i) => i.kind === 'dossier');

  await openRoute(page, `punt/${meeting.id}/${dossierItems[0]!.id}`);
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  await expect(page.locator('[data-org-row="1"] h4 kbd')).toHaveText('Alt+1');
  await expectAccessible(page);
  await snap(page, 'item-01-empty');

  // Positions, each reached with Alt+n, typed, saved with Ctrl+Enter.
  const position = async (
    n: number,
    org: string,
    direction: string,
    reasoning: string,
    withheld?: string,
  ) => {
    await page.keyboard.press(`Alt+${n}`);
    await expect(page.getByRole('combobox', { name: 'Richting' }).nth(n - 1)).toBeFocused();
    await page.keyboard.type(direction);
    await page.keyboard.press('Tab');
    await page.keyboard.type(reasoning);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Informatie van ${org}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    if (withheld) {
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type(withheld);
    }
    await page.keyboard.press('Control+Enter');
    await expect(
      page.getByText(
        new RegExp(`Standpunt van ${org.replace('&', '\\&')} vastgelegd\\. Opgeslagen als versie 1;`),
      ),
    ).toBeVisible();
    // The form keeps what was saved, so the party can revise it.
    const form = page.getByRole('form', { name: `Standpunt van ${org} vastleggen` });
    await expect(form.getByRole('combobox', { name: 'Richting' })).not.toHaveValue('');
    await expect(form.getByRole('textbox', { name: 'Onderbouwing' })).toHaveValue(reasoning);
    await expect(form.getByRole('textbox', { name: 'Ingebrachte informatie' })).toHaveValue(
      `Informatie van ${org}`,
    );
  };
  await position(1, 'Gemeente Demostad', 'Terug', 'Perspectief op terugkeer met steun van IOM.');
  await position(2, 'IND', 'Terug', 'Geen nieuwe gronden.');
  await position(3, 'DT&V', 'Terug', 'Vertrekplan is haalbaar.', 'Lopend onderzoek naar reisdocument.');
  await position(4, 'VluchtelingenWerk', 'Twee', 'Eerst stabiliseren, dan terugkeer voorbereiden.');
  // Required fields carry a visible marker: the direction of a position is one.
  await expect(page.locator('[data-org-row="1"] label', { hasText: 'Richting' })).toHaveText('Richting *');
  const ind = page.locator('[data-org-row="2"]');
  await expect(ind.getByText(/vastgelegd door notulist namens IND/)).toBeVisible();
  await expect(
    page.locator('[data-org-row="3"] .pos-view').getByText('Lopend onderzoek naar reisdocument.'),
  ).toBeVisible();

  // The decision text: Alt+B, direction and review date, Ctrl+Enter.
  await page.keyboard.press('Alt+B');
  await expect(page.getByLabel('Besluittekst')).toBeFocused();
  await page.keyboard.type('Terugkeer voorbereiden met IOM; medische check vóór vertrek.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Terug');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(today, 60));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Besluit \d{4}-\d{3} opgeslagen\./)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Evaluatiedatum', exact: true })).toBeFocused(); // saved in place
  await expectFocusVisible();
  await expect(
    page.getByText(/Nog niet gedragen: wacht op Gemeente Demostad, IND, DT&V, VluchtelingenWerk, Politie/),
  ).toBeVisible();

  // The decision text on the projector: a warning first (the whole room sees it), then a toggle.
  await page.getByRole('button', { name: 'Toon besluittekst op het projectiescherm' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'zichtbaar voor iedereen in de zaal' }),
  ).toContainText('gezondheid of justitie');
  expect((await rpc(page, 'projector.control', {})).decisionText).toBeNull();
  await snap(page, 'item-01b-projector-warning');
  await page.getByRole('button', { name: 'Ja, op het scherm tonen' }).click();
  await expect(page.getByText('De besluittekst staat op het projectiescherm.')).toBeVisible();
  expect((await rpc(page, 'projector.control', {})).decisionText).toBe(
    'Terugkeer voorbereiden met IOM; medische check vóór vertrek.',
  );
  await page.getByRole('button', { name: 'Besluittekst van het scherm halen' }).click();
  await expect(page.getByText('De besluittekst is van het projectiescherm gehaald.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Toon besluittekst op het projectiescherm' })).toBeVisible();
  expect((await rpc(page, 'projector.control', {})).decisionText).toBeNull();

  // Consents: Alt+I goes to the next organisation still to answer each time.
  await consent('Gemeente Demostad', 'Akkoord');
  await consent('IND', 'Akkoord');
  await consent('DT&V', 'Akkoord+', 'Alleen na fit-to-fly.');
  await consent('VluchtelingenWerk', 'Ont', 'Schriftelijk: geen rol in de terugkeer.');
  await consent('Politie', 'Akkoord');
  await expect(
    page.getByText('Gedragen: iedere deelnemende organisatie heeft gereageerd en niemand maakt bezwaar.'),
  ).toBeVisible();
  await expect(page.getByText(/door Wim Wessels, vastgelegd door notulist namens DT&V/)).toBeVisible();

  // An action: Alt+A, what, organisation, person, due date; linked to the decision.
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('textbox', { name: 'Actie' })).toBeFocused();
  await page.keyboard.type('Vertrekgesprek plannen met IOM');
  await page.keyboard.press('Tab');
  await page.keyboard.type('DT');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Daan');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(today, 8));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Actiepunt toegevoegd voor DT&V.')).toBeVisible();
  await expectFocusVisible();
  await expect(page.getByText(/Vertrekgesprek plannen met IOM — DT&V \(Daan\)/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'item-02-recorded');

  // Adopt it: Alt+S reaches the settle buttons; the first enabled one is "Vaststellen".
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('button', { name: 'Vaststellen als gedragen besluit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Besluit \d{4}-\d{3} is gedragen en vastgesteld\./)).toBeVisible();
  // The button is gone: focus moved to the outcome, with its ring (issue 11).
  await expect(page.locator('.decision-result')).toBeFocused(); // after the panel reloaded
  await expectFocusVisible();
  await expect(page.getByRole('heading', { name: /Besluit \d{4}-\d{3} — gedragen/ })).toBeVisible();
  await expect(page.getByText(/Status dossier: Besluit gedragen · traject: Terugkeer/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'item-03-carried');
});

test('a held decision comes back on the next meeting’s proposed agenda; decisions lock when the meeting ends', async () => {
  // Held in meeting mode: the chair's outcome of the item and the dossier summary follow at once.
  await rpc(page, 'meetings.setCurrent', { meetingId: meeting.id, itemId: dossierItems[1]!.id });
  await openRoute(page, `overleggen/${meeting.id}/vergadering`);
  await expect(
    page.getByRole('heading', { name: `Agendapunt: ${dossierItems[1]!.dossierNumber}`, exact: false }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  await expect(page.getByLabel('Uitkomst van dit punt')).toHaveValue('open');
  await page.keyboard.press('Alt+B');
  await page.keyboard.type('Medisch advies afwachten; terugkeer pas daarna bespreken.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Terug');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(today, 30));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Besluit \d{4}-\d{3} opgeslagen\./)).toBeVisible();
  await consent('Gemeente Demostad', 'Akkoord');
  await consent('IND', 'Bez', 'Medicatie alleen in de hoofdstad beschikbaar.');
  await expect(page.getByText('Niet gedragen: bezwaar van IND.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vaststellen als gedragen besluit' })).toBeDisabled();
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('button', { name: 'Aanhouden (komt volgende keer terug)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/is aangehouden; het dossier komt op de volgende agenda terug/)).toBeVisible();
  await expect(page.locator('.decision-result')).toBeFocused(); // after the panel reloaded
  await expectFocusVisible();
  await expect(page.getByLabel('Uitkomst van dit punt')).toHaveValue('aangehouden');
  await snap(page, 'item-04-held');

  // The dossier took the decision's review date, and its timeline says which decision held it.
  const heldDossierId = (
    await rpc(page, 'items.work', { meetingId: meeting.id, itemId: dossierItems[1]!.id })
  ).dossier!.id;
  await openRoute(page, `dossiers/${heldDossierId}`);
  const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Tijdlijn' }) });
  await expect(
    timeline.getByText(/Besluit \d{4}-\d{3} aangehouden: Medisch advies afwachten/).first(),
  ).toBeVisible();
  await expect(timeline.getByText(/^Evaluatiedatum: /)).toBeVisible();
  await snap(page, 'item-04b-held-timeline');
  await openRoute(page, `punt/${meeting.id}/${dossierItems[1]!.id}`);
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();

  // End the meeting; its decisions are locked, and the next meeting's proposal brings the held dossier back.
  const m = await rpc(page, 'meetings.get', { meetingId: meeting.id });
  await rpc(page, 'meetings.end', { meetingId: meeting.id, version: m.version });
  await page.reload();
  await expect(
    page.getByText('Dit overleg is afgerond: standpunten en besluiten liggen vast.'),
  ).toBeVisible();
  await expect(page.getByText('Vergrendeld: het overleg is afgerond.')).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'item-05-locked');
  const next = await rpc(page, 'meetings.plan', { date: addDays(today, 8) });
  const proposal = await rpc(page, 'meetings.agenda.propose', {
    meetingId: next.id,
  });
  const heldDossier = (
    await rpc(page, 'items.work', {
      meetingId: meeting.id,
      itemId: dossierItems[1]!.id,
    })
  ).dossier!.id;
  const back = proposal.items.find((i) => i.dossierId === heldDossier);
  expect(back?.reasons.map((r) => r.code)).toContain('held');
});

test('an escalation carries the dissent to the configured body and flags the dossier', async () => {
  const dossierNumbers = await rpc(page, 'items.work', {
    meetingId: meeting.id,
    itemId: dossierItems[2]!.id,
  });
  const m2 = await prepareMeeting(page, addDays(today, 15), [dossierNumbers.dossier!.number]);
  const item = m2.items.find((i) => i.kind === 'dossier')!;
  await openRoute(page, `punt/${m2.id}/${item.id}`);
  await expect(
    page.getByRole('heading', { name: `Agendapunt: ${item.dossierNumber}`, exact: false }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Standpunten' })).toBeVisible();
  await page.keyboard.press('Alt+B');
  await page.keyboard.type('Buitenschuldvergunning aanvragen.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Leg');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Besluit \d{4}-\d{3} opgeslagen\./)).toBeVisible();
  await consent('Gemeente Demostad', 'Akkoord');
  await consent('IND', 'Akkoord');
  await consent('DT&V', 'Bez', 'Geen bewijs van medewerking aan vertrek.');
  await expect(page.getByText('Niet gedragen: bezwaar van DT&V.')).toBeVisible();
  // "Voorleggen aan": the body (the city's default first) and the question put to it.
  await page
    .getByRole('textbox', { name: 'Vraag aan Landelijke werkgroep vastgelopen dossiers' })
    .fill('Kan de IND buitenschuld onderzoeken?');
  await page
    .getByRole('button', { name: 'Voorleggen aan Landelijke werkgroep vastgelopen dossiers' })
    .click();
  // It asks first (issue 11): one click no longer settles the decision.
  await expect(
    page.getByRole('alert').filter({ hasText: /Weet u zeker dat u dit besluit wilt voorleggen/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, doorgaan' })).toBeFocused();
  await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
  await expect(page.getByText(/is voorgelegd aan Landelijke werkgroep vastgelopen dossiers/)).toBeVisible();
  await expect(page.getByText('Vraag: Kan de IND buitenschuld onderzoeken?')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Escalaties' })).toBeVisible();
  await expect(page.locator('.dissent')).toContainText(
    'DT&V: bezwaar — Geen bewijs van medewerking aan vertrek.',
  );
  await expect(page.locator('.dissent')).toContainText('Politie: geen reactie');
  await expect(page.locator('.flag', { hasText: 'Geëscaleerd' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'item-06-escalated');

  // "Acties van mijn organisatie" for the chair's own organisation, and DT&V's list by choice.
  await page.getByRole('link', { name: 'Acties' }).click();
  await expect(page.getByRole('heading', { name: 'Acties van mijn organisatie' })).toBeVisible();
  await page.getByLabel('Organisatie').selectOption({ label: 'DT&V' });
  await expect(page.getByRole('cell', { name: /Vertrekgesprek plannen met IOM/ })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'item-07-actions');
  expect(errors).toEqual([]);
});

import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { setApi } from '../../renderer/src/api';
import { App } from '../../renderer/src/App';
import { useSession } from '../../renderer/src/state/session';
import { makeEnv, type TestEnv } from '../support/backend';

/*
 * The chair's screen at the beamer (issue 11, item 6), over the real backend: single-letter keys act
 * only on the meeting's own controls and can be turned off (WCAG 2.1.4).
 */

let env: TestEnv;
let meeting: MeetingDetail;
beforeEach(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'voorzitter', password: 'demo-voorzitter-2026' });
  let m = await env.api['meetings.plan']({ date: '2026-12-07' });
  for (const o of await env.api['organisations.list']({}))
    m = await env.api['meetings.setAttendance']({
      meetingId: m.id,
      version: m.version,
      organisationId: o.id,
      presence: 'aanwezig',
    });
  const dossiers = (await env.api['dossiers.list']({})).rows.filter(
    (d) => !['uitgestroomd', 'gesloten'].includes(d.status),
  );
  for (const d of dossiers.slice(0, 2))
    m = await env.api['meetings.agenda.add']({
      meetingId: m.id,
      version: m.version,
      kind: 'dossier',
      dossierNumber: d.number,
    });
  meeting = await env.api['meetings.start']({ meetingId: m.id, version: m.version });
  setApi(env.api);
  useSession.setState({ status: null, demoUsers: null, recoveryKey: null, hadSession: false });
  localStorage.clear();
  window.location.hash = `#/overleggen/${meeting.id}/vergadering`;
});
afterEach(() => {
  cleanup();
  env.cleanup();
});

const current = async () => (await env.api['meetings.get']({ meetingId: meeting.id })).currentItemId;
const blackout = async () => (await env.api['projector.control']({})).blackout;

describe('meeting mode’s single-letter keys', () => {
  it('never act while focus is on a button of another panel: typing “plan b” there moves nothing', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Standpunten' });
    const start = await current();
    // A button in the item's panel (not the meeting's own controls).
    const other = document.querySelector<HTMLElement>('.item-work button');
    expect(other).toBeTruthy();
    other!.focus();
    await user.keyboard('plan b');
    await new Promise((r) => setTimeout(r, 200));
    expect(await current()).toBe(start);
    expect(await blackout()).toBe(false);
  });

  it('act with focus on the meeting’s own controls, and not at all once turned off', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Standpunten' });
    const start = await current();
    screen.getByRole('button', { name: /^Volgende/ }).focus();
    await user.keyboard('n');
    await waitFor(async () => expect(await current()).not.toBe(start));
    const moved = await current();

    await user.click(screen.getByRole('checkbox', { name: /Sneltoetsen met één letter/ }));
    expect(localStorage.length).toBeGreaterThan(0);
    screen.getByRole('button', { name: /^Vorige/ }).focus();
    await user.keyboard('p');
    await new Promise((r) => setTimeout(r, 200));
    expect(await current()).toBe(moved);
  });
});

describe('steps that cannot be undone in one click', () => {
  const itemWork = async () => {
    const itemId = meeting.items.find((i) => i.kind === 'dossier')!.id;
    return { itemId, work: await env.api['items.work']({ meetingId: meeting.id, itemId }) };
  };

  it('putting a decision to a body asks first; “Annuleren” leaves it open, “Ja, doorgaan” settles it', async () => {
    const user = userEvent.setup();
    const { itemId } = await itemWork();
    await env.api['decisions.save']({
      itemId,
      text: 'Voorleggen.',
      direction: 'legalisatie',
      reviewDate: null,
    });
    window.location.hash = `#/punt/${meeting.id}/${itemId}`;
    render(<App />);
    await user.type(await screen.findByRole('textbox', { name: /^Vraag aan/ }), 'Wat nu?');
    await user.click(screen.getByRole('button', { name: /^Voorleggen aan / }));
    expect((await itemWork()).work.decision!.state).toBe('concept');
    expect(screen.getByRole('alert').textContent).toMatch(/Weet u zeker dat u dit besluit wilt voorleggen/);
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Voorleggen aan /));
    expect((await itemWork()).work.decision!.state).toBe('concept');
    await user.click(screen.getByRole('button', { name: /^Voorleggen aan / }));
    expect(document.activeElement?.textContent).toBe('Ja, doorgaan');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await itemWork()).work.decision!.state).toBe('geescaleerd'));
  });

  it('reopening a settled decision asks first', async () => {
    const user = userEvent.setup();
    const { itemId } = await itemWork();
    const saved = await env.api['decisions.save']({
      itemId,
      text: 'Aanhouden.',
      direction: 'legalisatie',
      reviewDate: null,
    });
    await env.api['decisions.settle']({
      decisionId: saved.id,
      expectedVersion: saved.version,
      outcome: 'aanhouden',
    });
    window.location.hash = `#/punt/${meeting.id}/${itemId}`;
    render(<App />);
    await user.type(
      await screen.findByRole('textbox', { name: 'Reden voor heropenen' }),
      'Nieuwe feiten{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Besluit heropenen' }));
    expect((await itemWork()).work.decision!.state).toBe('aangehouden');
    await user.click(await screen.findByRole('button', { name: 'Ja, doorgaan' }));
    await waitFor(async () => expect((await itemWork()).work.decision!.state).toBe('concept'));
  });
});

describe('the notulist’s consent matrix', () => {
  it('records “akkoord” for every party in one action, then an exception per party', async () => {
    const user = userEvent.setup();
    const itemId = meeting.items.find((i) => i.kind === 'dossier')!.id;
    await env.api['decisions.save']({
      itemId,
      text: 'Samen verder.',
      direction: 'legalisatie',
      reviewDate: null,
    });
    await env.api['auth.logout']({});
    await env.api['auth.login']({ username: 'notulist', password: 'demo-notulist-2026' });
    window.location.hash = `#/punt/${meeting.id}/${itemId}`;
    render(<App />);
    const parties = (await env.api['items.work']({ meetingId: meeting.id, itemId })).participants;
    expect(parties.length).toBeGreaterThanOrEqual(5);
    // One row per party.
    await screen.findByRole('heading', { name: /^Instemming/ });
    expect(document.querySelectorAll('[data-shortcut="consent"] li')).toHaveLength(parties.length);

    await user.click(screen.getByRole('button', { name: 'Iedereen akkoord' }));
    await waitFor(async () => {
      const d = (await env.api['items.work']({ meetingId: meeting.id, itemId })).decision!;
      expect(d.consents.map((c) => c.consent)).toEqual(parties.map(() => 'akkoord'));
      expect(d.consents.every((c) => c.onBehalf)).toBe(true);
    });
    const done = await screen.findByText(`“Akkoord” vastgelegd voor ${parties.length} partijen.`);
    // Focus goes to the result, so a screen reader user hears it and continues from there.
    await waitFor(() => expect(document.activeElement).toBe(done.closest('[tabindex="-1"]')));

    // The exception: DT&V objects after all.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Instemming van DT&V' }), 'bezwaar');
    await user.type(
      screen.getByRole('textbox', { name: 'Reden of voorbehoud van DT&V' }),
      'Geen medewerking.',
    );
    await user.click(screen.getByRole('button', { name: /^Instemming van DT&V vastleggen/ }));
    await waitFor(async () => {
      const d = (await env.api['items.work']({ meetingId: meeting.id, itemId })).decision!;
      expect(d.consents.find((c) => c.organisationName === 'DT&V')!.consent).toBe('bezwaar');
      expect(d.evaluation.state).toBe('geblokkeerd');
    });
  });
});

describe('dates as typed in the Netherlands', () => {
  it('a review date typed as 7-12-2026 is saved as 7 December 2026; the calendar beside it fills the field', async () => {
    const user = userEvent.setup();
    const itemId = meeting.items.find((i) => i.kind === 'dossier')!.id;
    window.location.hash = `#/punt/${meeting.id}/${itemId}`;
    render(<App />);
    await user.type(await screen.findByRole('textbox', { name: /^Besluittekst/ }), 'Over een jaar opnieuw.');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Richting/ }), 'legalisatie');
    await user.type(screen.getByRole('textbox', { name: 'Evaluatiedatum' }), '7-12-2026');
    expect(screen.getByLabelText<HTMLInputElement>('Evaluatiedatum: kiezen uit kalender').value).toBe(
      '2026-12-07',
    );
    await user.click(screen.getByRole('button', { name: /^Besluittekst opslaan/ }));
    await waitFor(async () =>
      expect((await env.api['items.work']({ meetingId: meeting.id, itemId })).decision?.reviewDate).toBe(
        '2026-12-07',
      ),
    );
  });
});

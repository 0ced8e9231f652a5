import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { App } from '../../renderer/src/App';
import { useSession } from '../../renderer/src/state/session';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
beforeEach(async () => {
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  setApi(env.api);
  useSession.setState({ status: null, demoUsers: null, recoveryKey: null, hadSession: false });
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  env.cleanup();
});

describe('App over the real backend', () => {
  it('logs in with the keyboard, shows the admin screen, and locks with Ctrl+Shift+L', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Inloggen' })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(await screen.findAllByText('Vul dit veld in.')).toHaveLength(2);
    await user.keyboard('anna');
    await user.tab();
    await user.keyboard('fout wachtwoord{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Gebruikersnaam of wachtwoord onjuist. Let op: zolang de omgeving vergrendeld is, kan alleen een sleutelhouder/,
    );

    await user.type(screen.getByLabelText(/^Wachtwoord/), 'correct horse battery{Enter}');
    expect(await screen.findByRole('heading', { name: 'Beheer' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('cell', { name: 'anna' })).toBeTruthy());

    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Vergrendeld' })).toBeTruthy();
    expect((await env.api['app.status']({})).state).toBe('vergrendeld');
  });

  it('switches to English and back', async () => {
    const user = userEvent.setup();
    await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Administration' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByRole('heading', { name: 'Beheer' })).toBeTruthy();
  });

  it('warns for the last minute before idle time closes the environment, and “Ik ben er nog” keeps it open', async () => {
    const user = userEvent.setup();
    await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    env.clock.now = new Date(env.clock.now.getTime() + 9 * 60_000 + 15_000);
    render(<App />);
    const alert = await screen.findByText(/wordt de omgeving voor iedereen vergrendeld/);
    expect(alert.textContent).toMatch(/^Over 45 seconden zonder activiteit/);
    await user.click(screen.getByRole('button', { name: 'Ik ben er nog' }));
    await waitFor(() => expect(screen.queryByText(/wordt de omgeving voor iedereen vergrendeld/)).toBeNull());
    expect((await env.api['app.status']({})).idle?.secondsLeft).toBe(600);
  });

  it('a key holder lets someone else take a turn with Gebruiker wisselen; the environment stays open', async () => {
    const user = userEvent.setup();
    const ind =
      (await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' })) &&
      (await env.api['organisations.list']({})).find((o) => o.kind === 'ind')!;
    await env.api['users.create']({
      displayName: 'Ilse',
      username: 'ilse',
      organisationId: ind.id,
      roles: ['deelnemer'],
      password: 'ilse haar wachtwoord',
    });
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Gebruiker wisselen' }));
    expect(await screen.findByRole('heading', { name: 'Gebruiker wisselen' })).toBeTruthy();
    expect(screen.getByText('Anna Admin blijft ingelogd tot iemand anders hier inlogt.')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Gebruikersnaam/), 'ilse');
    await user.type(screen.getByLabelText(/^Wachtwoord/), 'ilse haar wachtwoord{Enter}');
    expect(await screen.findByText('Ilse — IND')).toBeTruthy();
    expect((await env.api['app.status']({})).state).toBe('open');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { App } from '../../renderer/src/App';
import { useSession } from '../../renderer/src/state/session';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

let env: TestEnv;
let recoveryKey = '';
beforeEach(async () => {
  env = makeEnv();
  recoveryKey = (await env.api['setup.create'](cityInput)).recoveryKey;
  setApi(env.api);
  useSession.setState({ status: null, demoUsers: null, recoveryKey: null, hadSession: false });
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  env.cleanup();
});

describe('recovery and backups on screen', () => {
  it('with the key file gone, the recovery key on the login screen restores access', async () => {
    fs.rmSync(env.backend.vault.keyFile);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Wachtwoord of sleutelbestand kwijt' }));
    await user.type(screen.getByLabelText(/^Herstelsleutel/), 'ABCD');
    await user.type(screen.getByLabelText(/^Gebruikersnaam/), 'anna');
    await user.type(screen.getByLabelText(/^Nieuw wachtwoord(?! herhalen)/), 'nieuw wachtwoord 2026');
    await user.type(screen.getByLabelText(/^Nieuw wachtwoord herhalen/), 'nieuw wachtwoord 2026');
    await user.click(screen.getByRole('button', { name: 'Toegang herstellen' }));
    expect(await screen.findByText('De herstelsleutel bestaat uit 64 tekens (0-9, A-F).')).toBeTruthy();

    await user.clear(screen.getByLabelText(/^Herstelsleutel/));
    await user.type(screen.getByLabelText(/^Herstelsleutel/), recoveryKey);
    await user.click(screen.getByRole('button', { name: 'Toegang herstellen' }));
    expect(await screen.findByText(/Het sleutelbestand is opnieuw opgebouwd/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Naar inloggen' }));
    await user.type(await screen.findByLabelText(/^Gebruikersnaam/), 'anna');
    await user.type(screen.getByLabelText(/^Wachtwoord/), 'nieuw wachtwoord 2026{Enter}');
    expect(await screen.findByRole('heading', { name: 'Beheer' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Reservekopieën' })).toBeTruthy();
  });

  it('a damaged database is said plainly at login and the latest backup is offered and restored', async () => {
    await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-backups-'));
    await env.api['backups.configure']({ folder, keep: 3 });
    await env.api['backups.make']({});
    await env.api['auth.lock']({});
    const db = env.backend.vault.dbFile;
    const bytes = fs.readFileSync(db);
    const middle = Math.floor(bytes.length / 4096 / 2) * 4096;
    bytes.fill(0x5a, middle + 100, middle + 400);
    fs.writeFileSync(db, bytes);

    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByLabelText(/^Gebruikersnaam/), 'anna');
    await user.type(screen.getByLabelText(/^Wachtwoord/), 'correct horse battery{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'De database is beschadigd. Er is niets gewijzigd. Zet de laatste reservekopie terug met de herstelsleutel.',
    );
    expect(screen.getByRole('heading', { name: 'Laatste reservekopie terugzetten' })).toBeTruthy();
    await user.type(screen.getByLabelText(/^Herstelsleutel/), recoveryKey);
    await user.click(screen.getByRole('button', { name: 'Reservekopie terugzetten' }));
    expect(await screen.findByText(/is teruggezet. Log opnieuw in./)).toBeTruthy();
    await user.type(screen.getByLabelText(/^Wachtwoord/), 'correct horse battery{Enter}');
    expect(await screen.findByRole('heading', { name: 'Beheer' })).toBeTruthy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('Beheer: choose the folder, make a backup, see what it holds, restore it after confirming', async () => {
    await env.api['auth.login']({ username: 'anna', password: 'correct horse battery' });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-backups-'));
    const user = userEvent.setup();
    render(<App />);
    const section = within(
      (await screen.findByRole('heading', { name: 'Reservekopieën' })).closest('section')!,
    );
    await user.type(section.getByLabelText(/^Map voor reservekopieën/), folder);
    await user.click(section.getByRole('button', { name: 'Opslaan' }));
    expect(await section.findByText('De instellingen voor reservekopieën zijn opgeslagen.')).toBeTruthy();
    await user.click(section.getByRole('button', { name: 'Nu een reservekopie maken' }));
    expect(await section.findByText('De reservekopie is gemaakt en gecontroleerd.')).toBeTruthy();
    expect(
      await section.findByText(
        /^Laatste afgeronde overleg: geen; 0 dossiers, 0 overleggen, \d+ auditregels$/,
      ),
    ).toBeTruthy();

    await user.click(section.getByRole('button', { name: 'Bekijken en terugzetten' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deze reservekopie terugzetten?' });
    await user.click(within(dialog).getByRole('button', { name: 'Terugzetten' }));
    expect(await screen.findByRole('heading', { name: /Inloggen|Vergrendeld/ })).toBeTruthy();
    expect(fs.readdirSync(env.dir).some((f) => f.startsWith('lvv-overleg.db.voor-herstel-'))).toBe(true);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

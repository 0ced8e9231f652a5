import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { setApi } from '../../renderer/src/api';
import { errorText } from '../../renderer/src/errors';
import { translate, type T } from '../../renderer/src/i18n';
import { defaultRoute, visibleRoutes } from '../../renderer/src/routes';
import { Admin } from '../../renderer/src/screens/Admin';
import { useSession } from '../../renderer/src/state/session';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

const nl: T = (key, vars) => translate('nl', key, vars);
const en: T = (key, vars) => translate('en', key, vars);

describe('errorText: one sentence per refusal reason', () => {
  it('says which rule refused the call, in both languages, and the general text without a reason', () => {
    const forbidden = new ApiError({ code: 'FORBIDDEN', message: 'x', info: { reason: 'own_extract_only' } });
    expect(errorText(forbidden, nl)).toBe(
      'U kunt alleen het uittreksel van uw eigen organisatie exporteren.',
    );
    expect(errorText(forbidden, en)).toBe('You can only export your own organisation’s extract.');
    expect(errorText(new ApiError({ code: 'FORBIDDEN', message: 'x' }), nl)).toBe(
      'U hebt geen toestemming voor deze handeling.',
    );
    // A reason of another code is not taken for this one.
    expect(
      errorText(new ApiError({ code: 'NOT_FOUND', message: 'x', info: { reason: 'started' } }), nl),
    ).toBe('Dit item bestaat niet (meer).');
    expect(errorText(new Error('stack'), nl)).toMatch(/^Er ging iets mis/);
  });

  it('counts, and words the codes it is given (role, state)', () => {
    const open = (count: number) =>
      new ApiError({ code: 'CONFLICT', message: 'x', info: { reason: 'open_corrections', count } });
    expect(errorText(open(1), nl)).toBe('Er wacht nog 1 correctie op een besluit.');
    expect(errorText(open(3), nl)).toBe('Er wachten nog 3 correcties op een besluit.');
    const signed = new ApiError({
      code: 'CONFLICT',
      message: 'x',
      info: { reason: 'role_signed', role: 'secretaris' },
    });
    expect(errorText(signed, nl)).toBe('De secretaris heeft deze versie al ondertekend.');
    const state = new ApiError({
      code: 'CONFLICT',
      message: 'x',
      info: { reason: 'minutes_state', state: 'ondertekend', event: 'adopt' },
    });
    expect(errorText(state, nl)).toBe('Dat kan niet in deze fase van het verslag (Ondertekend).');
  });
});

describe('menus follow the permission table', () => {
  it('shows the beheerder administration and no dossier screens; the table no administration', () => {
    const paths = (roles: Parameters<typeof visibleRoutes>[0]) => visibleRoutes(roles).map((r) => r.path);
    expect(paths(['beheerder'])).not.toEqual(expect.arrayContaining(['dossiers']));
    expect(paths(['beheerder'])).toEqual(
      expect.arrayContaining(['beheer', 'verslag-controleren', 'account']),
    );
    for (const hidden of ['dossiers', 'overleggen', 'acties', 'punt', 'verslagen'])
      expect(paths(['beheerder']), hidden).not.toContain(hidden);
    expect(paths(['deelnemer'])).not.toContain('beheer');
    expect(defaultRoute(['beheerder'])).toBe('beheer');
    expect(defaultRoute(['beheerder', 'notulist'])).toBe('dossiers');
  });
});

describe('a chair outside the gemeente, in the beheerder’s form', () => {
  let env: TestEnv;
  beforeEach(async () => {
    env = makeEnv();
    await env.api['setup.create'](cityInput);
    await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
    setApi(env.api);
    useSession.setState({ status: await env.api['app.status']({}), hadSession: true });
  });
  afterEach(() => {
    cleanup();
    env.cleanup();
  });

  it('is refused at the roles with the reason, and created once the beheerder allows it explicitly', async () => {
    const user = userEvent.setup();
    render(<Admin />);
    const form = within((await screen.findByRole('heading', { name: 'Nieuwe gebruiker' })).closest('form')!);
    await user.type(form.getByLabelText(/^Naam/), 'Ilse Ingen');
    await user.type(form.getByLabelText(/^Gebruikersnaam/), 'ilse');
    await user.type(form.getByLabelText(/^Tijdelijk wachtwoord/), 'een lang wachtwoord');
    await user.selectOptions(form.getByLabelText(/^Organisatie/), 'IND');
    await user.click(form.getByLabelText('deelnemer'));
    await user.click(form.getByLabelText('voorzitter'));
    const allow = form.getByLabelText('Toch toestaan: voorzitter bij IND, buiten de gemeente');

    await user.click(form.getByRole('button', { name: 'Toevoegen' }));
    expect(await form.findByText(/horen bij de gemeente/)).toBeTruthy();
    expect((await env.api['users.list']({})).map((u) => u.username)).not.toContain('ilse');

    await user.click(allow);
    await user.click(form.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(async () =>
      expect((await env.api['users.list']({})).find((u) => u.username === 'ilse')?.roles).toEqual([
        'voorzitter',
      ]),
    );
  });
});

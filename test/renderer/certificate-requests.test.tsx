import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { CertificateRequests } from '../../renderer/src/screens/CertificateRequests';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

/** The beheerder's approval of signing certificate requests, over the real backend. */

const VERA = 'wachtwoord van vera';
let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  await env.login('anna', cityInput.admin.password);
  const gemeente = (await env.api['organisations.list']({}))[0]!.id;
  await env.api['users.create']({
    username: 'vera',
    displayName: 'Vera Voorzitter',
    organisationId: gemeente,
    roles: ['voorzitter'],
    password: VERA,
  });
  await env.login('vera', VERA);
  await env.api['certificates.request']({ password: VERA });
  await env.login('anna', cityInput.admin.password);
  setApi(env.api);
});
afterEach(cleanup);
afterAll(() => env.cleanup());

describe('Aanvragen voor ondertekeningscertificaten', () => {
  it('lists the request, refuses a wrong password in Dutch and issues with the beheerder’s own', async () => {
    const user = userEvent.setup();
    render(<CertificateRequests />);
    const approve = await screen.findByRole('button', { name: 'Certificaat uitgeven aan Vera Voorzitter' });
    const password = screen.getByLabelText('Uw eigen wachtwoord');

    await user.type(password, 'niet mijn wachtwoord');
    await user.click(approve);
    expect(await screen.findByText('Dit is niet het wachtwoord van uw account.')).toBeTruthy();
    expect(await env.api['certificates.requests']({})).toHaveLength(1);

    await user.clear(password);
    await user.type(password, cityInput.admin.password);
    await user.click(approve);
    expect(await screen.findByText('Het certificaat is uitgegeven aan Vera Voorzitter.')).toBeTruthy();
    expect(screen.getByText('Er wachten geen aanvragen.')).toBeTruthy();
    await env.login('vera', VERA);
    expect(await env.api['certificates.mine']({})).toMatchObject({ subject: 'Vera Voorzitter' });
  });
});

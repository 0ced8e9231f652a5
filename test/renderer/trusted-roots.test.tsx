import fs from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { TrustedRoots } from '../../renderer/src/screens/TrustedRoots';
import { cityInput, makeEnv, tempDir, type TestEnv } from '../support/backend';
import { makeRoot, makeSelfSignedLeaf } from '../support/pki';

/** The beheerder's trusted roots section over the real backend: list, add (pasted PEM), refuse, remove. */

let env: TestEnv;
const dir = tempDir('lvv-trust-ui-');
let root: string;
let leaf: string;
beforeAll(async () => {
  root = makeRoot(dir, 'pkio', 'rsa', '/CN=Test PKIoverheid Root/O=Testuitgever');
  leaf = makeSelfSignedLeaf(dir, 'blad');
  env = makeEnv();
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
  setApi(env.api);
});
afterEach(cleanup);
afterAll(() => {
  env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Vertrouwde basiscertificaten', () => {
  it('shows the own CA, refuses a non-CA in Dutch, adds a root and removes it after confirmation', async () => {
    const user = userEvent.setup();
    render(<TrustedRoots />);
    const table = await screen.findByRole('table', {
      name: 'Certificaten waartegen handtekeningen worden gecontroleerd',
    });
    await waitFor(() =>
      expect(within(table).getByText('Eigen certificaatautoriteit van deze omgeving')).toBeTruthy(),
    );

    const pasted = screen.getByLabelText(/Of plak de PEM-tekst/);
    await user.click(pasted);
    await user.paste(leaf);
    await user.click(screen.getByRole('button', { name: 'Certificaat vertrouwen' }));
    expect(await screen.findByText(/Dit certificaat is geen certificaatautoriteit \(CA\)/)).toBeTruthy();

    await user.clear(pasted);
    await user.paste(root);
    await user.click(screen.getByRole('button', { name: 'Certificaat vertrouwen' }));
    expect(
      await screen.findByText('Het certificaat is toegevoegd aan de vertrouwde certificaten.'),
    ).toBeTruthy();
    expect(within(table).getByText('CN=Test PKIoverheid Root, O=Testuitgever')).toBeTruthy();

    await user.click(
      screen.getByRole('button', { name: 'CN=Test PKIoverheid Root, O=Testuitgever niet meer vertrouwen' }),
    );
    await user.click(
      screen.getByRole('button', { name: 'Ja, CN=Test PKIoverheid Root, O=Testuitgever verwijderen' }),
    );
    expect(await screen.findByText('Het certificaat is uit de lijst verwijderd.')).toBeTruthy();
    expect(within(table).queryByText('CN=Test PKIoverheid Root, O=Testuitgever')).toBeNull();
    expect((await env.api['trust.roots.list']({})).roots).toEqual([]);
  });
});

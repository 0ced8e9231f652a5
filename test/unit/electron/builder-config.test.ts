import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

// electron-builder's own loader (js-yaml) and JSON-schema validation, on the real electron-builder.yml:
// packaging needs the Electron distribution, which this machine cannot download, so this is the check.
describe('electron-builder.yml', async () => {
  const config = await getConfig(root, null, null);

  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check has teeth', async () => {
    const typo = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(typo as typeof config, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('names the app and packages only the build output', () => {
    expect(config.appId).toBe('nl.lvv.overleg');
    expect(config.productName).toBe('LVV Overleg');
    expect(config.electronVersion).toBe('45.4.1');
    expect(JSON.stringify(config.files)).toContain('out/**');
    expect(config.asar).not.toBe(false);
  });

  it('keeps native modules outside the asar and never rebuilds them', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS and DMG', () => {
    const targets = (t: unknown) => JSON.stringify(t);
    expect(targets(config.linux?.target)).toContain('AppImage');
    expect(targets(config.linux?.target)).toContain('deb');
    expect(targets(config.win?.target)).toContain('nsis');
    expect(targets(config.mac?.target)).toContain('dmg');
  });
});

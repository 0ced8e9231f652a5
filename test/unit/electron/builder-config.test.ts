import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { icnsChunks, icoEntries, pngSize } from '../../support/icon-formats';

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
    // The version packaged is the version installed and tested against.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
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

  const resolve = (p: string) => path.resolve(root, p);
  const referencedFiles = (): string[] => [
    config.linux!.icon as string,
    config.win!.icon as string,
    config.mac!.icon as string,
    config.nsis!.license as string,
    config.nsis!.installerIcon as string,
    config.nsis!.uninstallerIcon as string,
    config.dmg!.license as string,
    ...((config.extraResources ?? []) as { from: string }[]).map((r) => r.from),
  ];

  it('every file it names exists', () => {
    for (const file of referencedFiles()) {
      expect(typeof file, JSON.stringify(file)).toBe('string');
      expect(fs.existsSync(resolve(file)), file).toBe(true);
    }
    expect(fs.statSync(resolve(config.directories!.buildResources!)).isDirectory()).toBe(true);
  });

  it('gives each platform its icon in the right format and sizes', () => {
    // Linux: a folder of <n>x<n>.png, each really that size (the name decides the hicolor folder).
    const dir = resolve(config.linux!.icon as string);
    const names = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const n = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(fs.readFileSync(path.join(dir, name))), name).toEqual({ width: n, height: n });
    }
    for (const n of [16, 32, 48, 256, 512]) expect(names).toContain(`${n}x${n}.png`);
    // Windows: electron-builder requires an ICO with a 256 px image.
    expect(config.win!.icon).toMatch(/\.ico$/);
    expect(icoEntries(fs.readFileSync(resolve(config.win!.icon as string))).map((e) => e.size)).toContain(
      256,
    );
    // macOS: an ICNS with the 512@2x (1024 px) image.
    expect(config.mac!.icon).toMatch(/\.icns$/);
    expect(icnsChunks(fs.readFileSync(resolve(config.mac!.icon as string))).has('ic10')).toBe(true);
  });

  it('puts the licence in every installer', () => {
    const text = fs.readFileSync(resolve(config.nsis!.license as string), 'utf8');
    expect(text).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    expect(config.dmg!.license).toBe(config.nsis!.license);
    // AppImage and deb have no licence page: the text ships next to app.asar.
    expect(config.extraResources).toContainEqual({ from: config.nsis!.license, to: 'license.txt' });
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('EUPL-1.2');
  });

  it('gives Linux a desktop entry in the Office category with a Dutch comment', () => {
    const linux = config.linux!;
    const entry = linux.desktop!.entry!;
    expect(entry.Name).toBe('LVV Overleg');
    expect(entry.Categories).toBe('Office;');
    expect(linux.category).toBe('Office');
    // electron-builder writes linux.description as Comment=; the English one is Comment[en]=.
    expect(linux.description).toMatch(/dossieroverleg van de LVV/);
    expect(entry['Comment[en]']).toMatch(/case meeting/);
    // Electron sets the window's app_id / WM_CLASS from package.json's desktopName; the entry must match.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      desktopName: string;
    };
    expect(pkg.desktopName).toBe(`${linux.executableName}.desktop`);
    expect(entry.StartupWMClass).toBe(linux.executableName);
    // Desktop entry values are single lines (a newline would inject another key).
    for (const value of Object.values(entry)) expect(value).not.toMatch(/[\r\n]/);
  });

  it('names the app LVV Overleg on Windows and macOS', () => {
    expect(config.productName).toBe('LVV Overleg');
    expect(config.nsis!.shortcutName).toBe('LVV Overleg');
    expect(config.nsis!.uninstallDisplayName).toBe('LVV Overleg');
    expect(config.dmg!.title).toBe('LVV Overleg');
  });
});

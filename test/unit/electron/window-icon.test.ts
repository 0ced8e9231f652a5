import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { PACKAGED_WINDOW_ICON, windowIconPath } from '../../../electron/main/window-icon';
import { pngSize } from '../../support/icon-formats';

const root = path.resolve(import.meta.dirname, '../../..');
const resourcesDir = '/opt/LVV Overleg/resources';

describe('the window icon', () => {
  it('on Linux is a PNG that exists when run from the repository', () => {
    const file = windowIconPath({ platform: 'linux', isPackaged: false, appDir: root, resourcesDir })!;
    expect(pngSize(fs.readFileSync(file))).toEqual({ width: 256, height: 256 });
  });

  it('on Linux, packaged, is the PNG electron-builder copies next to app.asar', async () => {
    const file = windowIconPath({ platform: 'linux', isPackaged: true, appDir: '/x/app.asar', resourcesDir });
    expect(file).toBe(path.join(resourcesDir, PACKAGED_WINDOW_ICON));
    const config = await getConfig(root, null, null);
    const copy = (config.extraResources as { from: string; to: string }[]).find(
      (r) => r.to === PACKAGED_WINDOW_ICON,
    );
    expect(copy, 'electron-builder.yml must copy the window icon').toBeDefined();
    expect(pngSize(fs.readFileSync(path.join(root, copy!.from)))).toEqual({ width: 256, height: 256 });
  });

  it('on Windows comes from the executable once packaged, from the ICO before', () => {
    expect(
      windowIconPath({ platform: 'win32', isPackaged: true, appDir: root, resourcesDir }),
    ).toBeUndefined();
    const dev = windowIconPath({ platform: 'win32', isPackaged: false, appDir: root, resourcesDir })!;
    expect(fs.existsSync(dev)).toBe(true);
    expect(dev).toMatch(/\.ico$/);
  });

  it('on macOS is left to the bundle', () => {
    for (const isPackaged of [true, false])
      expect(windowIconPath({ platform: 'darwin', isPackaged, appDir: root, resourcesDir })).toBeUndefined();
  });
});

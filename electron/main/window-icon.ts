/**
 * Which icon file the running app gives its windows, as a pure function (tested without Electron).
 * - macOS ignores a window's icon: the Dock shows the bundle's icon.icns.
 * - Windows shows the icon embedded in the executable (electron-builder writes icon.ico into it); only
 *   an unpackaged run (electron's own exe) needs the file.
 * - Linux has no executable icon: the window needs a PNG, or the taskbar and Alt+Tab show a blank
 *   square under X11. The packaged app carries it next to app.asar (electron-builder.yml,
 *   extraResources), since the asar holds only out/.
 */
import path from 'node:path';

/** Where electron-builder.yml's extraResources puts the window icon in a packaged app. */
export const PACKAGED_WINDOW_ICON = 'icon.png';

export function windowIconPath(opts: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** app.getAppPath(): the repository root when unpackaged. */
  appDir: string;
  /** process.resourcesPath: the folder holding app.asar when packaged. */
  resourcesDir: string;
}): string | undefined {
  if (opts.platform === 'darwin') return undefined;
  if (opts.platform === 'win32') {
    return opts.isPackaged ? undefined : path.join(opts.appDir, 'resources', 'icon.ico');
  }
  return opts.isPackaged
    ? path.join(opts.resourcesDir, PACKAGED_WINDOW_ICON)
    : path.join(opts.appDir, 'resources', 'icons', '256x256.png');
}

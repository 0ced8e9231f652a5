/**
 * Finds the Electron executable the way the `electron` package's own index.js does
 * (node_modules/electron/path.txt names it relative to dist/), without requiring 'electron': that
 * module throws when the binary is missing. Returns null when it is not installed.
 * No side effects: the file system comes in as two functions.
 */
import path from 'node:path';

export function findElectronBinary(
  electronPkgDir: string,
  exists: (file: string) => boolean,
  readFile: (file: string) => string,
): string | null {
  const pathFile = path.join(electronPkgDir, 'path.txt');
  if (!exists(pathFile)) return null;
  let relative: string;
  try {
    relative = readFile(pathFile).trim();
  } catch {
    return null;
  }
  // path.txt holds e.g. "electron", "electron.exe" or "Electron.app/Contents/MacOS/Electron".
  // Anything absolute or climbing out of dist/ is not what the installer writes: refuse it.
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    /^[A-Za-z]:/.test(relative) ||
    relative.split(/[/\\]/).includes('..')
  ) {
    return null;
  }
  const binary = path.join(electronPkgDir, 'dist', relative);
  return exists(binary) ? binary : null;
}

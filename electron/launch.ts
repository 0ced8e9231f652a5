/**
 * `npm start`: launches Electron when its binary is installed; otherwise says so in one sentence and
 * serves the same app to the local browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { findElectronBinary } from './main/find-electron';
import { folderInUseTextNl } from './core/storage/folder-lock';
import { defaultDataDir, runBrowserHost } from './serve/main';

const root = path.resolve(import.meta.dirname, '..');
const electronBinary = findElectronBinary(
  path.join(root, 'node_modules', 'electron'),
  (f) => fs.existsSync(f),
  (f) => fs.readFileSync(f, 'utf8'),
);

if (electronBinary) {
  const child = spawn(electronBinary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const portArg = process.env.LVV_PORT ? Number(process.env.LVV_PORT) : undefined;
  const dataDir = defaultDataDir();
  let running;
  try {
    running = await runBrowserHost({
      dataDir,
      rendererDir: path.join(root, 'out', 'renderer'),
      port: portArg,
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'FOLDER_IN_USE')) throw e;
    console.error(folderInUseTextNl(e.info));
    process.exit(1);
  }
  const { host, stop } = running;
  console.log(
    `Electron is niet geïnstalleerd op deze machine, dus LVV Overleg draait in de browser: open ${host.url}`,
  );
  console.log(`(gegevens in ${defaultDataDir()}; stoppen met Ctrl+C)`);
  if (process.env.DISPLAY || process.platform !== 'linux') {
    const opener =
      process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    if (spawnSync(process.platform === 'win32' ? 'where' : 'which', [opener]).status === 0) {
      spawn(opener, [host.url], { stdio: 'ignore', detached: true }).unref();
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stop().then(() => process.exit(0)));
  }
}

/**
 * The backend in an Electron utility process, as Actual Budget's desktop app runs its server: every
 * decision about it as a plain function, so it is testable without the Electron binary. index.ts
 * only calls `utilityProcess.fork(backendEntryPath(…), backendArgs(…), FORK_OPTIONS)` and hands the
 * result to `utilityChannel`; the child's side is backend-service.ts. Nothing here loads the backend,
 * so the main process never loads the SQLite driver.
 *
 * APIs used, as declared in Electron 45's electron.d.ts: `utilityProcess.fork(modulePath, args,
 * options)` (after 'ready'), UtilityProcess `postMessage`, `on('message')` (the message itself),
 * `once('exit', code)`, `kill()`; in the child `process.parentPort` with `on('message')` (a
 * MessageEvent: the message is its `data`) and `postMessage`. ESM entries are supported since 28.
 */
import path from 'node:path';
import type { BackendChannel } from '../core/rpc-port';

/** electron-vite builds backend-process.ts to this file beside index.js (see electron.vite.config.ts). */
export const BACKEND_ENTRY_FILE = 'backend.js';

/** The utility process's entry: out/main/backend.js under the app's folder (or its asar). */
export function backendEntryPath(appDir: string): string {
  return path.join(appDir, 'out', 'main', BACKEND_ENTRY_FILE);
}

const DATA_DIR_ARG = '--lvv-data-dir=';

/** The arguments the backend gets: only where the data lives. Nothing secret ever goes on a command line. */
export function backendArgs(dataDir: string): string[] {
  return [`${DATA_DIR_ARG}${dataDir}`];
}

export function parseBackendArgs(argv: readonly string[]): { dataDir: string } {
  const arg = argv.find((a) => a.startsWith(DATA_DIR_ARG));
  const dataDir = arg?.slice(DATA_DIR_ARG.length) ?? '';
  if (!dataDir) throw new Error('The backend process needs --lvv-data-dir=');
  return { dataDir };
}

/** Options for utilityProcess.fork: a recognisable name in the OS's process list and app metrics. */
export const FORK_OPTIONS = { serviceName: 'LVV Overleg backend', stdio: 'inherit' } as const;

/** What index.ts uses of Electron's UtilityProcess (the real class satisfies it). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export function utilityChannel(child: UtilityProcessLike): BackendChannel {
  return {
    post: (m) => child.postMessage(m),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', listener),
    kill: () => void child.kill(),
  };
}

/** The Dutch dialog when the backend keeps failing and is not restarted again. */
export function backendGoneDialog(): { title: string; message: string } {
  return {
    title: 'LVV Overleg is gestopt',
    message:
      'Het onderdeel dat de gegevens beheert, stopte herhaaldelijk onverwacht. De app sluit nu; ' +
      'uw opgeslagen gegevens blijven bewaard. Start LVV Overleg opnieuw.',
  };
}

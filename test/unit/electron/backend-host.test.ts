import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../shared/client';
import { silentLogger } from '../../../electron/core/ports';
import { createBackendClient, type BackendClient } from '../../../electron/core/rpc-port';
import {
  BACKEND_ENTRY_FILE,
  backendArgs,
  backendEntryPath,
  backendGoneDialog,
  FORK_OPTIONS,
  parseBackendArgs,
  utilityChannel,
  type UtilityProcessLike,
} from '../../../electron/main/backend-host';
import { runBackendProcess, type ParentPortLike } from '../../../electron/main/backend-service';
import { tempDir } from '../../support/backend';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the utility process that runs the backend', () => {
  it('is started from the file electron-vite builds beside index.js', () => {
    expect(backendEntryPath('/opt/LVV Overleg/resources/app.asar')).toBe(
      path.join('/opt/LVV Overleg/resources/app.asar', 'out', 'main', 'backend.js'),
    );
    // The build names its entries by their key: `backend` becomes out/main/backend.js.
    const config = fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8');
    expect(config).toContain("backend: resolve(root, 'electron/main/backend-process.ts')");
    expect(BACKEND_ENTRY_FILE).toBe('backend.js');
    expect(fs.readFileSync(path.join(root, 'electron/main/backend-process.ts'), 'utf8')).toContain(
      'runBackendProcess(',
    );
  });

  it('gets only the data folder on its command line, and finds it again', () => {
    for (const dir of ['/home/anna/.config/LVV Overleg', 'C:\\Users\\an=na\\LVV', '/data/utrecht.db']) {
      const argv = ['/opt/electron', '/app/out/main/backend.js', ...backendArgs(dir)];
      expect(parseBackendArgs(argv)).toEqual({ dataDir: dir });
    }
    expect(() => parseBackendArgs(['/opt/electron', 'backend.js'])).toThrow(/--lvv-data-dir/);
    expect(FORK_OPTIONS.serviceName).toBe('LVV Overleg backend');
  });

  it('explains in Dutch when it keeps failing and the app closes', () => {
    const { title, message } = backendGoneDialog();
    expect(title).toBe('LVV Overleg is gestopt');
    expect(message).toMatch(/gegevens blijven bewaard/);
  });
});

/**
 * The main process's side and the utility process's side, joined by a real MessageChannel (what
 * Electron's parentPort is built on) instead of Electron: UtilityProcess delivers the message itself,
 * parentPort a MessageEvent whose `data` is the message. Only the Electron binary is missing.
 */
describe('main ↔ utility process over a message port', () => {
  let client: BackendClient | null = null;
  let dir = '';
  afterEach(async () => {
    await client?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('forwards calls with the desktop caller, runs the real backend and closes it on quit', async () => {
    dir = tempDir('lvv-utility-');
    const { port1, port2 } = new MessageChannel();
    const lifecycle = new EventEmitter();
    let exited = false;
    const child: UtilityProcessLike = {
      postMessage: (m) => port1.postMessage(m),
      on: (_event, listener) => port1.on('message', listener),
      once: (_event, listener) => lifecycle.once('exit', listener),
      kill: () => {
        lifecycle.emit('exit', 15);
        return true;
      },
    };
    const parentPort: ParentPortLike = {
      on: (_event, listener) => port2.on('message', (data: unknown) => listener({ data })),
      postMessage: (m) => port2.postMessage(m),
    };
    runBackendProcess({
      port: parentPort,
      argv: ['/opt/electron', 'backend.js', ...backendArgs(dir)],
      logger: silentLogger,
      exit: () => {
        exited = true;
        port2.close();
        lifecycle.emit('exit', 0);
      },
    });
    client = createBackendClient({ logger: silentLogger, spawn: () => utilityChannel(child) });
    const api = createApi((m, i) => client!.dispatch(m, i, { id: 'desktop', source: 'desktop' }));
    expect(await api['app.status']({})).toMatchObject({ state: 'leeg', session: null });
    await client.close();
    expect(exited).toBe(true);
    port1.close();
  });

  it('refuses to start outside a utility process', () => {
    expect(() =>
      runBackendProcess({ port: undefined, argv: [], logger: silentLogger, exit: () => {} }),
    ).toThrow(/utility process/);
  });
});

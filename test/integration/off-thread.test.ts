import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/client';
import type { Logger } from '../../electron/core/ports';
import { createBackendClient, type BackendClient } from '../../electron/core/rpc-port';
import { startWorkerBackend } from '../../electron/serve/worker-backend';
import { runBrowserHost } from '../../electron/serve/main';
import { AppError } from '../../shared/errors';
import { cityInput, errorCode, tempDir, testKdf } from '../support/backend';

/**
 * Issue 8 item 8: the backend off the window's thread. The protocol between host and backend, over
 * real worker threads: answers match their calls, a backend that dies or hangs gives a clear INTERNAL
 * (never its stack), a crashed backend is restarted locked, and the real backend works in a worker.
 */

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const protocolWorker = path.resolve(import.meta.dirname, '../support/protocol-worker.ts');

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (m: string, f?: Record<string, unknown>) => void lines.push(`${m} ${JSON.stringify(f ?? {})}`);
  return { lines, info: log, warn: log, error: log };
}

const clients: BackendClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function protocolClient(opts: { timeoutMs?: number; maxRestarts?: number; onGiveUp?: () => void } = {}) {
  const logger = recordingLogger();
  const workers: Worker[] = [];
  const client = createBackendClient({
    logger,
    timeoutMs: opts.timeoutMs,
    restart: { maxRestarts: opts.maxRestarts ?? 3, windowMs: 60_000 },
    onGiveUp: opts.onGiveUp,
    spawn: () => {
      const w = new Worker(protocolWorker, { execArgv: ['--import', tsx] });
      workers.push(w);
      w.on('error', () => {});
      return {
        post: (m) => w.postMessage(m),
        onMessage: (l) => w.on('message', l),
        onExit: (l) => w.once('exit', l),
        kill: () => void w.terminate(),
      };
    },
  });
  clients.push(client);
  return { client, logger, workers };
}

const caller = { id: 'http:abc', source: '127.0.0.1' };

describe('the backend protocol over a real worker thread', () => {
  it('carries method, input and caller, and matches each answer to its call', async () => {
    const { client } = protocolClient();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => client.dispatch('echo', { n }, { id: `c${n}`, source: 's' })),
    );
    expect(answers.map((a) => (a.ok ? a.value : null))).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ input: { n }, caller: { id: `c${n}`, source: 's' }, thread: 'worker' })),
    );
    expect(client.pending()).toBe(0);
  });

  it('answers INTERNAL, without the stack or message, when the backend throws or answers what cannot cross', async () => {
    const { client, logger } = protocolClient();
    const thrown = await client.dispatch('throws', {}, caller);
    expect(thrown).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(JSON.stringify(thrown)).not.toContain('/home/x');
    expect(await client.dispatch('uncloneable', {}, caller)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    // Still serving afterwards.
    expect(await client.dispatch('echo', 1, caller)).toMatchObject({ ok: true });
    expect(logger.lines).toEqual([]); // the worker logs these on its side; the host saw nothing odd
  });

  it('answers INTERNAL for a call that outlives the timeout, and keeps serving other calls', async () => {
    const { client, logger } = protocolClient({ timeoutMs: 300 });
    const started = Date.now();
    expect(await client.dispatch('hang', {}, caller)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(logger.lines.join('\n')).toContain('A backend call took too long');
    expect(await client.dispatch('echo', 2, caller)).toMatchObject({ ok: true });
  });

  it('answers every open call INTERNAL when the backend dies, then restarts it', async () => {
    const { client, logger, workers } = protocolClient();
    const open = [client.dispatch('hang', {}, caller), client.dispatch('hang', {}, caller)];
    const died = client.dispatch('die', {}, caller);
    expect(await Promise.all([...open, died])).toEqual(
      Array(3).fill({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } }),
    );
    expect(logger.lines.join('\n')).toMatch(/ended unexpectedly.*"code":7.*"openCalls":3/);
    expect(await client.dispatch('echo', 3, caller)).toMatchObject({ ok: true, value: { input: 3 } });
    expect(workers).toHaveLength(2);
  });

  it('gives up after repeated crashes instead of restarting in a loop', async () => {
    let gaveUp = 0;
    const { client, workers } = protocolClient({ maxRestarts: 2, onGiveUp: () => gaveUp++ });
    for (let i = 0; i < 3; i++) {
      expect(await client.dispatch('die', {}, caller)).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
      await new Promise((r) => setTimeout(r, 20)); // the exit event follows the failed call
    }
    expect(gaveUp).toBe(1);
    expect(workers).toHaveLength(3);
    expect(await client.dispatch('echo', 4, caller)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('close lets the backend lock and end by itself; later calls answer INTERNAL', async () => {
    const { client, workers } = protocolClient();
    const messages: unknown[] = [];
    workers[0]!.on('message', (m) => messages.push(m));
    const exited = new Promise<number>((r) => workers[0]!.once('exit', r));
    await client.close();
    expect(await exited).toBe(0);
    expect(messages).toContainEqual({ type: 'test-closed' });
    expect(await client.dispatch('echo', 5, caller)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('the real backend in a worker thread', () => {
  it('serves the contract with a session per caller, and a crash leaves it running but locked', async () => {
    const dir = tempDir('lvv-worker-');
    dirs.push(dir);
    const workers: Worker[] = [];
    const backend = startWorkerBackend({
      dataDir: dir,
      kdf: testKdf,
      logger: recordingLogger(),
      onSpawn: (w) => workers.push(w),
    });
    clients.push(backend);
    const as = (id: string) => createApi((m, i) => backend.dispatch(m, i, { id, source: 'test' }));
    const anna = as('anna-browser');
    const other = as('other-browser');

    expect((await anna['app.status']({})).state).toBe('leeg');
    await anna['setup.create'](cityInput);
    await anna['auth.login']({ username: 'anna', password: cityInput.admin.password });
    expect((await anna['app.status']({})).session?.username).toBe('anna');
    // Another browser is another caller: not logged in by anna's login.
    expect((await other['app.status']({})).session).toBeNull();
    expect(await errorCode(other['audit.verify']({}))).toBe('UNAUTHENTICATED');
    expect((await anna['audit.verify']({})).valid).toBe(true);

    // The backend's thread dies (as a native crash would end it): the next call is answered by a
    // fresh backend, locked, so anna logs in again and nothing was lost.
    await workers[0]!.terminate();
    await new Promise((r) => setTimeout(r, 50));
    const after = await anna['app.status']({});
    expect(after).toMatchObject({ state: 'vergrendeld', session: null });
    await anna['auth.login']({ username: 'anna', password: cityInput.admin.password });
    expect((await anna['audit.verify']({})).valid).toBe(true);
    expect(workers).toHaveLength(2);
  });
});

describe('one browser host per data folder', () => {
  it('refuses a second host on the same folder, naming the first, and allows one after it stopped', async () => {
    const dir = tempDir('lvv-hosts-');
    dirs.push(dir);
    const rendererDir = path.join(dir, 'no-renderer');
    const first = await runBrowserHost({ dataDir: dir, rendererDir, kdf: testKdf });
    try {
      const refused = await runBrowserHost({ dataDir: dir, rendererDir, kdf: testKdf }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: 'FOLDER_IN_USE',
        info: { kind: 'browser host', pid: process.pid },
      });
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dir, 'lvv-overleg.lock'))).toBe(false);
    const second = await runBrowserHost({ dataDir: dir, rendererDir, kdf: testKdf });
    await second.stop();
  });
});

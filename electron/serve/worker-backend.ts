/**
 * Starts the browser host's backend in a worker_thread and gives the host a client for it (the
 * same dispatch signature, answered over the protocol of core/rpc-port.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KdfParams, Logger } from '../core/ports';
import {
  createBackendClient,
  type BackendClient,
  type BackendChannel,
  type RestartPolicy,
} from '../core/rpc-port';

/** What the host hands the worker: only plain data crosses. */
export interface WorkerData {
  dataDir: string;
  kdf?: KdfParams;
  /** The built renderer: the meeting room's listener serves it to participants (electron/room). */
  rendererDir?: string;
}

export function parseWorkerData(data: unknown): WorkerData {
  const d = (data ?? {}) as Partial<WorkerData>;
  if (typeof d.dataDir !== 'string' || d.dataDir === '')
    throw new Error('The backend worker needs a dataDir');
  const kdf = d.kdf;
  if (
    kdf !== undefined &&
    !(Number.isInteger(kdf.logN) && Number.isInteger(kdf.r) && Number.isInteger(kdf.p))
  )
    throw new Error('The backend worker got malformed KDF parameters');
  const rendererDir = typeof d.rendererDir === 'string' && d.rendererDir !== '' ? d.rendererDir : undefined;
  return { dataDir: d.dataDir, ...(kdf ? { kdf } : {}), ...(rendererDir ? { rendererDir } : {}) };
}

/**
 * The worker's entry and the flags it needs. Built JavaScript (backend-worker.js beside this module)
 * runs as it is; from the TypeScript sources (`npm start`, the tests) the worker loads tsx's loader
 * itself, because a worker does not inherit the loader Playwright or Vitest use in their own process.
 */
export function workerLaunch(
  dir: string,
  exists: (file: string) => boolean,
  tsxLoader: () => string,
): { entry: string; execArgv: string[] } {
  const js = path.join(dir, 'backend-worker.js');
  if (exists(js)) return { entry: js, execArgv: [] };
  return { entry: path.join(dir, 'backend-worker.ts'), execArgv: ['--import', tsxLoader()] };
}

const tsxLoaderUrl = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Wraps a Worker as the protocol's channel. */
function workerChannel(worker: Worker, logger: Logger): BackendChannel {
  // A worker's uncaught exception arrives here before 'exit'; without a listener it would crash the host.
  worker.on('error', (e: unknown) =>
    logger.error('The backend worker failed', { error: e instanceof Error ? e.message : String(e) }),
  );
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => worker.once('exit', listener),
    kill: () => void worker.terminate(),
  };
}

export function startWorkerBackend(
  opts: WorkerData & {
    logger: Logger;
    timeoutMs?: number;
    restart?: RestartPolicy;
    /** Sees each worker as it starts (tests end one to prove a crash is survived). */
    onSpawn?: (worker: Worker) => void;
  },
): BackendClient {
  const { entry, execArgv } = workerLaunch(import.meta.dirname, (f) => fs.existsSync(f), tsxLoaderUrl);
  const data: WorkerData = parseWorkerData({
    dataDir: opts.dataDir,
    kdf: opts.kdf,
    rendererDir: opts.rendererDir,
  });
  return createBackendClient({
    logger: opts.logger,
    timeoutMs: opts.timeoutMs,
    restart: opts.restart,
    spawn: () => {
      const worker = new Worker(entry, { workerData: data, execArgv });
      opts.onSpawn?.(worker);
      return workerChannel(worker, opts.logger);
    },
  });
}

/**
 * The browser host's backend, in a worker_thread of its own: the HTTP thread only checks requests
 * and forwards calls here (see worker-backend.ts), so scrypt, DOCX builds and the audit check never
 * hold up the pages it serves. The idle timer runs here too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from '../core/backend';
import { consoleLogger } from '../core/ports';
import { serveBackend } from '../core/rpc-port';
import { parseWorkerData } from './worker-backend';
import { roomPort } from '../room/server';

const port = parentPort;
if (!port) throw new Error('backend-worker.ts runs only as a worker thread');
const { dataDir, kdf, rendererDir } = parseWorkerData(workerData);
// The meeting room listens from this thread too: participants' calls reach the backend without a hop.
const room = rendererDir ? roomPort({ rendererDir, logger: consoleLogger }) : undefined;
const backend = createBackend({
  dataDir,
  kdf,
  clock: () => new Date(),
  logger: consoleLogger,
  ...(room ? { room } : {}),
});
serveBackend(
  backend,
  {
    post: (m) => port.postMessage(m),
    onMessage: (listener) => port.on('message', listener),
    // In a worker, process.exit ends this thread only.
    exit: () => process.exit(0),
  },
  { logger: consoleLogger },
);

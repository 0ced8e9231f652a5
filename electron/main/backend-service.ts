/**
 * The utility process's side (see backend-host.ts for the main process's): one backend over
 * `process.parentPort`, with its own idle timer. backend-process.ts is the entry that calls it.
 */
import { createBackend } from '../core/backend';
import type { RoomPort } from '../core/room/port';
import type { Logger } from '../core/ports';
import { serveBackend, type BackendEndpoint } from '../core/rpc-port';
import { parseBackendArgs } from './backend-host';

/** The child's end: `process.parentPort` in a utility process. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function parentPortEndpoint(port: ParentPortLike, exit: () => void): BackendEndpoint {
  return {
    post: (m) => port.postMessage(m),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    exit,
  };
}

/** The whole of the utility process: one backend over its parent port, with its own idle timer. */
export function runBackendProcess(opts: {
  port: ParentPortLike | undefined;
  argv: readonly string[];
  logger: Logger;
  exit: () => void;
  /** The meeting room's listener, run here in the utility process: the main process is not involved. */
  room?: RoomPort;
}): void {
  if (!opts.port) throw new Error('backend-process runs only as an Electron utility process');
  const { dataDir } = parseBackendArgs(opts.argv);
  const backend = createBackend({
    dataDir,
    clock: () => new Date(),
    logger: opts.logger,
    ...(opts.room ? { room: opts.room } : {}),
  });
  serveBackend(backend, parentPortEndpoint(opts.port, opts.exit), { logger: opts.logger });
}

/**
 * A worker thread that speaks the backend protocol (core/rpc-port.ts) over a tiny stand-in backend,
 * so the protocol's failure paths can be driven for real: a call that never answers, a backend that
 * dies mid-call, an answer the port cannot carry. The real backend in a worker is tested beside it.
 */
import { parentPort } from 'node:worker_threads';
import { silentLogger } from '../../electron/core/ports';
import { serveBackend } from '../../electron/core/rpc-port';

const port = parentPort!;
serveBackend(
  {
    dispatch: (method, input, caller) => {
      if (method === 'echo') return Promise.resolve({ ok: true, value: { input, caller, thread: 'worker' } });
      if (method === 'hang') return new Promise(() => {});
      if (method === 'die') process.exit(7);
      // A function cannot cross a port: the answer must still arrive, as INTERNAL.
      if (method === 'uncloneable') return Promise.resolve({ ok: true, value: { f: () => 1 } });
      if (method === 'throws') return Promise.reject(new Error('secret path /home/x/db at line 3'));
      return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown method' } });
    },
    tick: () => {},
    close: () => port.postMessage({ type: 'test-closed' }),
  },
  { post: (m) => port.postMessage(m), onMessage: (l) => port.on('message', l), exit: () => process.exit(0) },
  { logger: silentLogger },
);

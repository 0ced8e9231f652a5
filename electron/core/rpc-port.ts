/**
 * The message protocol between a host (the Electron main process, the browser host's HTTP thread)
 * and the backend running in a process or thread of its own (an Electron utility process, a
 * worker_thread). Written once and used by both hosts, so scrypt, DOCX builds and the audit check
 * never run on the thread that serves the chair's window.
 *
 * The host sends `call` messages carrying exactly what the dispatcher takes (method, input, caller)
 * with an id of its own; the backend answers each with the dispatcher's RpcResult under the same id.
 * Whatever goes wrong between the two (the backend ended, a call took too long, a message could not
 * be sent) becomes the dispatcher's generic INTERNAL answer: the cause goes to the host's log in
 * English, never a stack or a path to the client.
 *
 * Nothing here knows about worker_threads or Electron: a host hands in a BackendChannel, the backend
 * a BackendEndpoint, each a few lines of wiring over its own port.
 */
import type { Caller, Dispatch } from '../../shared/dispatcher';
import type { RpcResult } from '../../shared/errors';
import type { Backend } from './backend';
import type { Logger } from './ports';

/** Host → backend. */
export type HostMessage =
  | { type: 'call'; id: number; method: string; input: unknown; caller: Caller }
  /** Lock the environment (the key leaves memory), then end the process or thread. */
  | { type: 'close' };

/** Backend → host. */
export type BackendMessage = { type: 'answer'; id: number; result: RpcResult<unknown> };

export const INTERNAL_ANSWER: RpcResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Internal error' },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isHostMessage(m: unknown): m is HostMessage {
  if (!isObject(m)) return false;
  if (m.type === 'close') return true;
  if (m.type !== 'call') return false;
  const c = m.caller;
  return (
    Number.isSafeInteger(m.id) &&
    typeof m.method === 'string' &&
    isObject(c) &&
    typeof c.id === 'string' &&
    typeof c.source === 'string'
  );
}

export function isBackendMessage(m: unknown): m is BackendMessage {
  return (
    isObject(m) &&
    m.type === 'answer' &&
    Number.isSafeInteger(m.id) &&
    isObject(m.result) &&
    typeof m.result.ok === 'boolean'
  );
}

// --- The backend's side ------------------------------------------------------------------------

/** The backend's end of the port: the worker's parentPort, the utility process's process.parentPort. */
export interface BackendEndpoint {
  post(message: BackendMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Ends this process or thread (after `close`). */
  exit(): void;
}

export const TICK_MS = 30_000;

/**
 * Serves one backend over its port: answers every call, runs the idle timer here (so sessions end
 * and the key leaves memory on time without the host's help) and closes on the host's request.
 */
export function serveBackend(
  backend: Pick<Backend, 'dispatch' | 'tick' | 'close'>,
  endpoint: BackendEndpoint,
  opts: { logger: Logger; tickMs?: number },
): void {
  const { logger } = opts;
  const timer = setInterval(() => {
    try {
      backend.tick();
    } catch (e) {
      logger.error('Idle check failed', { error: e instanceof Error ? e.message : String(e) });
    }
  }, opts.tickMs ?? TICK_MS);

  const answer = (id: number, result: RpcResult<unknown>) => {
    try {
      endpoint.post({ type: 'answer', id, result });
    } catch (e) {
      // A value the port cannot carry (structured clone refused it): the contract allows only plain
      // data, so this is a bug; the caller still gets an answer instead of waiting for the timeout.
      logger.error('Could not send an answer', { error: e instanceof Error ? e.message : String(e) });
      endpoint.post({ type: 'answer', id, result: INTERNAL_ANSWER });
    }
  };

  endpoint.onMessage((message) => {
    if (!isHostMessage(message)) {
      logger.warn('Ignored a malformed message from the host');
      return;
    }
    if (message.type === 'close') {
      clearInterval(timer);
      try {
        backend.close();
      } finally {
        endpoint.exit();
      }
      return;
    }
    const { id, method, input, caller } = message;
    backend.dispatch(method, input, { id: caller.id, source: caller.source }).then(
      (result) => answer(id, result),
      (e: unknown) => {
        logger.error(`Call ${method} threw`, { error: e instanceof Error ? e.message : String(e) });
        answer(id, INTERNAL_ANSWER);
      },
    );
  });
}

// --- The host's side ---------------------------------------------------------------------------

/** The host's end of one running backend (a Worker, a UtilityProcess), as plain callbacks. */
export interface BackendChannel {
  post(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the backend has ended, whatever the reason (crash, kill, close). */
  onExit(listener: (code: number) => void): void;
  /** Ends the backend now. */
  kill(): void;
}

export interface RestartPolicy {
  /** How many unexpected ends within `windowMs` are followed by a restart; one more and we give up. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, windowMs: 60_000 };

/**
 * After the backend ended unexpectedly: start a new one, or give up because it keeps failing (a
 * broken install, a disk that is gone) rather than restart in a loop. `ends` are the times of every
 * unexpected end so far, this one included.
 */
export function restartDecision(
  ends: readonly number[],
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): 'restart' | 'give-up' {
  const recent = ends.filter((t) => now - t < policy.windowMs).length;
  return recent > policy.maxRestarts ? 'give-up' : 'restart';
}

/** Long enough for the biggest legitimate call (a ten-year audit check, a minutes build); then INTERNAL. */
export const DEFAULT_CALL_TIMEOUT_MS = 5 * 60_000;
/** How long `close` waits for the backend to lock and end by itself before it is killed. */
export const CLOSE_GRACE_MS = 5_000;

export interface BackendClientOptions {
  /** Starts one backend; called at once, and again after an unexpected end while the policy allows. */
  spawn: () => BackendChannel;
  logger: Logger;
  timeoutMs?: number;
  restart?: RestartPolicy;
  now?: () => number;
  /** The backend keeps failing and will not be restarted; every call now answers INTERNAL. */
  onGiveUp?: () => void;
}

export interface BackendClient {
  /** The dispatcher, as the host sees it: the same signature, answered by the backend. */
  dispatch: Dispatch;
  /** Asks the backend to lock and end; resolves once it has ended (killed after a grace period). */
  close(): Promise<void>;
  /** Calls sent and not yet answered. */
  pending(): number;
}

type Phase = 'running' | 'gave-up' | 'closing' | 'closed';

/**
 * The host's side: sends each call with an id, matches answers to calls, answers INTERNAL for every
 * open call when the backend ends and for a call that outlives the timeout, and restarts the backend
 * after an unexpected end as the policy says. A restarted backend starts locked: everyone logs in
 * again, which the UI already handles (UNAUTHENTICATED), and no half-finished state survives.
 */
export function createBackendClient(opts: BackendClientOptions): BackendClient {
  const { logger } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const waiting = new Map<
    number,
    { resolve: (r: RpcResult<unknown>) => void; timer: ReturnType<typeof setTimeout> }
  >();
  const ends: number[] = [];
  let phase: Phase = 'running';
  let channel: BackendChannel | null = null;
  let nextId = 1;
  let closed: (() => void) | null = null;

  const settle = (id: number, result: RpcResult<unknown>) => {
    const w = waiting.get(id);
    if (!w) return; // answered already, or timed out
    waiting.delete(id);
    clearTimeout(w.timer);
    w.resolve(result);
  };

  const start = () => {
    const ch = opts.spawn();
    channel = ch;
    ch.onMessage((m) => {
      if (ch !== channel) return;
      if (!isBackendMessage(m)) {
        logger.warn('Ignored a malformed message from the backend');
        return;
      }
      settle(m.id, m.result);
    });
    ch.onExit((code) => {
      if (ch !== channel) return;
      channel = null;
      const open = [...waiting.keys()];
      for (const id of open) settle(id, INTERNAL_ANSWER);
      if (phase === 'closing') {
        phase = 'closed';
        closed?.();
        return;
      }
      logger.error('The backend ended unexpectedly', { code, openCalls: open.length });
      ends.push(now());
      if (restartDecision(ends, now(), opts.restart) === 'restart') {
        logger.warn('Restarting the backend; the environment is locked until a key holder logs in again');
        start();
      } else {
        phase = 'gave-up';
        logger.error('The backend keeps ending; not restarting it');
        opts.onGiveUp?.();
      }
    });
  };

  const dispatch: Dispatch = (method, input, caller) =>
    new Promise((resolve) => {
      const ch = channel;
      if (!ch || phase !== 'running') {
        resolve(INTERNAL_ANSWER);
        return;
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!waiting.has(id)) return;
        logger.error('A backend call took too long', { method, timeoutMs });
        settle(id, INTERNAL_ANSWER);
      }, timeoutMs);
      waiting.set(id, { resolve, timer });
      try {
        ch.post({ type: 'call', id, method, input, caller: { id: caller.id, source: caller.source } });
      } catch (e) {
        // E.g. an input the port cannot clone; the renderer only sends plain data, so log it.
        logger.error('Could not send a call to the backend', {
          method,
          error: e instanceof Error ? e.message : String(e),
        });
        settle(id, INTERNAL_ANSWER);
      }
    });

  const close = (): Promise<void> => {
    const ch = channel;
    if (!ch || phase === 'closed') {
      phase = 'closed';
      return Promise.resolve();
    }
    phase = 'closing';
    return new Promise<void>((resolve) => {
      const grace = setTimeout(() => {
        logger.warn('The backend did not end after close; killing it');
        ch.kill();
      }, CLOSE_GRACE_MS);
      closed = () => {
        clearTimeout(grace);
        resolve();
      };
      try {
        ch.post({ type: 'close' });
      } catch {
        ch.kill();
      }
    });
  };

  start();
  return { dispatch, close, pending: () => waiting.size };
}

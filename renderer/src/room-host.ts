import type { Transport } from '../../shared/client';
import type { Session } from '../../shared/domain/roles';
import type { RpcError, RpcResult } from '../../shared/errors';

/*
 * The participant's page on the meeting-room listener (issue 9): the same renderer bundle, served over
 * HTTPS on the room's network by the chair's machine. It talks to the listener's own endpoints:
 *   POST /login, GET /session, POST /logout, POST /rpc (with the CSRF token), GET /events (SSE).
 * The CSRF token comes with the login (or /session after a reload) and lives only in memory, so a
 * page from another origin, which can make the browser send the cookie, can never send the token.
 */

/**
 * Whether this page runs on the listener. The listener marks its index.html with
 * `<meta name="lvv-host" content="room">`; without the mark, HTTPS tells, as the listener is the only
 * host that serves the renderer over HTTPS (Electron uses app://, the browser host http://127.0.0.1).
 */
export function isRoomHost(): boolean {
  if (typeof document === 'undefined' || window.lvvTransport) return false;
  const mark = document.querySelector('meta[name="lvv-host"]')?.getAttribute('content');
  if (mark) return mark === 'room';
  return window.location.protocol === 'https:';
}

/** What the listener answers to /login and /session. */
export interface RoomLogin {
  session: Session;
  csrfToken: string;
}

let csrfToken: string | null = null;

/** Turns any answer of the listener into an RpcResult; a non-JSON refusal gets the code its status means. */
async function readResult<T>(response: Response): Promise<RpcResult<T>> {
  try {
    const body = (await response.json()) as RpcResult<T>;
    if (body && typeof body === 'object' && 'ok' in body) return body;
  } catch {
    /* not JSON: worded by status below */
  }
  const code: RpcError['code'] =
    response.status === 401
      ? 'UNAUTHENTICATED'
      : response.status === 403
        ? 'FORBIDDEN'
        : response.status === 413 || response.status === 400
          ? 'BAD_INPUT'
          : 'INTERNAL';
  return { ok: false, error: { code, message: `HTTP ${response.status}` } };
}

async function post<T>(path: string, body: unknown): Promise<RpcResult<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Listener unreachable' } };
  }
  return readResult<T>(response);
}

/** The listener's transport: POST /rpc with the session cookie and the CSRF token. */
export const roomTransport: Transport = (method, input) => post('/rpc', { method, input });

/** Logs in on the listener; on success the token is kept for every later call. */
export async function roomLogin(username: string, password: string): Promise<RpcResult<RoomLogin>> {
  csrfToken = null;
  const r = await post<RoomLogin>('/login', { username, password });
  if (r.ok) csrfToken = r.value.csrfToken;
  return r;
}

/** The session of a reloaded page (the cookie survives a reload, the token in memory does not). */
export async function roomSession(): Promise<RoomLogin | null> {
  try {
    const response = await fetch('/session', { credentials: 'same-origin' });
    const r = await readResult<RoomLogin>(response);
    if (!r.ok) return null;
    csrfToken = r.value.csrfToken;
    return r.value;
  } catch {
    return null;
  }
}

export async function roomLogout(): Promise<void> {
  await post('/logout', {});
  csrfToken = null;
}

/** Forgets the token (after the listener ended the session). */
export function forgetRoomSession(): void {
  csrfToken = null;
}

export interface RoomEvents {
  /** Something the page shows changed (the chair moved on, a consent, a decision text). */
  onChange(revision: number): void;
  /** The listener ended this session: meeting over, locked, removed by the chair, expired. */
  onEnd(reason: string): void;
  /** The connection dropped or came back; EventSource reconnects by itself. */
  onConnection(connected: boolean): void;
}

/** Server-sent events from GET /events; returns a function that closes the stream. */
export function subscribeRoomEvents(handlers: RoomEvents): () => void {
  const source = new EventSource('/events');
  const dataOf = (e: Event): unknown => {
    try {
      return JSON.parse(String((e as MessageEvent<unknown>).data)) as unknown;
    } catch {
      return null;
    }
  };
  const revisionOf = (e: Event): number => {
    const data = dataOf(e) as { revision?: unknown } | null;
    return typeof data?.revision === 'number' ? data.revision : 0;
  };
  source.addEventListener('open', () => handlers.onConnection(true));
  source.addEventListener('error', () => handlers.onConnection(false));
  source.addEventListener('change', (e) => handlers.onChange(revisionOf(e)));
  source.addEventListener('end', (e) => {
    const data = dataOf(e) as { reason?: unknown } | null;
    source.close();
    handlers.onEnd(typeof data?.reason === 'string' ? data.reason : 'ended');
  });
  return () => source.close();
}

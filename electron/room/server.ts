import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { RoomGateway, RoomListenOptions, RoomListener, RoomPort } from '../core/room/port';
import type { Logger } from '../core/ports';
import { ROOM_CALLER_PREFIX } from '../../shared/contract/room';
import type { RpcResult } from '../../shared/errors';
import { injectCspNonce } from '../main/app-protocol';
import { contentSecurityPolicy } from '../main/security';
import {
  SECURITY_HEADERS,
  contentTypes,
  parseCookies,
  resolveStaticPath,
  safeEqual,
} from '../serve/http-guards';

/*
 * The meeting room's listener: HTTPS on one address of the room's network, for the participants'
 * own browsers. It moves bytes and checks requests; every decision about people and data is the
 * backend's (core/room/room.ts and the dispatcher behind the gateway).
 *
 * Each request passes, in order: the request rate of its session (or source), the Host header (our address and
 * port, against DNS rebinding), then per route: the session cookie, the Origin (our own), the CSRF
 * token header on every POST, JSON only, a small body. The cookie is HttpOnly, Secure, SameSite=Strict
 * with the __Host- prefix; it names a random token the listener maps to a caller `room:<hash>`, and
 * the token dies with the session (log out, removed by the chair, idle, lock, the meeting's end, the
 * listener's close): a replayed cookie then gets 401.
 */

export const ROOM_COOKIE = '__Host-lvv_room';
export const CSRF_HEADER = 'x-csrf-token';

export interface RoomLimits {
  /** Open TCP connections at once (a browser keeps about six). */
  maxConnections: number;
  /** Largest request body: a position is a few KB of text. */
  maxBodyBytes: number;
  /** Requests per second per source address, sustained, and the burst allowed above it. */
  ratePerSecond: number;
  burst: number;
  /** A client that sends its headers (or its whole request) slower than this is cut off. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Event streams per session (a few tabs). */
  maxStreamsPerCaller: number;
  /** Keeps event streams alive through proxies and tells a dead client apart. */
  heartbeatMs: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxConnections: 256,
  maxBodyBytes: 64 * 1024,
  ratePerSecond: 20,
  burst: 60,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxStreamsPerCaller: 4,
  heartbeatMs: 15_000,
};

interface Token {
  callerId: string;
  csrf: string;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** The listener as a RoomPort: what the backend's process hands to createBackend. */
export function roomPort(opts: {
  rendererDir: string;
  logger: Logger;
  limits?: Partial<RoomLimits>;
}): RoomPort {
  return {
    listen: (o) =>
      startRoomListener({ ...o, rendererDir: opts.rendererDir, logger: opts.logger, limits: opts.limits }),
  };
}

export async function startRoomListener(
  o: RoomListenOptions & { rendererDir: string; logger: Logger; limits?: Partial<RoomLimits> | undefined },
): Promise<RoomListener> {
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...o.limits };
  const gateway: RoomGateway = o.gateway;
  const tokens = new Map<string, Token>();
  const streams = new Map<string, Set<http.ServerResponse>>();
  const buckets = new Map<string, Bucket>();
  let origin = '';
  let host = '';

  const server = https.createServer(
    {
      key: o.keyPem,
      cert: o.certPem,
      minVersion: 'TLSv1.2',
      handshakeTimeout: limits.headersTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts above on this interval; the default (30 s) would let a slow client linger.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
      keepAliveTimeout: 5_000,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      void handle(req, res).catch((e: unknown) => {
        o.logger.error('Meeting room request failed', { error: e instanceof Error ? e.message : String(e) });
        if (!res.headersSent)
          json(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
        else res.end();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('tlsClientError', () => {
    // A browser that does not trust the certificate yet closes the handshake: normal, not an error.
  });
  const sockets = new Set<Socket>();
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  const unsubscribe = gateway.subscribe((e) => {
    if (e.type === 'change') {
      for (const set of streams.values())
        for (const res of set) sendEvent(res, 'change', { revision: e.revision });
      return;
    }
    for (const [t, v] of tokens) if (v.callerId === e.callerId) tokens.delete(t);
    const set = streams.get(e.callerId);
    streams.delete(e.callerId);
    for (const res of set ?? []) {
      sendEvent(res, 'end', { reason: e.reason });
      res.end();
    }
  });
  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(': ping\n\n');
  }, limits.heartbeatMs);
  heartbeat.unref();

  function headers(extra: Record<string, string> = {}, nonce?: string): Record<string, string> {
    return {
      ...SECURITY_HEADERS,
      'Strict-Transport-Security': 'max-age=86400',
      'Content-Security-Policy': contentSecurityPolicy(nonce ? { nonce } : {}),
      ...extra,
    };
  }

  function json(
    res: http.ServerResponse,
    status: number,
    body: RpcResult<unknown>,
    extra: Record<string, string> = {},
  ) {
    res.writeHead(status, headers({ 'Content-Type': 'application/json', ...extra }));
    res.end(JSON.stringify(body));
  }

  const refuse = (
    res: http.ServerResponse,
    source: string,
    status: number,
    code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_INPUT',
    why: string,
  ) => {
    gateway.refused(source, why);
    json(res, status, { ok: false, error: { code, message: why } });
  };

  /**
   * Token bucket per session, or per source address for requests without one: a flood gets 429 and
   * never reaches the backend. Per session, because several laptops can share one address (a meeting
   * room's NAT, or every browser of a test on 127.0.0.1): one busy page must not starve the others.
   */
  function allowRate(req: http.IncomingMessage, source: string): boolean {
    const cookie = parseCookies(req.headers.cookie).get(ROOM_COOKIE);
    const key = cookie && tokens.has(cookie) ? `session:${cookie}` : `source:${source}`;
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: limits.burst, at: now };
    b.tokens = Math.min(limits.burst, b.tokens + ((now - b.at) / 1000) * limits.ratePerSecond);
    b.at = now;
    buckets.set(key, b);
    if (buckets.size > 10_000) buckets.clear();
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  function tokenOf(req: http.IncomingMessage): [string, Token] | null {
    const t = parseCookies(req.headers.cookie).get(ROOM_COOKIE);
    if (!t) return null;
    const v = tokens.get(t);
    if (!v) return null;
    if (!gateway.isLive(v.callerId)) {
      tokens.delete(t);
      return null;
    }
    return [t, v];
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const source = req.socket.remoteAddress ?? 'unknown';
    if (!allowRate(req, source)) {
      gateway.refused(source, 'rate');
      res.writeHead(429, headers({ 'Retry-After': '1', 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Te veel verzoeken; probeer het zo opnieuw.');
      return;
    }
    if ((req.headers.host ?? '').toLowerCase() !== host) {
      res.writeHead(421, headers({ 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const route = url.pathname;
    const post = req.method === 'POST';

    if (route === '/events' && req.method === 'GET') {
      const t = tokenOf(req);
      if (!t) return refuse(res, source, 401, 'UNAUTHENTICATED', 'No session');
      return openStream(res, t[1].callerId);
    }
    if (route === '/login' || route === '/session' || route === '/logout' || route === '/rpc') {
      if (route === '/session') {
        if (req.method !== 'GET') return refuse(res, source, 405, 'BAD_INPUT', 'Method not allowed');
        const t = tokenOf(req);
        if (!t) return refuse(res, source, 401, 'UNAUTHENTICATED', 'No session');
        const status = await gateway.dispatch('app.status', {}, { id: t[1].callerId, source });
        if (!status.ok) return json(res, 200, status);
        const session = (status.value as { session: unknown }).session;
        if (!session) return refuse(res, source, 401, 'UNAUTHENTICATED', 'No session');
        return json(res, 200, { ok: true, value: { session, csrfToken: t[1].csrf } });
      }
      if (!post) return refuse(res, source, 405, 'BAD_INPUT', 'Method not allowed');
      if (req.headers.origin !== origin) return refuse(res, source, 403, 'FORBIDDEN', 'Foreign origin');
      const existing = tokenOf(req);
      if (route !== '/login') {
        if (!existing) return refuse(res, source, 401, 'UNAUTHENTICATED', 'No session');
        const given = req.headers[CSRF_HEADER];
        if (typeof given !== 'string' || !safeEqual(given, existing[1].csrf))
          return refuse(res, source, 403, 'FORBIDDEN', 'Missing or wrong CSRF token');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuse(res, source, 415, 'BAD_INPUT', 'JSON only');
      const body = await readBody(req, limits.maxBodyBytes);
      if (body === null) {
        gateway.refused(source, 'body too large');
        res.writeHead(413, headers({ 'Content-Type': 'application/json', Connection: 'close' }));
        res.end(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Too large' } }));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return json(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'Malformed JSON' } });
      }
      const fields = (parsed ?? {}) as Record<string, unknown>;

      if (route === '/login') {
        // A new login is a new session with a new cookie; whatever this browser had before ends.
        if (existing) {
          await gateway.dispatch('auth.logout', {}, { id: existing[1].callerId, source });
          tokens.delete(existing[0]);
        }
        const token = crypto.randomBytes(32).toString('base64url');
        const callerId = `${ROOM_CALLER_PREFIX}${crypto.createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
        const result = await gateway.dispatch(
          'auth.login',
          { username: fields.username, password: fields.password },
          { id: callerId, source },
        );
        if (!result.ok) return json(res, 200, result);
        const csrf = crypto.randomBytes(32).toString('base64url');
        tokens.set(token, { callerId, csrf });
        return json(
          res,
          200,
          { ok: true, value: { session: result.value, csrfToken: csrf } },
          { 'Set-Cookie': `${ROOM_COOKIE}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/` },
        );
      }
      const { callerId } = existing![1];
      if (route === '/logout') {
        const result = await gateway.dispatch('auth.logout', {}, { id: callerId, source });
        tokens.delete(existing![0]);
        return json(res, 200, result, {
          'Set-Cookie': `${ROOM_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`,
        });
      }
      gateway.seen(callerId);
      const method = typeof fields.method === 'string' ? fields.method : '';
      const result = await gateway.dispatch(method, fields.input, { id: callerId, source });
      // The session may have ended in this very call (logged out): the status code says so too.
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') return json(res, 401, result);
      // The revision after this call: a page that sees it (or a later one) on its event stream has
      // seen this change, and can ignore older events.
      return json(res, 200, result, { 'X-Room-Revision': String(gateway.revision()) });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers({ 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Method not allowed');
      return;
    }
    return serveStatic(res, route);
  }

  function openStream(res: http.ServerResponse, callerId: string) {
    const set = streams.get(callerId) ?? new Set<http.ServerResponse>();
    if (set.size >= limits.maxStreamsPerCaller) {
      // The oldest stream of this session gives way (a tab left open elsewhere).
      const oldest = set.values().next().value;
      if (oldest) {
        set.delete(oldest);
        oldest.end();
      }
    }
    set.add(res);
    streams.set(callerId, set);
    res.writeHead(
      200,
      headers({ 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' }),
    );
    res.write('retry: 2000\n\n');
    sendEvent(res, 'change', { revision: gateway.revision() });
    res.on('close', () => set.delete(res));
  }

  function serveStatic(res: http.ServerResponse, route: string) {
    const notFound = () => {
      res.writeHead(404, headers({ 'Content-Type': 'text/plain; charset=utf-8' }));
      res.end('Not found');
    };
    const file = resolveStaticPath(o.rendererDir, route);
    // Source maps would hand out the source: never served. Nor dotfiles.
    if (!file || file.endsWith('.map') || path.basename(file).startsWith('.')) return notFound();
    const isFile = fs.existsSync(file) && fs.statSync(file).isFile();
    const target = isFile ? file : path.extname(file) ? null : path.join(o.rendererDir, 'index.html');
    if (!target || !fs.existsSync(target) || !fs.statSync(target).isFile()) return notFound();
    if (target.endsWith('.html')) {
      const nonce = crypto.randomBytes(18).toString('base64');
      res.writeHead(200, headers({ 'Content-Type': contentTypes['.html']! }, nonce));
      res.end(injectCspNonce(fs.readFileSync(target, 'utf8'), nonce));
      return;
    }
    res.writeHead(
      200,
      headers({ 'Content-Type': contentTypes[path.extname(target)] ?? 'application/octet-stream' }),
    );
    res.end(fs.readFileSync(target));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => o.logger.error('Meeting room listener error', { error: e.message }));
  const port = (server.address() as AddressInfo).port;
  origin = `https://${o.address}:${port}`;
  host = `${o.address}:${port}`;

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(heartbeat);
        for (const set of streams.values()) for (const res of set) res.end();
        streams.clear();
        tokens.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }),
  };
}

function sendEvent(res: http.ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The body, or null when it is larger than `max` (the declared length is checked first). */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        resolve(null);
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

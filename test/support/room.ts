import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { roomPort, type RoomLimits } from '../../electron/room/server';
import type { RoomStatus } from '../../shared/contract/room';
import { silentLogger } from '../../electron/core/ports';
import { firstItem, makeItemEnv, type ItemEnv } from './items';
import { tempDir } from './backend';

/*
 * The meeting room over real HTTPS on 127.0.0.1: a demo environment with a running meeting (the full
 * table of support/items.ts: GGD absent with apologies, the NGO with written input), its listener
 * started by the chair, and clients that trust the room's CA as a participant's browser would after
 * installing ca.pem. Each client may come from its own loopback address (127.0.0.x), as laptops do.
 */

export interface RoomEnv extends ItemEnv {
  meetingId: number;
  itemId: number;
  status: RoomStatus;
  rendererDir: string;
  client(source?: string): RoomClient;
}

/** A tiny "built renderer": what the listener may serve, with a source map it must not. */
export function fakeRenderer(): string {
  const dir = tempDir('lvv-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body>LVV</body></html>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
  return dir;
}

export async function makeRoomEnv(
  opts: { limits?: Partial<RoomLimits>; now?: Date; open?: boolean } = {},
): Promise<RoomEnv> {
  const rendererDir = fakeRenderer();
  // The certificate is checked against the real clock by the client: the backend's clock starts now.
  const env = await makeItemEnv(opts.now ?? new Date(), {
    room: roomPort({ rendererDir, logger: silentLogger, limits: opts.limits }),
  });
  const { meetingId, itemId } = firstItem(env);
  env.db().prepare('UPDATE meetings SET current_item_id = ? WHERE id = ?').run(itemId, meetingId);
  const status =
    opts.open === false
      ? await env.api['room.status']({})
      : await env.api['room.open']({ meetingId, address: '127.0.0.1' });
  const cleanup = env.cleanup;
  const clients: RoomClient[] = [];
  return {
    ...env,
    meetingId,
    itemId,
    status,
    rendererDir,
    client: (source = '127.0.0.1') => {
      const c = new RoomClient(env.backend.room.status(), source);
      clients.push(c);
      return c;
    },
    cleanup: () => {
      for (const c of clients) c.closeStreams();
      void env.backend.room.stop('closed', null);
      cleanup();
      fs.rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  json: { ok: boolean; value?: unknown; error?: { code: string; info?: { reason?: string } } };
}

export interface EventStream {
  events: { event: string; data: unknown; at: number }[];
  status: number;
  /** Resolves with the first event (from now on) that matches. */
  next(
    match: (e: { event: string; data: unknown }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; data: unknown; at: number }>;
  ended: Promise<void>;
  close(): void;
}

/** One participant's browser: its cookie and CSRF token, from its own source address. */
export class RoomClient {
  cookie: string | null = null;
  csrf: string | null = null;
  readonly origin: string;
  private streams: EventStream[] = [];
  readonly agent: https.Agent;

  constructor(
    private readonly room: RoomStatus,
    readonly source: string,
  ) {
    this.origin = `https://${room.address}:${room.port}`;
    this.agent = new https.Agent({ ca: room.caPem!, keepAlive: true, maxSockets: 8, localAddress: source });
  }

  request(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string | undefined> = {},
    retried = false,
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const h: Record<string, string> = {
      host: `${this.room.address}:${this.room.port}`,
      origin: this.origin,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(this.cookie ? { cookie: `__Host-lvv_room=${this.cookie}` } : {}),
      ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
    };
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined) delete h[k];
      else h[k] = v;
    }
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: this.room.address!,
          port: this.room.port!,
          method,
          path: route,
          headers: h,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: Reply['json'] = { ok: false };
            try {
              json = JSON.parse(text) as Reply['json'];
            } catch {
              // not JSON (a file, a plain refusal)
            }
            const set = res.headers['set-cookie']?.[0];
            const m = set ? /__Host-lvv_room=([^;]*)/.exec(set) : null;
            if (m) this.cookie = m[1] || null;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
          });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        // A kept-alive connection the listener closed just as it was reused: a browser sends again.
        if (req.reusedSocket && e.code === 'ECONNRESET' && !retried)
          resolve(this.request(method, route, body, headers, true));
        else reject(e);
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  async login(username: string, password = `demo-${username}-2026`): Promise<Reply> {
    const r = await this.request('POST', '/login', { username, password });
    if (r.json.ok) this.csrf = (r.json.value as { csrfToken: string }).csrfToken;
    return r;
  }

  /** Calls a contract method through /rpc; returns the RpcResult and the HTTP status. */
  async call(method: string, input: unknown = {}): Promise<Reply> {
    return this.request('POST', '/rpc', { method, input });
  }

  async value<T>(method: string, input: unknown = {}): Promise<T> {
    const r = await this.call(method, input);
    if (!r.json.ok) throw new Error(`${method} failed: ${r.status} ${r.body}`);
    return r.json.value as T;
  }

  events(): Promise<EventStream> {
    return new Promise((resolve, reject) => {
      const events: EventStream['events'] = [];
      const waiters: {
        match: (e: { event: string; data: unknown }) => boolean;
        resolve: (e: EventStream['events'][number]) => void;
      }[] = [];
      let endResolve = () => {};
      const ended = new Promise<void>((r) => (endResolve = r));
      const req = https.get(
        {
          host: this.room.address!,
          port: this.room.port!,
          path: '/events',
          agent: new https.Agent({ ca: this.room.caPem!, localAddress: this.source }),
          headers: {
            host: `${this.room.address}:${this.room.port}`,
            ...(this.cookie ? { cookie: `__Host-lvv_room=${this.cookie}` } : {}),
          },
        },
        (res) => {
          let buffer = '';
          // The listener closing (the meeting's end, a lock) resets the stream: that ends it, no more.
          res.on('error', endResolve);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let i: number;
            while ((i = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, i);
              buffer = buffer.slice(i + 2);
              const ev = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (!ev || data === undefined) continue;
              const e = { event: ev, data: JSON.parse(data) as unknown, at: performance.now() };
              events.push(e);
              for (const w of [...waiters])
                if (w.match(e)) {
                  waiters.splice(waiters.indexOf(w), 1);
                  w.resolve(e);
                }
            }
          });
          res.on('end', endResolve);
          res.on('close', endResolve);
          const stream: EventStream = {
            events,
            status: res.statusCode ?? 0,
            next: (match, timeoutMs = 5000) =>
              new Promise((ok, fail) => {
                const t = setTimeout(() => fail(new Error('No matching event in time')), timeoutMs);
                waiters.push({
                  match,
                  resolve: (e) => {
                    clearTimeout(t);
                    ok(e);
                  },
                });
              }),
            ended,
            close: () => req.destroy(),
          };
          this.streams.push(stream);
          resolve(stream);
        },
      );
      req.on('error', (e) => {
        endResolve();
        reject(e);
      });
    });
  }

  closeStreams(): void {
    for (const s of this.streams) s.close();
    this.agent.destroy();
  }
}

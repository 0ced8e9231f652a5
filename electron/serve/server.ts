import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../shared/dispatcher';
import { injectCspNonce } from '../main/app-protocol';
import { contentSecurityPolicy } from '../main/security';
import type { Logger } from '../core/ports';
import {
  SECURITY_HEADERS,
  contentTypes,
  isAllowedHost,
  isAllowedOrigin,
  parseCookies,
  resolveStaticPath,
  safeEqual,
} from './http-guards';

const COOKIE = 'lvv_session';
const MAX_BODY = 25 * 1024 * 1024;

export interface ServeHost {
  /** The one-time address to open: exchanges the token for a cookie, then redirects to the app. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  dispatch: Dispatch;
  rendererDir: string;
  logger: Logger;
  port?: number;
}

/**
 * The browser host: the built renderer and POST /rpc on 127.0.0.1 only. A random token, valid once,
 * is exchanged for an HttpOnly cookie; every request must carry that cookie and our Host header,
 * and RPC calls our Origin.
 */
export async function startServeHost(opts: ServeOptions): Promise<ServeHost> {
  let token: string | null = crypto.randomBytes(32).toString('hex');
  const sessions = new Set<string>();
  let port = 0;

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', nonce?: string) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(nonce ? { nonce } : {}), 'Content-Type': type });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.logger.error('Browser host request failed', { error: String(e) });
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (req.method === 'GET' && url.pathname === '/open') {
      const given = url.searchParams.get('token') ?? '';
      if (token === null || !safeEqual(given, token)) {
        return send(res, 403, 'Deze link is al gebruikt of ongeldig. Start LVV Overleg opnieuw voor een nieuwe link.');
      }
      token = null;
      const session = crypto.randomBytes(32).toString('hex');
      sessions.add(session);
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      res.end();
      return;
    }

    const cookie = parseCookies(req.headers.cookie).get(COOKIE);
    if (!cookie || !sessions.has(cookie)) {
      return send(res, 401, 'Geen toegang. Open LVV Overleg via de link die bij het starten werd getoond.');
    }

    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden origin');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'Too large');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Malformed JSON' } }), 'application/json');
      }
      const { method, input } = (parsed ?? {}) as { method?: unknown; input?: unknown };
      const result = await opts.dispatch(typeof method === 'string' ? method : '', input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const file = resolveStaticPath(opts.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.extname(file) ? null : path.join(opts.rendererDir, 'index.html');
    if (!target || !fs.existsSync(target)) return send(res, 404, 'Not found');
    if (target.endsWith('.html')) {
      // A fresh nonce per page lets react-aria's few runtime <style> elements in, and nothing else.
      const nonce = crypto.randomBytes(18).toString('base64');
      return send(res, 200, injectCspNonce(fs.readFileSync(target, 'utf8'), nonce), contentTypes['.html'], nonce);
    }
    return send(res, 200, fs.readFileSync(target), contentTypes[path.extname(target)] ?? 'application/octet-stream');
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/open?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Pure parts of the `app://lvv` protocol handler: which file a URL maps to, and which headers it gets.
 * No 'electron' import; node:path only (injectable, so tests check Windows paths on Linux too).
 */
import nodePath from 'node:path';
import { isAppUrl } from './app-url';
import { contentSecurityPolicy } from './security';

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an app URL to a file inside rootDir (the built renderer), or null. Null for other origins,
 * undecodable or NUL-containing paths, and anything that resolves outside rootDir — `..`, `%2e%2e`,
 * encoded slashes and backslashes (`..%2f`, `..%5c`), absolute paths and other drives.
 * (Plain `..` segments never get here: the URL parser resolves them, clamped at the origin's root.)
 * Query and hash are ignored; a path ending in `/` means its index.html.
 */
export function resolveAppPath(rootDir: string, url: string, path: PathApi = nodePath): string | null {
  if (!isAppUrl(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded === '' || /[/\\]$/.test(decoded)) decoded += 'index.html';
  const root = path.resolve(rootDir);
  const full = path.resolve(root, decoded.replace(/^[/\\]+/, ''));
  const rel = path.relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return full;
}

export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return contentTypes[ext] ?? 'application/octet-stream';
}

/** Headers of every response of the protocol. The CSP rides on the response itself. */
export function responseHeaders(filePath: string, nonce?: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': contentSecurityPolicy(nonce === undefined ? {} : { nonce }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * Puts `<meta name="csp-nonce" content="…">` first in <head>, where react-aria looks for the nonce of
 * the `<style>` elements it injects. The nonce is base64 (checked), so it needs no HTML escaping.
 */
export function injectCspNonce(html: string, nonce: string): string {
  contentSecurityPolicy({ nonce }); // throws on a malformed nonce
  const meta = `<meta name="csp-nonce" content="${nonce}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('index.html has no <head>');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

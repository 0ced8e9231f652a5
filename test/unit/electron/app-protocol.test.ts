import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  injectCspNonce,
  resolveAppPath,
  responseHeaders,
} from '../../../electron/main/app-protocol';

describe('resolveAppPath (POSIX)', () => {
  const root = '/app/out/renderer';
  const r = (url: string) => resolveAppPath(root, url, path.posix);

  it('maps app URLs into the renderer folder', () => {
    expect(r('app://lvv/index.html')).toBe('/app/out/renderer/index.html');
    expect(r('app://lvv/')).toBe('/app/out/renderer/index.html');
    expect(r('app://lvv')).toBe('/app/out/renderer/index.html');
    expect(r('app://lvv/index.html#/projector')).toBe('/app/out/renderer/index.html');
    expect(r('app://lvv/assets/index-abc.js?v=1')).toBe('/app/out/renderer/assets/index-abc.js');
    expect(r('app://lvv/assets/a%20b.png')).toBe('/app/out/renderer/assets/a b.png');
    // Dot segments that stay inside the root are harmless.
    expect(r('app://lvv/assets/../index.html')).toBe('/app/out/renderer/index.html');
  });

  it.each([
    ['app://lvv/../../../etc/passwd', '/app/out/renderer/etc/passwd'],
    ['app://lvv/%2e%2e/%2e%2e/etc/passwd', '/app/out/renderer/etc/passwd'],
    ['app://lvv/..', '/app/out/renderer/index.html'],
    ['app://lvv/%2e%2e', '/app/out/renderer/index.html'],
    ['app://lvv/%2E%2e/', '/app/out/renderer/index.html'],
  ])('lets the URL parser clamp plain dot segments at the root: %s', (url, file) =>
    expect(r(url)).toBe(file),
  );

  it.each([
    'app://lvv/..%2f..%2f..%2fetc%2fpasswd',
    'app://lvv/assets/..%2f..%2f..%2fsecret',
    'app://lvv/%2e%2e%2fmain%2findex.js',
    'app://lvv//etc/passwd/..%2f..%2f..%2f..',
    'app://lvv/index.html%00.png',
    'app://lvv/%E0%A4%A',
    'app://lvv.evil.com/index.html',
    'app://lvv@evil/index.html',
    'file:///app/out/renderer/index.html',
    'https://lvv/index.html',
    'not a url',
  ])('refuses %s', (url) => expect(r(url)).toBeNull());

  it('refuses a sibling folder whose name starts with the root name', () => {
    expect(resolveAppPath('/app/out/renderer', 'app://lvv/..%2frenderer-evil/x.js', path.posix)).toBeNull();
  });

  it('keeps a leading-slash absolute path inside the root', () => {
    expect(r('app://lvv//etc/passwd')).toBe('/app/out/renderer/etc/passwd');
  });
});

describe('resolveAppPath (Windows)', () => {
  const root = 'C:\\Program Files\\LVV Overleg\\resources\\app.asar\\out\\renderer';
  const r = (url: string) => resolveAppPath(root, url, path.win32);

  it('maps app URLs into the renderer folder', () => {
    expect(r('app://lvv/assets/index.js')).toBe(`${root}\\assets\\index.js`);
    expect(r('app://lvv/')).toBe(`${root}\\index.html`);
  });

  it.each([
    'app://lvv/..%5c..%5c..%5cWindows%5cwin.ini',
    'app://lvv/%5c..%5c..%5c..%5c..%5c..%5cWindows',
    'app://lvv/C:%5cWindows%5cwin.ini',
    'app://lvv/C:/Windows/win.ini',
    'app://lvv/D:%5csecret.txt',
    'app://lvv/assets/..%5c..%5c..%5capp.asar',
  ])('refuses %s', (url) => expect(r(url)).toBeNull());

  it('reads a UNC-looking path as a path inside the root', () => {
    expect(r('app://lvv/%5c%5cserver%5cshare%5cx')).toBe(`${root}\\server\\share\\x`);
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer’s file types and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/README')).toBe('application/octet-stream');
  });
});

describe('responseHeaders', () => {
  it('sends the CSP, nosniff and no caching with every file', () => {
    const h = responseHeaders('/x/a.js');
    expect(h['Content-Security-Policy']).toContain("script-src 'self'");
    expect(h['Content-Security-Policy']).not.toContain('nonce-');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Cache-Control']).toBe('no-store');
    expect(h['Content-Type']).toBe('text/javascript; charset=utf-8');
  });
  it('puts the document’s nonce in style-src', () => {
    expect(responseHeaders('/x/index.html', 'AAAAAAAAAAAAAAAAAAAAAAAA')['Content-Security-Policy']).toContain(
      "style-src 'self' 'nonce-AAAAAAAAAAAAAAAAAAAAAAAA'",
    );
  });
});

describe('injectCspNonce', () => {
  const html =
    '<!doctype html><html lang="nl"><head>\n<meta charset="UTF-8" /><title>x</title></head><body></body></html>';

  it('puts the meta react-aria reads first in <head>', () => {
    const out = injectCspNonce(html, 'abcdEFGH1234+/ab');
    expect(out).toContain('<head><meta name="csp-nonce" content="abcdEFGH1234+/ab">\n<meta charset');
  });

  it('handles <head> with attributes and upper case', () => {
    expect(injectCspNonce('<HTML><HEAD data-x="1"></HEAD></HTML>', 'abcdEFGH1234+/ab')).toBe(
      '<HTML><HEAD data-x="1"><meta name="csp-nonce" content="abcdEFGH1234+/ab"></HEAD></HTML>',
    );
  });

  it('does not mistake <header> for <head>', () => {
    expect(() => injectCspNonce('<body><header></header></body>', 'abcdEFGH1234+/ab')).toThrow(/no <head>/);
  });

  it('refuses a nonce that would break out of the attribute', () => {
    expect(() => injectCspNonce(html, 'x"><script>alert(1)</script>')).toThrow();
  });
});

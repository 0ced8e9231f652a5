import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedHost,
  isAllowedOrigin,
  parseCookies,
  resolveStaticPath,
  safeEqual,
} from '../../../electron/serve/http-guards';

describe('browser host guards', () => {
  it('accepts only our loopback host and port (DNS rebinding sends another name)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    for (const h of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:4001',
      'evil.example:4000',
      '127.0.0.1.evil.example:4000',
      'localhost:4000.evil',
      '[::1]:4000',
    ]) {
      expect(isAllowedHost(h, 4000)).toBe(false);
    }
  });

  it('accepts only our own origin for calls', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    for (const o of [
      undefined,
      'null',
      'http://127.0.0.1:4001',
      'https://127.0.0.1:4000',
      'http://evil.example',
      'http://127.0.0.1:4000.evil.example',
      'http://127.0.0.1:4000/',
    ]) {
      expect(isAllowedOrigin(o, 4000)).toBe(false);
    }
  });

  it('never serves a file outside the renderer folder', () => {
    const root = path.resolve('/srv/app');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js?v=1')).toBe(path.join(root, 'assets/a.js'));
    for (const p of [
      '/../secret',
      '/%2e%2e/secret',
      '/assets/../../etc/passwd',
      '/..%2fetc%2fpasswd',
      '/a\\..\\b',
      '/%00',
      '/%zz',
    ]) {
      expect(resolveStaticPath(root, p)).toBeNull();
    }
  });

  it('compares tokens in constant time and reads cookies', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(parseCookies('a=1; lvv_session=xyz; b').get('lvv_session')).toBe('xyz');
  });
});

import { describe, expect, it } from 'vitest';
import {
  allowPermission,
  allowWebviewAttach,
  appScheme,
  contentSecurityPolicy,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  webPreferences,
  windowOpenDecision,
  type SenderInfo,
} from '../../../electron/main/security';

describe('webPreferences', () => {
  const prefs = webPreferences('/app/out/preload/index.cjs', { devTools: false });

  it('locks the renderer down', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('has no option that loosens anything', () => {
    const keys = Object.keys(prefs);
    for (const risky of [
      'enableBlinkFeatures',
      'additionalArguments',
      'partition',
      'session',
      'plugins',
      'webgl',
    ]) {
      expect(keys).not.toContain(risky);
    }
  });

  it('enables devtools only when asked (development builds)', () => {
    expect(webPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('appScheme privileges', () => {
  it('is a standard secure scheme that does not bypass the CSP', () => {
    expect(appScheme.scheme).toBe('app');
    expect(appScheme.privileges).toMatchObject({ standard: true, secure: true });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
    expect(appScheme.privileges?.allowServiceWorkers).toBeFalsy();
  });
});

describe('contentSecurityPolicy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v.join(' ')]),
    );

  it('is strict', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self'");
    expect(d.get('img-src')).toBe("'self' data:");
    expect(d.get('font-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
  });

  it('never allows inline script, eval or remote hosts', () => {
    const csp = contentSecurityPolicy({ nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:|blob:/);
  });

  it('adds a nonce to style-src only', () => {
    const d = directives(contentSecurityPolicy({ nonce: 'abcdEFGH1234+/ab' }));
    expect(d.get('style-src')).toBe("'self' 'nonce-abcdEFGH1234+/ab'");
    expect(d.get('script-src')).toBe("'self'");
  });

  it.each([
    "abc'; script-src *",
    'short',
    'AAAAAAAAAAAAAAAA AAAA',
    "AAAAAAAAAAAAAAAA'",
    'AAAAAAAAAAAAAAAA;',
    '',
  ])('refuses a nonce that could inject a directive: %j', (nonce) =>
    expect(() => contentSecurityPolicy({ nonce })).toThrow(),
  );
});

describe('isAllowedNavigation', () => {
  it('allows our own pages', () => {
    expect(isAllowedNavigation('app://lvv/index.html')).toBe(true);
    expect(isAllowedNavigation('app://lvv/index.html#/dossiers')).toBe(true);
  });
  it.each([
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'app://lvv.evil.com/index.html',
    'app://lvv@evil/',
    'file:///etc/passwd',
    'file:///work/main/out/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('denies %s', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('windowOpenDecision', () => {
  it('opens the projector route (through the host)', () => {
    expect(windowOpenDecision('app://lvv/index.html#/projector')).toBe('open-projector');
  });
  it.each([
    'https://example.org/',
    'app://lvv/index.html',
    'app://lvv/index.html#/dossiers',
    'app://lvv.evil.com/index.html#/projector',
    'file:///index.html#/projector',
    'about:blank',
    '',
  ])('denies %s', (url) => expect(windowOpenDecision(url)).toBe('deny'));
});

describe('webviews and permissions', () => {
  it('never attaches a webview', () => expect(allowWebviewAttach()).toBe(false));
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'unknown',
  ])('denies %s, even to our own origin', (permission) =>
    expect(allowPermission(permission, 'app://lvv/index.html')).toBe(false),
  );
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.org/',
    'http://example.org/',
    'mailto:a@b.nl',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-msdt:/id',
    'app://lvv/',
  ])('opens nothing with the default (empty) allow-list: %s', (url) =>
    expect(isAllowedExternalUrl(url)).toBe(false),
  );
  it('compares whole schemes when a list is given', () => {
    const allow = ['https:'];
    expect(isAllowedExternalUrl('https://example.org/', allow)).toBe(true);
    expect(isAllowedExternalUrl('HTTPS://example.org/', allow)).toBe(true);
    expect(isAllowedExternalUrl('https://user:pw@example.org/', allow)).toBe(false);
    expect(isAllowedExternalUrl('http://example.org/', allow)).toBe(false);
    expect(isAllowedExternalUrl('httpsx://example.org/', allow)).toBe(false);
    expect(isAllowedExternalUrl('javascript:"https://"', allow)).toBe(false);
    expect(isAllowedExternalUrl('not a url', allow)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows our origin and data: images', () => {
    expect(isAllowedRequestUrl('app://lvv/assets/index.js', { devTools: false })).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', { devTools: false })).toBe(true);
  });
  it.each([
    'https://example.org/x.js',
    'http://127.0.0.1:1234/rpc',
    'ws://127.0.0.1/',
    'file:///etc/passwd',
    'app://lvv.evil.com/',
    'devtools://devtools/x',
  ])('blocks %s in a packaged app', (url) =>
    expect(isAllowedRequestUrl(url, { devTools: false })).toBe(false),
  );
  it('allows devtools pages only in development', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { devTools: true })).toBe(true);
    expect(isAllowedRequestUrl('https://example.org/', { devTools: true })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ours = new Set([7, 9]);
  const good: SenderInfo = {
    webContentsId: 7,
    isMainFrame: true,
    frameUrl: 'app://lvv/index.html#/dossiers',
  };

  it('trusts our window, main frame, our origin', () => {
    expect(isTrustedSender(good, ours)).toBe(true);
    expect(
      isTrustedSender({ ...good, webContentsId: 9, frameUrl: 'app://lvv/index.html#/projector' }, ours),
    ).toBe(true);
  });

  it('refuses a webContents we did not create', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, ours)).toBe(false);
    expect(isTrustedSender({ ...good, webContentsId: Number.NaN }, ours)).toBe(false);
    expect(isTrustedSender(good, new Set())).toBe(false);
  });

  it('refuses subframes, even of our origin', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false }, ours)).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender({ ...good, frameUrl: undefined }, ours)).toBe(false);
  });

  it.each([
    'app://lvv.evil.com/index.html',
    'app://lvv@evil/index.html',
    'app://evil/index.html',
    'app://lvv:80/index.html',
    'file:///other/index.html',
    'file:///work/main/out/renderer/index.html',
    'https://app-lvv/',
    'https://lvv/',
    'http://127.0.0.1:5173/',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses our window showing %s', (frameUrl) => {
    expect(isTrustedSender({ ...good, frameUrl }, ours)).toBe(false);
  });
});

/**
 * Every security decision of the Electron host as a pure function, so each one has a unit test.
 * Only type imports from 'electron' here: tests run without the Electron binary.
 */
import type { CustomScheme, WebPreferences } from 'electron';
import { APP_SCHEME, isAppUrl, isProjectorUrl, parseUrl } from './app-url';

/** Options for every window we create (main window and projector). */
export function webPreferences(preloadPath: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Spellcheck would send typed text (names, case notes) to the OS / a dictionary service.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: opts.devTools,
  };
}

/** Privileges of the `app:` scheme. Never `bypassCSP`: our own CSP must apply to our own pages. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true, // real origin (app://lvv), relative URLs and 'self' work as on the web
    secure: true, // a secure context, like https
    supportFetchAPI: true,
    corsEnabled: true, // module scripts (Vite's output) are CORS requests, even same-origin
    codeCache: true,
  },
};

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * The Content-Security-Policy of our pages. Scripts only from our bundle, no eval, no inline script.
 *
 * Styles: react-aria injects two small `<style>` elements at runtime (usePress: touch-action;
 * usePreventScroll: overscroll-behavior). Rather than `'unsafe-inline'`, the protocol handler gives each
 * HTML response a fresh nonce, puts it in `<meta name="csp-nonce">` (where react-aria reads it) and in
 * this policy. React's `style={...}` props go through CSSOM and need no CSP allowance.
 */
export function contentSecurityPolicy(opts: { nonce?: string } = {}): string {
  if (opts.nonce !== undefined && !NONCE.test(opts.nonce)) throw new Error('Invalid CSP nonce');
  const styleSrc = opts.nonce ? `'self' 'nonce-${opts.nonce}'` : `'self'`;
  return [
    `default-src 'none'`,
    `script-src 'self'`,
    `style-src ${styleSrc}`,
    `img-src 'self' data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/**
 * will-navigate / will-redirect: the app never leaves its origin (routing is by hash, which does not
 * navigate). A link to the web, a dropped file or an injected `location = ...` is refused.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * setWindowOpenHandler: the renderer never gets a window of its own making (`deny` always). The one
 * exception is the projector route, which the host then opens itself, with the host's own options,
 * on the right display, and without an opener relationship. So opening the projector needs no IPC:
 * `window.open('#/projector')` is enough.
 */
export type WindowOpenDecision = 'open-projector' | 'deny';
export function windowOpenDecision(url: string): WindowOpenDecision {
  return isProjectorUrl(url) ? 'open-projector' : 'deny';
}

/** will-attach-webview: never (webviewTag is off too; this catches any way around that). */
export function allowWebviewAttach(): false {
  return false;
}

/**
 * Permission request and check handlers: camera, microphone, notifications, geolocation, clipboard
 * reads, HID, serial, USB, fullscreen by the page, ... all denied. The app needs none of them.
 */
export function allowPermission(_permission: string, _requestingUrl?: string): false {
  return false;
}

/**
 * Schemes the app may hand to the OS with shell.openExternal. Empty: the app links nowhere. Kept as
 * an explicit list so that adding one (say `mailto:`) is a deliberate, tested change.
 */
export const externalUrlSchemes: readonly string[] = [];

export function isAllowedExternalUrl(url: string, allowed: readonly string[] = externalUrlSchemes): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  return allowed.includes(u.protocol) && u.username === '' && u.password === '';
}

/**
 * Every request of the session (webRequest.onBeforeRequest): only our own origin and inline `data:`
 * images. The CSP already forbids the rest; this also covers requests the CSP does not see.
 * DevTools' own pages are allowed only in development builds.
 */
export function isAllowedRequestUrl(url: string, opts: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  return opts.devTools && (u.protocol === 'devtools:' || u.protocol === 'chrome-extension:');
}

/** What the IPC handler knows about who called it. */
export interface SenderInfo {
  /** event.sender.id */
  webContentsId: number;
  /** event.senderFrame is the top-level frame of that webContents (not an iframe). */
  isMainFrame: boolean;
  /** event.senderFrame.url; undefined when the frame is already gone. */
  frameUrl: string | undefined;
}

/**
 * The IPC gate: the call comes from one of our windows (by webContents id, tracked as we create them),
 * from its main frame, and that frame shows our origin. Any miss means "not us": a subframe, a page
 * that navigated elsewhere, a window we did not create.
 */
export function isTrustedSender(sender: SenderInfo, trustedWebContentsIds: ReadonlySet<number>): boolean {
  return (
    Number.isInteger(sender.webContentsId) &&
    trustedWebContentsIds.has(sender.webContentsId) &&
    sender.isMainFrame === true &&
    isAppUrl(sender.frameUrl)
  );
}

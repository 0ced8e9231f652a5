/**
 * The app's own origin. The renderer is served from a custom protocol, `app://lvv`, instead of file://:
 * - a file:// page has an opaque origin shared with every other file on disk, may load any local file as
 *   a subresource, and a path check on file URLs has to survive symlinks, case-insensitive drives and
 *   percent-encoding; one exact scheme + host comparison is far easier to get right;
 * - 'self' in the CSP then means exactly our bundle, not "any local file";
 * - absolute asset paths and module scripts behave as on the web (Electron's security checklist,
 *   "Avoid usage of the file:// protocol").
 * Imports nothing from 'electron', so it is unit-testable without the binary.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lvv';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/** The projector route of the same renderer (hash routing, so the protocol serves one index.html). */
export const PROJECTOR_HASH = '#/projector';
export const PROJECTOR_URL = `${APP_INDEX_URL}${PROJECTOR_HASH}`;

/** Parses a URL, or null when it is not one. */
export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for URLs of our origin: scheme `app:`, host exactly `lvv`, no user info, no port.
 * Rejects look-alikes such as `app://lvv.evil.com`, `app://lvv@evil`, `app://lvv:1`, `https://app-lvv`.
 * (`app:` is not a WHATWG special scheme, so Node keeps its host as given; Chromium, where the scheme
 * is registered as standard, lowercases it before we ever see it, so an exact match is right.)
 */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.hostname === APP_HOST &&
    u.username === '' &&
    u.password === '' &&
    u.port === ''
  );
}

/** True for the projector route of our renderer (the only window the renderer may ask to open). */
export function isProjectorUrl(url: unknown): boolean {
  if (!isAppUrl(url)) return false;
  const u = new URL(url as string);
  return (u.pathname === '/' || u.pathname === '/index.html') && u.search === '' && u.hash === PROJECTOR_HASH;
}

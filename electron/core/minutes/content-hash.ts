import crypto from 'node:crypto';
import type { MinutesModel } from './model';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * SHA-256 (hex) of what the minutes say, printed on the signature page. It leaves out what changes
 * without the content changing: the state (vastgesteld → ondertekend), the signature page itself
 * (it cannot hold its own hash) and the moment the document was generated.
 */
export function minutesContentHash(model: MinutesModel): string {
  const { state: _state, signaturePage: _page, generatedAt: _at, ...content } = model;
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

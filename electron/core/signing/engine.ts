import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let installed = false;

/**
 * pkijs finds its crypto through a global engine; point it at Node's WebCrypto once, before the first
 * certificate or CMS operation. Idempotent, so every entry point of this folder can call it.
 */
export function ensureCryptoEngine(): void {
  if (!installed) {
    // pkijs types `crypto` as the DOM's Crypto, which core (compiled without the DOM lib) cannot name;
    // Node's webcrypto is that same standard API.
    const params = { name: 'node', crypto: webcrypto } as unknown as pkijs.CryptoEngineParameters;
    pkijs.setEngine('node', new pkijs.CryptoEngine(params));
    installed = true;
  }
}

export const subtle = webcrypto.subtle;

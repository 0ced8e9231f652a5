import crypto from 'node:crypto';
import { z } from 'zod';
import type { KdfParams } from '../ports';
import { deriveKey, unwrapKey, WrappedKeySchema } from './keywrap';

/**
 * A password verifier, stored inside the encrypted database: it proves a password without opening
 * anything. `scrypt` is the normal form. `wrap` is a participant's key wrap from before key holders
 * existed, moved out of the key file into the database; it still proves the password (GCM fails on a
 * wrong one) and is replaced by an scrypt verifier at that user's next login.
 */
export const PasswordVerifier = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scrypt'),
    logN: z.number().int().min(10).max(22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string(),
    hash: z.string(),
  }),
  z.object({ kind: z.literal('wrap'), wrapped: WrappedKeySchema, aad: z.string() }),
]);
export type PasswordVerifier = z.infer<typeof PasswordVerifier>;

export async function newVerifier(password: string, kdf: KdfParams): Promise<PasswordVerifier> {
  const salt = crypto.randomBytes(16);
  const hash = await deriveKey(password, salt, kdf);
  return {
    kind: 'scrypt',
    logN: kdf.logN,
    r: kdf.r,
    p: kdf.p,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

export async function checkVerifier(verifier: PasswordVerifier, password: string): Promise<boolean> {
  if (verifier.kind === 'wrap') {
    const key = await unwrapKey(verifier.wrapped, password, Buffer.from(verifier.aad, 'base64'));
    key?.fill(0);
    return key !== null;
  }
  const hash = await deriveKey(password, Buffer.from(verifier.salt, 'base64'), verifier);
  const expected = Buffer.from(verifier.hash, 'base64');
  return hash.length === expected.length && crypto.timingSafeEqual(hash, expected);
}

/** A fixed verifier to spend the same time on unknown login names, so timing tells nothing. */
export async function decoyCheck(password: string, kdf: KdfParams): Promise<void> {
  await deriveKey(password, Buffer.alloc(16), kdf);
}

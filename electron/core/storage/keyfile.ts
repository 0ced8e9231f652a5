import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';
import { WrappedKeySchema } from '../crypto/keywrap';

/**
 * The key file sits beside the database and holds the database key for the key holders only: per
 * holder an X25519 key pair (private half wrapped with the holder's password) and the database key
 * sealed to it (crypto/holder-key.ts). Other users' passwords open nothing on disk: they log in
 * against a verifier inside the encrypted database. It holds no personal data of clients: only the
 * database id and login names.
 *
 * Format 1 wrapped the database key directly with every user's password (`wrapped`); such entries
 * are still read, upgraded to a holder entry at that holder's next login and removed for everyone
 * who does not hold the key (environment/keyring.ts).
 */
const SealedKeySchema = z.object({
  ephemeralPublicKey: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
const HolderKeySchema = z.object({
  publicKey: z.string(),
  privateKey: WrappedKeySchema,
  sealed: SealedKeySchema,
});

const EntrySchema = z.object({
  userId: z.number().int(),
  username: z.string(),
  holder: HolderKeySchema.optional(),
  /** Format 1 only: the database key wrapped directly with the password. */
  wrapped: WrappedKeySchema.optional(),
});
export type KeyFileEntry = z.infer<typeof EntrySchema>;

const KeyFileSchema = z.object({
  format: z.enum(['lvv-overleg-keys/1', 'lvv-overleg-keys/2']),
  databaseId: z.string().uuid(),
  entries: z.array(EntrySchema),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

export function readKeyFile(file: string): KeyFile {
  const parsed = KeyFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Key file ${file} is malformed`);
  return parsed.data;
}

export function writeKeyFile(file: string, keyFile: KeyFile): void {
  writeFileAtomic(file, JSON.stringify({ ...keyFile, format: 'lvv-overleg-keys/2' }, null, 2));
}

export function findEntry(keyFile: KeyFile, username: string): KeyFileEntry | undefined {
  const wanted = username.trim().toLowerCase();
  return keyFile.entries.find((e) => e.username.toLowerCase() === wanted);
}

export function withEntry(keyFile: KeyFile, entry: KeyFileEntry): KeyFile {
  return { ...keyFile, entries: [...keyFile.entries.filter((e) => e.userId !== entry.userId), entry] };
}

export function withoutEntry(keyFile: KeyFile, userId: number): KeyFile {
  return { ...keyFile, entries: keyFile.entries.filter((e) => e.userId !== userId) };
}

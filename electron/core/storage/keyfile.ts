import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';
import type { WrappedKey } from '../crypto/keywrap';

/**
 * The key file sits beside the database and holds, per user, the database key wrapped by that user's
 * password. It holds no personal data of clients: only the database id and login names.
 */
const WrappedKeySchema = z.object({
  kdf: z.literal('scrypt'),
  logN: z.number().int().min(10).max(22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});

const KeyFileSchema = z.object({
  format: z.literal('lvv-overleg-keys/1'),
  databaseId: z.string().uuid(),
  entries: z.array(z.object({ userId: z.number().int(), username: z.string(), wrapped: WrappedKeySchema })),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

export function readKeyFile(file: string): KeyFile {
  const parsed = KeyFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Key file ${file} is malformed`);
  return parsed.data;
}

export function writeKeyFile(file: string, keyFile: KeyFile): void {
  writeFileAtomic(file, JSON.stringify(keyFile, null, 2));
}

export function findEntry(keyFile: KeyFile, username: string) {
  const wanted = username.trim().toLowerCase();
  return keyFile.entries.find((e) => e.username.toLowerCase() === wanted);
}

export function withEntry(keyFile: KeyFile, userId: number, username: string, wrapped: WrappedKey): KeyFile {
  return {
    ...keyFile,
    entries: [...keyFile.entries.filter((e) => e.userId !== userId), { userId, username, wrapped }],
  };
}

export function withoutEntry(keyFile: KeyFile, userId: number): KeyFile {
  return { ...keyFile, entries: keyFile.entries.filter((e) => e.userId !== userId) };
}

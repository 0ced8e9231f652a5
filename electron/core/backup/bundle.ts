import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';

/**
 * The backup file: one file the beheerder can copy to a share or a USB stick, holding the encrypted
 * database (made by VACUUM INTO under the same key), the key file and the audit head file. Layout:
 * a magic line, one line of JSON (the manifest: what the backup contains, and per part its size and
 * SHA-256), then the parts' bytes one after the other. Not a zip: the app has no zip library, and the
 * database is encrypted already, so compressing it would gain nothing.
 *
 * The manifest is in the clear so that a list of backups can say what each contains without a key:
 * a date, the date of the last meeting and counts. No personal data. Nothing in it is trusted for a
 * restore: the database itself is opened, checked and summed up again before anything is replaced.
 */
const MAGIC = 'LVV-OVERLEG-BACKUP/1\n';

export const BackupSummary = z.object({
  /** When the backup was made (ISO). */
  createdAt: z.string(),
  city: z.string(),
  databaseId: z.string(),
  schemaVersion: z.number().int(),
  /** Date (YYYY-MM-DD) of the latest meeting that has ended, or null. */
  lastMeeting: z.string().nullable(),
  dossiers: z.number().int().min(0),
  meetings: z.number().int().min(0),
  auditRecords: z.number().int().min(0),
  auditHead: z.object({ id: z.number().int().min(0), hash: z.string() }),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

const PART_NAMES = ['database', 'keys', 'head'] as const;
export type PartName = (typeof PART_NAMES)[number];

const Manifest = z.object({
  format: z.literal('lvv-overleg-backup/1'),
  summary: BackupSummary,
  parts: z.array(
    z.object({
      name: z.enum(PART_NAMES),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

export type Parts = Record<PartName, Buffer>;

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** Writes the backup file atomically (temp name in the same folder, fsync, rename), owner-only. */
export function writeBundle(file: string, summary: BackupSummary, parts: Parts): void {
  const manifest: Manifest = {
    format: 'lvv-overleg-backup/1',
    summary,
    parts: PART_NAMES.map((name) => ({ name, size: parts[name].length, sha256: sha256(parts[name]) })),
  };
  const header = Buffer.from(`${MAGIC}${JSON.stringify(manifest)}\n`, 'utf8');
  writeFileAtomic(file, Buffer.concat([header, ...PART_NAMES.map((n) => parts[n])]), 0o600);
}

/** Thrown when a file is not a backup of this app, or is damaged (a part does not match its hash). */
export class BundleError extends Error {}

function parseHeader(head: Buffer): { manifest: Manifest; offset: number } {
  if (head.subarray(0, MAGIC.length).toString('latin1') !== MAGIC)
    throw new BundleError('not a backup of this app');
  const end = head.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new BundleError('the backup file is truncated');
  let parsed;
  try {
    parsed = Manifest.safeParse(JSON.parse(head.subarray(MAGIC.length, end).toString('utf8')));
  } catch {
    throw new BundleError('the backup file has an unreadable manifest');
  }
  if (!parsed.success) throw new BundleError('the backup file has an unreadable manifest');
  return { manifest: parsed.data, offset: end + 1 };
}

/** Only the manifest (for lists): reads the first bytes of the file, not the database. */
export function readManifest(file: string): Manifest {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return parseHeader(buf.subarray(0, n)).manifest;
  } finally {
    fs.closeSync(fd);
  }
}

/** The manifest and every part, each checked against its size and SHA-256. */
export function readBundle(file: string): { manifest: Manifest; parts: Parts } {
  const bytes = fs.readFileSync(file);
  const { manifest, offset } = parseHeader(bytes);
  let at = offset;
  const parts: Partial<Parts> = {};
  for (const p of manifest.parts) {
    const part = bytes.subarray(at, at + p.size);
    if (part.length !== p.size) throw new BundleError('the backup file is truncated');
    if (sha256(part) !== p.sha256) throw new BundleError(`the ${p.name} in the backup file is damaged`);
    parts[p.name] = part;
    at += p.size;
  }
  if (at !== bytes.length) throw new BundleError('the backup file has trailing bytes');
  for (const n of PART_NAMES) if (!parts[n]) throw new BundleError(`the backup file lacks its ${n}`);
  return { manifest, parts: parts as Parts };
}

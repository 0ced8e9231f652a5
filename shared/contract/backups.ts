import { z } from 'zod';
import { allow, method, publicAccess } from './define';

const Empty = z.object({}).strict();

/** What a backup contains, as its manifest says (a list) or as its database says (inspect, restore). */
export const BackupContents = z.object({
  createdAt: z.string(),
  city: z.string(),
  /** Date (YYYY-MM-DD) of the latest meeting that had ended, or null. */
  lastMeeting: z.string().nullable(),
  dossiers: z.number().int(),
  meetings: z.number().int(),
  auditRecords: z.number().int(),
});
export type BackupContents = z.infer<typeof BackupContents>;

export const BackupEntry = z.object({
  /** The file's name in the backup folder (restore names it by this, never by a path). */
  name: z.string(),
  size: z.number().int(),
  /** Null: not a readable backup (damaged, or another program's file). */
  contents: BackupContents.nullable(),
  /** Whether it is a backup of this environment. */
  ours: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupStatus = z.object({
  folder: z.string().nullable(),
  keep: z.number().int(),
  backups: z.array(BackupEntry),
  /** Why the last automatic backup failed (English, for the log line shown under the Dutch text), or null. */
  lastError: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

const BackupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+\.lvvbackup$/);

export const backupMethods = {
  'backups.status': method({ input: Empty, output: BackupStatus, access: allow('backups.make') }),
  /** The folder (absolute path; created owner-only when missing) and how many backups are kept. */
  'backups.configure': method({
    input: z
      .object({
        folder: z.string().trim().min(1).max(1000),
        keep: z.number().int().min(1).max(100),
      })
      .strict(),
    output: BackupStatus,
    access: allow('administer'),
  }),
  /** A backup now: written, read back and checked, then older ones beyond `keep` removed. Audited. */
  'backups.make': method({
    input: z
      .object({
        /**
         * A file of the caller's choosing instead of the chosen folder (the command line's --out):
         * absolute, never overwritten, not counted among the N kept.
         */
        out: z
          .string()
          .min(1)
          .max(1000)
          .refine((p) => /^(\/|[A-Za-z]:[\\/])/.test(p), 'absolute path')
          .optional(),
      })
      .strict(),
    output: BackupEntry,
    access: allow('backups.make'),
  }),
  /** Opens a backup with the current key and checks it; what it contains, from its own database. */
  'backups.inspect': method({
    input: z.object({ name: BackupName }).strict(),
    output: BackupContents,
    access: allow('administer'),
  }),
  /**
   * Puts a backup back: checked first, the current files renamed aside (never deleted), then the
   * environment closes for everyone and opens again at the next login. Audited in the restored database.
   */
  'backups.restore': method({
    input: z.object({ name: BackupName }).strict(),
    output: z.object({ contents: BackupContents, aside: z.array(z.string()) }),
    access: allow('administer'),
  }),
  /**
   * From the login screen, when the database is damaged or missing: puts the newest backup of the
   * folder named beside the key file back, proven with the recovery key (the backup must open with it).
   * Only while the environment is closed; throttled like a login; audited in the restored database.
   */
  'backups.restoreLatest': method({
    input: z.object({ recoveryKey: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({ contents: BackupContents, aside: z.array(z.string()) }),
    access: publicAccess,
  }),
} as const;

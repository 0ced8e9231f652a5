import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';

/**
 * A copy of the latest audit head outside the database (issue 8, item 5), in a small JSON file beside
 * the key file ("lvv-overleg.head.json" beside "lvv-overleg.keys.json"). The database cannot vouch for
 * itself: a copy put back from last week, or a main file whose WAL was lost in a hard stop, is a
 * perfectly valid chain that merely ends early. The head file remembers how far the chain had got when
 * the app last acknowledged a write, so `check` can say the database is behind.
 *
 * What it does not do: stop someone who holds the key and the folder from rewriting both. Against a
 * rewritten chain the anchor is the head frozen in signed minutes (environment/check.ts).
 * It holds no personal data: a database id, a record id, a hash and a time.
 */

const HeadFileSchema = z.object({
  format: z.literal('lvv-overleg-head/1'),
  databaseId: z.string(),
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
});
export type HeadFile = z.infer<typeof HeadFileSchema>;

/** "x.keys.json" → "x.head.json", beside it. */
export function headFileFor(keyFile: string): string {
  return keyFile.endsWith('.keys.json')
    ? `${keyFile.slice(0, -'.keys.json'.length)}.head.json`
    : `${keyFile}.head.json`;
}

/** The head file's content; null when there is none (an environment from before this file), 'malformed' when unreadable. */
export function readHeadFile(file: string): HeadFile | null | 'malformed' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'malformed';
  }
  try {
    const parsed = HeadFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'malformed';
  } catch {
    return 'malformed';
  }
}

/** Atomic (temp file, fsync, rename, fsync the folder) and owner-only (0600). */
export function writeHeadFile(file: string, head: Omit<HeadFile, 'format'>): void {
  writeFileAtomic(file, JSON.stringify({ format: 'lvv-overleg-head/1', ...head }), 0o600);
}

/**
 * Writes the head file for one environment, coalesced: an audited write only notes the new head, and
 * one write of the file follows within `delayMs` for however many heads were noted meanwhile. Locking
 * (and so closing) flushes at once, so a head the app acknowledged before it locked is always on disk.
 *
 * Why coalesce: the atomic write costs two fsyncs (the file and its folder), several milliseconds on an
 * ordinary disk, which would multiply the cost of a small write such as `positions.record`. What
 * coalescing gives up: after a hard stop (power cut, kill) the file may lag the database by the last
 * `delayMs` of writes; it can then miss a database that is behind by exactly those. It never makes a
 * good database look behind: the file only ever records heads already committed.
 */
export class HeadAnchor {
  private pending: Omit<HeadFile, 'format'> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly file: string,
    private readonly onError: (e: unknown) => void,
    private readonly delayMs = 200,
  ) {}

  private written = false;
  /** Set when the database turned out to be behind the file: the evidence is kept, not overwritten. */
  private behind = false;

  note(head: Omit<HeadFile, 'format'>): void {
    if (this.behind) return;
    if (!this.written) {
      // A database behind the file (its WAL lost, an older copy put back) must not "repair" the
      // file by writing its own, older chain over it: check has to be able to say so.
      const existing = readHeadFile(this.file);
      if (
        existing !== null &&
        existing !== 'malformed' &&
        existing.databaseId === head.databaseId &&
        existing.id >= head.id
      ) {
        this.behind = true;
        this.onError(
          new Error(`The database is behind its head file (record ${existing.id}); the head file is kept`),
        );
        return;
      }
    }
    this.pending = head;
    // The first head is written at once: the database marks itself as anchored in the same
    // transaction (head_anchored), and a check right after must find the file.
    if (!this.written) return this.flush();
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    // A pending write never keeps a process alive by itself; lock() flushes before a clean exit.
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const head = this.pending;
    this.pending = null;
    if (!head) return;
    try {
      writeHeadFile(this.file, head);
      this.written = true;
    } catch (e) {
      this.onError(e);
    }
  }
}

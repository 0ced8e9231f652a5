import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';

const State = z.object({
  accounts: z.record(z.string(), z.number().int().min(0)),
  sources: z.record(z.string(), z.array(z.number())),
  /** Per account: no attempt is checked before this instant, so parallel attempts queue. */
  notBefore: z.record(z.string(), z.number()).default({}),
});
type State = z.infer<typeof State>;

/** Failures from one source are counted over this window, whatever account they tried. */
const SOURCE_WINDOW_MS = 15 * 60_000;

/**
 * Growing delay after failed logins, per account and per source (an address, the CLI): 0 s after
 * the first failure, then 1, 2, 4, 8 … seconds, capped at 30. Each attempt is counted as a failure
 * *before* the password is checked and only taken back on success, and each waits for its own turn
 * after the previous attempt's, so parallel attempts queue up behind each other. A success clears only that account: logging in with one's own
 * account in between does not reset what a source did to others. The counts live in a small file
 * beside the key file (no personal data: login names and sources), so a restart does not reset them.
 */
export class LoginThrottle {
  private state: State;

  constructor(
    private readonly file: string | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.state = this.load();
  }

  /** Reserves an attempt and returns how long to wait before checking the password. */
  begin(username: string, source: string): number {
    const account = username.trim().toLowerCase();
    const at = this.now();
    const n = this.state.accounts[account] ?? 0;
    const recent = (this.state.sources[source] ?? []).filter((t) => at - t < SOURCE_WINDOW_MS);
    this.state.accounts[account] = n + 1;
    this.state.sources[source] = [...recent, at].slice(-200);
    // Each attempt waits its own delay after the previous attempt's turn, not beside it: eight
    // attempts at once at the 30 s cap take 30, 60, … 240 s, not 30 s together.
    const start = Math.max(at, this.state.notBefore[account] ?? 0);
    const turn = start + delayFor(Math.max(n, Math.floor(recent.length / 5)));
    this.state.notBefore[account] = turn;
    this.save();
    return turn - at;
  }

  /** The attempt succeeded: that account starts afresh; the source keeps its recent failures minus this one. */
  succeeded(username: string, source: string): void {
    delete this.state.accounts[username.trim().toLowerCase()];
    delete this.state.notBefore[username.trim().toLowerCase()];
    this.state.sources[source] = (this.state.sources[source] ?? []).slice(0, -1);
    this.save();
  }

  private load(): State {
    if (!this.file || !fs.existsSync(this.file)) return { accounts: {}, sources: {}, notBefore: {} };
    try {
      const parsed = State.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      // A damaged file holds no secret: start afresh; it is rewritten at the next attempt.
      return parsed.success ? parsed.data : { accounts: {}, sources: {}, notBefore: {} };
    } catch {
      return { accounts: {}, sources: {}, notBefore: {} };
    }
  }

  private save(): void {
    if (!this.file || !fs.existsSync(this.file.replace(/[^/\\]+$/, ''))) return;
    try {
      writeFileAtomic(this.file, JSON.stringify(this.state));
    } catch {
      // The throttle still works in memory; a full disk must not block logging in.
    }
  }
}

export function delayFor(n: number): number {
  return n <= 1 ? 0 : Math.min(1000 * 2 ** (n - 2), 30_000);
}

import type { Session } from '../../../shared/domain/roles';

interface Entry {
  session: Session;
  lastActivity: number;
}

/**
 * Who is logged in, per caller (an Electron desktop, a browser's cookie, the CLI): several people at
 * once on one open environment. Separate from the Vault, which only knows whether the environment
 * is open. See keepsOpen for how long the environment stays open.
 */
export class SessionRegistry {
  private entries = new Map<string, Entry>();
  /** The caller whose key holder opened the environment: the chair's or secretary's machine. */
  private openerId: string | null = null;
  /** The last moment a key holder was logged in (or active): bounds a turn taken without one. */
  private holderSeen = 0;

  /** Notes that a key holder is (still) here, at `now`. */
  sawHolder(now: number): void {
    if (this.hasKeyHolder()) this.holderSeen = Math.max(this.holderSeen, now);
  }

  /** Since when no key holder has been logged in (null while one is). */
  holderAbsentSince(): number | null {
    return this.hasKeyHolder() ? null : this.holderSeen;
  }

  /** Remembers who opened the environment (a key holder logging in on a locked environment). */
  opened(callerId: string, now: number): void {
    this.openerId = callerId;
    this.holderSeen = now;
  }

  opener(): string | null {
    return this.openerId;
  }

  /**
   * Whether the environment may stay open: while a key holder is logged in anywhere, or while the
   * machine that opened it still has someone logged in (another person may take a turn there with
   * "Gebruiker wisselen", as at a shared laptop). Otherwise it closes for everyone.
   */
  keepsOpen(): boolean {
    return this.hasKeyHolder() || (this.openerId !== null && this.entries.has(this.openerId));
  }

  get(callerId: string): Session | null {
    return this.entries.get(callerId)?.session ?? null;
  }

  start(callerId: string, session: Session, now: number): void {
    this.entries.set(callerId, { session, lastActivity: now });
  }

  /** Replaces the stored session facts (e.g. after the password was changed). */
  update(callerId: string, session: Session): void {
    const e = this.entries.get(callerId);
    if (e) e.session = session;
  }

  touch(callerId: string, now: number): void {
    const e = this.entries.get(callerId);
    if (e) e.lastActivity = now;
  }

  lastActivity(callerId: string): number | null {
    return this.entries.get(callerId)?.lastActivity ?? null;
  }

  end(callerId: string): Session | null {
    const e = this.entries.get(callerId);
    this.entries.delete(callerId);
    return e?.session ?? null;
  }

  /** Ends every session of one user (disabled, or password reset by the beheerder). */
  endUser(userId: number): void {
    for (const [id, e] of this.entries) if (e.session.userId === userId) this.entries.delete(id);
  }

  endAll(): void {
    this.entries.clear();
    this.openerId = null;
  }

  /** Callers whose last activity is older than the idle limit. */
  idle(now: number, limitMs: number): string[] {
    return [...this.entries].filter(([, e]) => now - e.lastActivity > limitMs).map(([id]) => id);
  }

  hasKeyHolder(): boolean {
    return [...this.entries.values()].some((e) => e.session.keyHolder);
  }

  all(): { callerId: string; session: Session; lastActivity: number }[] {
    return [...this.entries].map(([callerId, e]) => ({
      callerId,
      session: e.session,
      lastActivity: e.lastActivity,
    }));
  }
}

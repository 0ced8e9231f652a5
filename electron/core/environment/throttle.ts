/**
 * Growing delay after failed logins, per login name and overall: 0 s after the first failure, then
 * 1, 2, 4, 8 … seconds, capped at 30. A success for a name clears that name's count.
 */
export class LoginThrottle {
  private failures = new Map<string, number>();
  private total = 0;

  delayMs(username: string): number {
    const n = Math.max(this.failures.get(username.toLowerCase()) ?? 0, Math.floor(this.total / 5));
    return n <= 1 ? 0 : Math.min(1000 * 2 ** (n - 2), 30_000);
  }

  failed(username: string): void {
    const key = username.toLowerCase();
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    this.total++;
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
    this.total = 0;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../electron/core/environment/throttle';
import { tempDir } from '../../support/backend';

describe('login throttle', () => {
  it('lets the first mistake pass and then doubles the wait, up to 30 seconds; success clears the account', () => {
    let now = 0;
    const t = new LoginThrottle(null, () => now);
    const waits: number[] = [];
    // One attempt after the other: each waits its turn, then the next one starts.
    for (let i = 0; i < 9; i++) {
      waits.push(t.begin('anna', 'a'));
      now += waits.at(-1)!;
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    t.succeeded('anna', 'a');
    expect(t.begin('Anna', 'b')).toBe(0);
  });

  it('slows down one source guessing across many login names', () => {
    const t = new LoginThrottle(null);
    for (let i = 0; i < 20; i++) t.begin(`user${i}`, '10.0.0.7');
    expect(t.begin('someone-new', '10.0.0.7')).toBeGreaterThan(0);
    expect(t.begin('someone-else', '10.0.0.8')).toBe(0);
  });

  it('queues parallel attempts: each waits for its own turn after the one before', () => {
    const t = new LoginThrottle(null, () => 0);
    const waits = Array.from({ length: 6 }, () => t.begin('voorzitter', 'a'));
    expect(waits).toEqual([0, 0, 1000, 3000, 7000, 15000]);
    // At the cap, three at once take 30, 60 and 90 seconds: one guess per 30 s, not three.
    const capped = new LoginThrottle(null, () => 0);
    for (let i = 0; i < 8; i++) capped.begin('ggd', 'lan');
    const before = capped.begin('ggd', 'lan');
    expect([capped.begin('ggd', 'lan') - before, capped.begin('ggd', 'lan') - before]).toEqual([
      30000, 60000,
    ]);
  });

  it("is not reset by logging in with one's own account in between", () => {
    const t = new LoginThrottle(null);
    for (let i = 0; i < 10; i++) t.begin(`victim${i % 2}`, 'attacker');
    t.begin('attacker-own', 'attacker');
    t.succeeded('attacker-own', 'attacker');
    expect(t.begin('victim0', 'attacker')).toBeGreaterThanOrEqual(8000);
  });

  it('survives a restart, and forgets a source after a quarter of an hour', () => {
    const dir = tempDir('lvv-throttle-');
    const file = path.join(dir, 'lvv-overleg.logins.json');
    let now = 1_000_000;
    const first = new LoginThrottle(file, () => now);
    for (let i = 0; i < 4; i++) now += first.begin('anna', 'cli');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = new LoginThrottle(file, () => now);
    expect(second.begin('anna', 'cli')).toBe(4000); // the fifth attempt, after a restart
    now += 16 * 60_000;
    const third = new LoginThrottle(file, () => now);
    for (let i = 0; i < 3; i++) third.begin(`x${i}`, 'cli');
    expect(third.begin('x9', 'cli')).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../electron/core/environment/throttle';

describe('login throttle', () => {
  it('lets the first mistake pass and then doubles the wait, up to 30 seconds', () => {
    const t = new LoginThrottle();
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      waits.push(t.delayMs('anna'));
      t.failed('anna');
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    t.succeeded('anna');
    expect(t.delayMs('Anna')).toBe(0);
  });

  it('slows down guessing across many login names too', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 20; i++) t.failed(`user${i}`);
    expect(t.delayMs('someone-new')).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { isBackendMessage, isHostMessage, restartDecision } from '../../../electron/core/rpc-port';

describe('restart policy after the backend ended unexpectedly', () => {
  const policy = { maxRestarts: 3, windowMs: 60_000 };
  it('restarts up to the limit within the window, then gives up', () => {
    expect(restartDecision([1_000], 1_000, policy)).toBe('restart');
    expect(restartDecision([1_000, 2_000, 3_000], 3_000, policy)).toBe('restart');
    expect(restartDecision([1_000, 2_000, 3_000, 4_000], 4_000, policy)).toBe('give-up');
  });
  it('forgets crashes older than the window: one crash a day is restarted every time', () => {
    const days = [0, 1, 2, 3, 4, 5].map((d) => d * 86_400_000);
    expect(restartDecision(days, days.at(-1)!, policy)).toBe('restart');
  });
});

describe('messages between host and backend', () => {
  it('accepts only well-formed calls, with a caller of two strings', () => {
    const call = {
      type: 'call',
      id: 1,
      method: 'app.status',
      input: {},
      caller: { id: 'desktop', source: 'desktop' },
    };
    expect(isHostMessage(call)).toBe(true);
    expect(isHostMessage({ type: 'close' })).toBe(true);
    for (const bad of [
      null,
      'call',
      { ...call, id: '1' },
      { ...call, id: 1.5 },
      { ...call, method: 42 },
      { ...call, caller: null },
      { ...call, caller: { id: 'x' } },
      { ...call, type: 'eval' },
    ])
      expect(isHostMessage(bad)).toBe(false);
  });
  it('accepts only answers with an id and a result', () => {
    expect(isBackendMessage({ type: 'answer', id: 3, result: { ok: true, value: 1 } })).toBe(true);
    expect(isBackendMessage({ type: 'answer', id: 3 })).toBe(false);
    expect(isBackendMessage({ type: 'answer', id: 3, result: { value: 1 } })).toBe(false);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../shared/dispatcher';
import { silentLogger } from '../../../electron/core/ports';
import { createRpcHandler } from '../../../electron/main/ipc';
import type { SenderInfo } from '../../../electron/main/security';

const ours: SenderInfo = { webContentsId: 1, isMainFrame: true, frameUrl: 'app://lvv/index.html' };

function setup(dispatch: Dispatch = () => Promise.resolve({ ok: true, value: 'fine' })) {
  const spy = vi.fn(dispatch);
  const warn = vi.fn();
  const handler = createRpcHandler({
    dispatch: spy,
    trustedWebContentsIds: new Set([1]),
    logger: { ...silentLogger, warn },
  });
  return { handler, spy, warn };
}

describe('createRpcHandler', () => {
  it('passes calls from our window to the dispatcher', async () => {
    const { handler, spy } = setup();
    await expect(handler(ours, 'auth.status', { a: 1 })).resolves.toEqual({ ok: true, value: 'fine' });
    expect(spy).toHaveBeenCalledWith('auth.status', { a: 1 }, { id: 'desktop', source: 'desktop' });
  });

  it.each<[string, SenderInfo]>([
    ['another webContents', { ...ours, webContentsId: 2 }],
    ['a subframe', { ...ours, isMainFrame: false }],
    ['a foreign page in our window', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a look-alike origin', { ...ours, frameUrl: 'app://lvv.evil.com/index.html' }],
    ['a file URL', { ...ours, frameUrl: 'file:///other/index.html' }],
  ])('refuses %s before looking at the call', async (_name, sender) => {
    const { handler, spy, warn } = setup();
    await expect(handler(sender, 'auth.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(spy).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
  });

  it.each([undefined, 42, { toString: () => 'auth.status' }, ['auth.status']])(
    'rejects a non-string method %j',
    async (method) => {
      const { handler, spy } = setup();
      await expect(handler(ours, method, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it('turns a thrown dispatch into INTERNAL without its message', async () => {
    const { handler } = setup(() => Promise.reject(new Error('SQLITE_CORRUPT at /home/x/db')));
    const result = await handler(ours, 'auth.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
  });
});

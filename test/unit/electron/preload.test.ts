import path from 'node:path';
import vm from 'node:vm';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { RPC_CHANNEL } from '../../../electron/main/ipc';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Bundles the preload as one CommonJS file (as electron-vite does) and runs it in a bare VM context
 * whose `require` knows only a fake 'electron' — what a sandboxed preload gets, minus the real bridge.
 */
describe('preload bundle', () => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const required: string[] = [];

  beforeAll(async () => {
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(root, 'electron/preload/index.ts'), formats: ['cjs'] },
        rolldownOptions: { external: ['electron'] },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const output = Array.isArray(result) ? result[0]! : result;
    const chunk = output.output.find((o) => o.type === 'chunk')!;
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: 'from main' });
        },
      },
    };
    const requireFake = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    vm.runInNewContext(chunk.code, { require: requireFake, module: { exports: {} }, exports: {} });
  }, 60_000);

  it('requires nothing but electron (everything else is bundled)', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly one function, the transport', () => {
    expect([...exposed.keys()]).toEqual(['lvvTransport']);
    expect(typeof exposed.get('lvvTransport')).toBe('function');
  });

  it('forwards contract methods over the one channel', async () => {
    const transport = exposed.get('lvvTransport') as (m: string, i: unknown) => Promise<unknown>;
    await expect(transport('app.status', {})).resolves.toEqual({ ok: true, value: 'from main' });
    expect(invoked.at(-1)).toEqual([RPC_CHANNEL, 'app.status', {}]);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'lvv:rpc', 'app.status ', ''])(
    'answers BAD_INPUT for %j without any IPC',
    async (method) => {
      const transport = exposed.get('lvvTransport') as (m: string, i: unknown) => Promise<unknown>;
      const before = invoked.length;
      await expect(transport(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(invoked.length).toBe(before);
    },
  );
});

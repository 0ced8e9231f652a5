import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../core/backend';
import { consoleLogger } from '../core/ports';
import { startServeHost, type ServeHost } from './server';

/** Where an environment lives when nobody says otherwise: the user's data folder, never the repo. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LVV_DATA_DIR) return env.LVV_DATA_DIR;
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'lvv-overleg');
}

export interface RunningBrowserHost {
  host: ServeHost;
  stop: () => Promise<void>;
}

/** Builds the backend and the browser host around it, with the idle-lock timer. */
export async function runBrowserHost(opts: { dataDir: string; rendererDir: string; port?: number }): Promise<RunningBrowserHost> {
  const backend = createBackend({ dataDir: opts.dataDir, clock: () => new Date(), logger: consoleLogger });
  const host = await startServeHost({ dispatch: backend.dispatch, rendererDir: opts.rendererDir, logger: consoleLogger, port: opts.port });
  const timer = setInterval(() => backend.tick(), 30_000);
  timer.unref();
  return {
    host,
    stop: async () => {
      clearInterval(timer);
      await host.close();
      backend.close();
    },
  };
}

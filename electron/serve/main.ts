import os from 'node:os';
import path from 'node:path';
import { consoleLogger, type KdfParams } from '../core/ports';
import { acquireFolderLock } from '../core/storage/folder-lock';
import { startServeHost, type ServeHost } from './server';
import { startWorkerBackend } from './worker-backend';

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

/**
 * Takes the data folder's lock (AppError FOLDER_IN_USE when another program has it), starts the
 * backend in a worker thread (which runs its own idle timer) and the HTTP server in front of it.
 */
export async function runBrowserHost(opts: {
  dataDir: string;
  rendererDir: string;
  port?: number;
  /** Tests may lower the password hashing cost; the default is OWASP's. */
  kdf?: KdfParams;
}): Promise<RunningBrowserHost> {
  const lock = acquireFolderLock(opts.dataDir, 'browser host');
  // Also on an exit nobody planned (an uncaught error, process.exit elsewhere): never leave our lock behind.
  const releaseOnExit = () => lock.release();
  process.once('exit', releaseOnExit);
  try {
    const backend = startWorkerBackend({
      dataDir: opts.dataDir,
      kdf: opts.kdf,
      rendererDir: opts.rendererDir,
      logger: consoleLogger,
    });
    try {
      const host = await startServeHost({
        dispatch: backend.dispatch,
        rendererDir: opts.rendererDir,
        logger: consoleLogger,
        port: opts.port,
      });
      return {
        host,
        stop: async () => {
          await host.close();
          await backend.close();
          lock.release();
          process.off('exit', releaseOnExit);
        },
      };
    } catch (e) {
      await backend.close();
      throw e;
    }
  } catch (e) {
    lock.release();
    process.off('exit', releaseOnExit);
    throw e;
  }
}

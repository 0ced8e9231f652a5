/**
 * Entry of the Electron utility process that runs the backend (built to out/main/backend.js). It
 * holds the database and its key; the main process only forwards checked IPC calls to it.
 */
import { consoleLogger } from '../core/ports';
import { runBackendProcess, type ParentPortLike } from './backend-service';

runBackendProcess({
  // Electron sets process.parentPort in a utility process (Electron.ParentPort).
  port: (process as unknown as { parentPort?: ParentPortLike }).parentPort,
  argv: process.argv,
  logger: consoleLogger,
  exit: () => process.exit(0),
});

/**
 * Entry of the Electron utility process that runs the backend (built to out/main/backend.js). It
 * holds the database and its key; the main process only forwards checked IPC calls to it.
 */
import path from 'node:path';
import { consoleLogger } from '../core/ports';
import { roomPort } from '../room/server';
import { runBackendProcess, type ParentPortLike } from './backend-service';

runBackendProcess({
  // Electron sets process.parentPort in a utility process (Electron.ParentPort).
  port: (process as unknown as { parentPort?: ParentPortLike }).parentPort,
  argv: process.argv,
  logger: consoleLogger,
  exit: () => process.exit(0),
  // Built to out/main/backend.js: the renderer the meeting room serves is out/renderer beside it.
  room: roomPort({ rendererDir: path.join(import.meta.dirname, '..', 'renderer'), logger: consoleLogger }),
});

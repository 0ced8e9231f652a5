/**
 * A real browser host on the folder given as the first argument, for tests that need a second
 * process holding a data folder: prints "ready" once it serves, stops on SIGTERM.
 */
import path from 'node:path';
import { runBrowserHost } from '../../electron/serve/main';

const dataDir = process.argv[2]!;
const running = await runBrowserHost({
  dataDir,
  rendererDir: path.resolve(import.meta.dirname, '../../out/renderer'),
  kdf: { logN: 12, r: 8, p: 1 },
});
console.log(`ready ${running.host.port}`);
process.on('SIGTERM', () => void running.stop().then(() => process.exit(0)));

/**
 * electron-vite builds the three parts into out/:
 * - main    → out/main/index.js (ES module, as package.json says "type": "module"; Electron 45 loads it)
 *   and out/main/backend.js, the entry of the utility process that runs the backend (ESM entries
 *   are supported there since Electron 28)
 * - preload → out/preload/index.cjs: one self-contained CommonJS file, because a sandboxed preload
 *   cannot load ES modules or anything from node_modules
 * - renderer → out/renderer (index.html + assets + licenses.json), served by the app:// protocol and
 *   the browser host.
 */
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { licensePlugins } from './resources/scripts/licenses';

const root = import.meta.dirname;
// licenses.json for the About dialog: the licences of everything bundled (all three builds) or shipped.
const licenses = licensePlugins(root);

export default defineConfig({
  main: {
    plugins: [licenses.collect],
    build: {
      outDir: resolve(root, 'out/main'),
      // Production dependencies stay external (node_modules ships with the app); that includes the
      // native SQLite driver, which must never be bundled: it loads its .node binary at runtime.
      // i18n-iso-countries is bundled: shared/domain/countries.ts imports its JSON data, which Node's
      // own loader would refuse without an import attribute that the bundler drops.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'], exclude: ['i18n-iso-countries'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          backend: resolve(root, 'electron/main/backend-process.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [licenses.collect],
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandbox: bundle everything (zod, shared/), require nothing but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), licenses.emit],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});

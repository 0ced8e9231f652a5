import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The design's top level (architecture.md, "Top level"; README's Layout): the five folders, the named
 * files, dotfiles, the lockfile, and only the config files a tool insists on finding at the root.
 */
const FOLDERS = ['electron', 'renderer', 'shared', 'resources', 'test'];
/** Beyond the design's list, each with the reason it earns its place. */
const EXTRA_FOLDERS = {
  docs: 'the screenshots README.md shows; not packaged, not code (resources/ is what installers carry)',
};
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'electron-builder.yml', 'README.md'];
const TOOL_CONFIGS = {
  'electron.vite.config.ts': 'electron-vite looks for it at the root',
  'eslint.config.js': 'ESLint flat config is found at the root',
  'tsconfig.base.json': 'extended by every folder tsconfig; beside tsconfig.json',
};

describe('the repository layout', () => {
  it('has exactly the top level of the design', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.split('/')[0]!)
      .filter((f) => !f.startsWith('.'));
    const top = [...new Set(tracked)].filter((f) => fs.existsSync(path.join(root, f))).sort();
    expect(top).toEqual(
      [...FOLDERS, ...Object.keys(EXTRA_FOLDERS), ...FILES, ...Object.keys(TOOL_CONFIGS)].sort(),
    );
  });

  it('has the packaging resources the README lists', () => {
    for (const f of ['icon.svg', 'icon.png', 'icon.ico', 'icon.icns', 'license.txt', 'icons', 'scripts'])
      expect(fs.existsSync(path.join(root, 'resources', f)), f).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/main/find-electron';

const pkg = '/repo/node_modules/electron';

function fakeFs(files: Record<string, string>) {
  return {
    exists: (f: string) => Object.hasOwn(files, f),
    readFile: (f: string) => {
      if (!Object.hasOwn(files, f)) throw new Error(`ENOENT ${f}`);
      return files[f] as string;
    },
  };
}

describe('findElectronBinary', () => {
  it('finds the binary named in path.txt under dist/', () => {
    const fs = fakeFs({ [`${pkg}/path.txt`]: 'electron', [`${pkg}/dist/electron`]: '' });
    expect(findElectronBinary(pkg, fs.exists, fs.readFile)).toBe(`${pkg}/dist/electron`);
  });

  it('handles the macOS layout and a trailing newline', () => {
    const rel = 'Electron.app/Contents/MacOS/Electron';
    const fs = fakeFs({ [`${pkg}/path.txt`]: `${rel}\n`, [`${pkg}/dist/${rel}`]: '' });
    expect(findElectronBinary(pkg, fs.exists, fs.readFile)).toBe(`${pkg}/dist/${rel}`);
  });

  it('returns null when installed without the binary (no path.txt, no dist/)', () => {
    const fs = fakeFs({ [`${pkg}/package.json`]: '{}' });
    expect(findElectronBinary(pkg, fs.exists, fs.readFile)).toBeNull();
  });

  it('returns null when path.txt exists but dist/ does not', () => {
    const fs = fakeFs({ [`${pkg}/path.txt`]: 'electron' });
    expect(findElectronBinary(pkg, fs.exists, fs.readFile)).toBeNull();
  });

  it('returns null when path.txt is empty or unreadable', () => {
    expect(
      findElectronBinary(
        pkg,
        fakeFs({ [`${pkg}/path.txt`]: '  \n' }).exists,
        fakeFs({ [`${pkg}/path.txt`]: '' }).readFile,
      ),
    ).toBeNull();
    const exists = () => true;
    const unreadable = () => {
      throw new Error('EACCES');
    };
    expect(findElectronBinary(pkg, exists, unreadable)).toBeNull();
  });

  it.each(['/usr/bin/evil', '../../../bin/sh', 'a/../../x', 'C:\\evil.exe', '..\\..\\evil.exe'])(
    'refuses a path.txt pointing outside dist/: %s',
    (content) => {
      expect(
        findElectronBinary(
          pkg,
          () => true,
          () => content,
        ),
      ).toBeNull();
    },
  );
});

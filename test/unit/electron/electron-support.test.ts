import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * End of upstream support per Electron major: the one place this date lives. The electron npm package
 * ships no release table, so it is written here. Electron supports the latest three stable majors; a
 * major ends when the third one after it ships (docs/tutorial/electron-timelines.md in electron/electron).
 * 45.0.0 shipped 2026-10-21 (npm registry); 48 is due on the 8-week cadence with the year-end gap,
 * as 39 (2025-10-28) ended on 2026-05-05 when 42 shipped. Replace the estimate with the official date
 * once the timeline lists it, and add the next major's line when moving to it.
 */
const END_OF_SUPPORT: Record<number, { date: string; source: string }> = {
  45: { date: '2027-05-04', source: 'estimate: 48.0.0 stable on the 8-week cadence (see above)' },
};

const pinned = (): string => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies.electron!;
};

describe('the Electron we ship', () => {
  it('is pinned exactly and installed at that version', () => {
    expect(pinned()).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(pinned());
  });

  it('is a major that Electron still supports: move to a newer major before this fails', () => {
    const major = Number(pinned().split('.')[0]);
    const eol = END_OF_SUPPORT[major];
    expect(eol, `no end-of-support date recorded for Electron ${major}`).toBeDefined();
    const today = new Date().toISOString().slice(0, 10);
    expect(
      today < eol!.date,
      `Electron ${major} reached its end of support on ${eol!.date} (${eol!.source}); security fixes no longer come`,
    ).toBe(true);
  });
});

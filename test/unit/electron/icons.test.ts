import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateIcons, ICON_SVG, PNG_SIZES, renderPng, RESOURCES } from '../../../resources/scripts/icons';
import { icnsChunks, icoEntries, pngSize } from '../../support/icon-formats';

const read = (rel: string) => fs.readFileSync(path.join(RESOURCES, rel));

describe('the icon set in resources/', () => {
  it('has every Linux size as a square RGBA PNG named after its size', async () => {
    for (const size of PNG_SIZES) {
      const bytes = read(`icons/${size}x${size}.png`);
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
      const meta = await sharp(bytes).metadata();
      expect(meta.channels).toBe(4); // transparent rounded corners
    }
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows ICO with 16 to 256 px, small sizes as bitmaps for older shells', () => {
    const entries = icoEntries(read('icon.ico'));
    const sizes = entries.map((e) => e.size);
    for (const s of [16, 24, 32, 48, 64, 128, 256]) expect(sizes).toContain(s);
    expect(entries.find((e) => e.size === 16)!.format).toBe('bmp');
    expect(entries.find((e) => e.size === 256)!.format).toBe('png');
  });

  it('has a macOS ICNS with the retina sizes up to 1024 px as PNG', () => {
    const chunks = icnsChunks(read('icon.icns'));
    // ic07..ic10 are 128, 256, 512, 1024 px PNGs; ic11..ic14 the @2x variants of 16..512 pt.
    const expected: Record<string, number> = {
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    for (const [type, size] of Object.entries(expected)) {
      expect(chunks.has(type), type).toBe(true);
      expect(pngSize(chunks.get(type)!), type).toEqual({ width: size, height: size });
    }
  });

  it('still matches the drawing: icon.svg changed without `npm run icons` fails here', async () => {
    const svg = fs.readFileSync(ICON_SVG);
    for (const size of [16, 256]) {
      const fresh = await sharp(await renderPng(svg, size))
        .raw()
        .toBuffer();
      const committed = await sharp(read(`icons/${size}x${size}.png`))
        .raw()
        .toBuffer();
      expect(committed.length).toBe(fresh.length);
      let worst = 0;
      for (let i = 0; i < fresh.length; i++) worst = Math.max(worst, Math.abs(fresh[i]! - committed[i]!));
      // Another platform's libvips may round an edge pixel differently; a changed drawing moves far more.
      expect(worst, `${size} px differs from icon.svg by ${worst}`).toBeLessThanOrEqual(8);
    }
    const files = await generateIcons(svg);
    expect([...files.keys()].sort()).toEqual(
      ['icon.icns', 'icon.ico', 'icon.png', ...PNG_SIZES.map((s) => `icons/${s}x${s}.png`)].sort(),
    );
  });

  it('is readable at 16 px: the table stands out from the background in the middle', async () => {
    const { data, info } = await sharp(read('icons/16x16.png')).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => data[(y * info.width + x) * info.channels]!; // red channel
    expect(px(8, 8)).toBeGreaterThan(200); // white table
    expect(px(8, 4)).toBeLessThan(120); // blue gap between table and the top seat
  });
});

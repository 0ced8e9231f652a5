/** Readers for the icon formats, straight from their headers, so tests check the bytes the installers get. */
import { expect } from 'vitest';

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk header). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The ICO directory: one 16-byte entry per image after the 6-byte header (0 in a size byte means 256). */
export function icoEntries(bytes: Buffer): { size: number; format: 'png' | 'bmp' }[] {
  expect(bytes.readUInt16LE(0)).toBe(0); // reserved
  expect(bytes.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = bytes.readUInt16LE(4);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    const w = bytes[at]! || 256;
    const h = bytes[at + 1]! || 256;
    expect(h).toBe(w);
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    expect(offset + length).toBeLessThanOrEqual(bytes.length);
    const image = bytes.subarray(offset, offset + length);
    const png = image.subarray(0, 4).toString('hex') === '89504e47';
    if (png) expect(pngSize(image)).toEqual({ width: w, height: h });
    else expect(image.readInt32LE(4)).toBe(w); // BITMAPINFOHEADER width
    entries.push({ size: w, format: png ? ('png' as const) : ('bmp' as const) });
  }
  return entries;
}

/** The ICNS table of contents: 'icns' + total length, then (type, length incl. 8-byte header) chunks. */
export function icnsChunks(bytes: Buffer): Map<string, Buffer> {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < bytes.length;) {
    const type = bytes.subarray(at, at + 4).toString('latin1');
    const length = bytes.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    chunks.set(type, bytes.subarray(at + 8, at + length));
    at += length;
  }
  return chunks;
}

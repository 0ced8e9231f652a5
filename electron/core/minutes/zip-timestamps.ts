/**
 * Sets every entry's modification time in a ZIP archive (a DOCX) to one fixed moment, in place.
 *
 * Why: the docx package stamps each entry with the packing time, so two exports of the same minutes
 * would differ in a few bytes although every part is identical. With the time taken from the model the
 * same minutes give the same bytes, hence the same hash, and a re-export can be compared with a signed
 * copy. The timestamps sit outside the CRC, so only these fields change. Handles the plain archives
 * the docx package writes (no ZIP64, no archive comment beyond 64 KiB); anything else is refused.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosTimeAndDate(at: Date): [number, number] {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return [time, date];
}

export function normaliseZipTimestamps(zip: Uint8Array, at: Date): void {
  if (at.getUTCFullYear() < 1980 || at.getUTCFullYear() > 2107)
    throw new RangeError('ZIP dates run from 1980 to 2107');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < 0) throw new Error('Not a ZIP archive: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  const [time, date] = dosTimeAndDate(at);
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error('Malformed ZIP central directory');
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('Malformed ZIP local header');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}

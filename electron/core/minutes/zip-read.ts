import zlib from 'node:zlib';

/**
 * Reads one entry of a ZIP archive (a DOCX) by name: enough for the environment check to read back
 * the text of an adopted document, without a zip library in the app. Handles what the docx package
 * writes (stored or deflated entries, no ZIP64); returns null when the entry is not there or the
 * archive is not one this reader understands.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function zipEntry(zip: Uint8Array, name: string): Uint8Array | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const wanted = Buffer.from(name, 'utf8');
  try {
    for (let i = 0; i < entries; i++) {
      if (view.getUint32(p, true) !== CENTRAL) return null;
      const method = view.getUint16(p + 10, true);
      const compressed = view.getUint32(p + 20, true);
      const nameLength = view.getUint16(p + 28, true);
      const local = view.getUint32(p + 42, true);
      const entryName = zip.subarray(p + 46, p + 46 + nameLength);
      if (Buffer.from(entryName).equals(wanted)) {
        if (view.getUint32(local, true) !== LOCAL) return null;
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = zip.subarray(start, start + compressed);
        if (method === 0) return data;
        if (method === 8) return new Uint8Array(zlib.inflateRawSync(data));
        return null;
      }
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
  } catch {
    return null; // truncated or corrupt: the caller reports what it could not find
  }
  return null;
}

/** The names of a ZIP archive's entries (from its central directory); [] when it cannot be read. */
export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  if (eocd < 0) return [];
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  try {
    for (let i = 0; i < entries; i++) {
      if (view.getUint32(p, true) !== CENTRAL) return [];
      const nameLength = view.getUint16(p + 28, true);
      names.push(Buffer.from(zip.subarray(p + 46, p + 46 + nameLength)).toString('utf8'));
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
  } catch {
    return [];
  }
  return names;
}

import type { ExportedFile } from '../../../../shared/contract/minutes';

/** Files cross the API as base64: a chosen file is read here, an exported one is saved via a Blob link. */

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode(...bytes) overflows the stack on files of a few hundred KiB.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface Download {
  name: string;
  url: string;
}

export function toDownloads(files: readonly ExportedFile[]): Download[] {
  return files.map((f) => {
    const binary = atob(f.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { name: f.name, url: URL.createObjectURL(new Blob([bytes], { type: f.mediaType })) };
  });
}

export function releaseDownloads(downloads: readonly Download[]): void {
  for (const d of downloads) URL.revokeObjectURL(d.url);
}

/** A SHA-256 fingerprint as publishers print it: AB:CD:… */
export function groupHex(hex: string): string {
  return (hex.match(/.{1,2}/g) ?? []).join(':').toUpperCase();
}

/** PEM armour for DER bytes (RFC 7468): base64 in 64-character lines between BEGIN/END labels. */
export function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER bytes of every block with this label, in order (a CA file may hold a chain). */
export function allFromPem(pem: string, label: string): Uint8Array[] {
  const blocks = pem.matchAll(
    new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g'),
  );
  return [...blocks].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** The DER bytes of the first block with this label; throws when there is none. */
export function fromPem(pem: string, label: string): Uint8Array {
  const first = allFromPem(pem, label)[0];
  if (!first) throw new Error(`No PEM block labelled ${label}`);
  return first;
}

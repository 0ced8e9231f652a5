import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FingerprintGroups, QrCode, qrPath } from '../../renderer/src/components/QrCode';

/*
 * What the chair's panel and the projector show so participants can join (issue 9): the address as a
 * QR code with the address as its text alternative, and the certificate's fingerprint in groups of
 * four, four groups a row, so two people can compare it row by row.
 */

afterEach(cleanup);

const url = 'https://192.168.1.20:41234/';

/** Whether the 7×7 finder pattern (dark ring, light ring, dark 3×3 core) sits at module (x, y). */
function finderAt(dark: Set<string>, x: number, y: number): boolean {
  for (let dy = 0; dy < 7; dy++)
    for (let dx = 0; dx < 7; dx++) {
      const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
      if (dark.has(`${x + dx},${y + dy}`) !== (ring !== 2)) return false;
    }
  return true;
}

describe('the QR code of the listener’s address', () => {
  it('is a real QR symbol: finder patterns in three corners, a light quiet zone of four modules', () => {
    const { size, path } = qrPath(url);
    const dark = new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));
    const modules = size - 8;
    // Version 2 (25 modules) or more for an address of this length, at error correction level M.
    expect(modules).toBeGreaterThanOrEqual(25);
    expect((modules - 17) % 4).toBe(0);
    expect(finderAt(dark, 4, 4)).toBe(true);
    expect(finderAt(dark, 4 + modules - 7, 4)).toBe(true);
    expect(finderAt(dark, 4, 4 + modules - 7)).toBe(true);
    expect(finderAt(dark, 4 + modules - 7, 4 + modules - 7)).toBe(false);
    for (const cell of dark) {
      const [x, y] = cell.split(',').map(Number) as [number, number];
      expect(x >= 4 && y >= 4 && x < size - 4 && y < size - 4).toBe(true);
    }
    // Another address gives another code.
    expect(qrPath('https://192.168.1.21:41234/').path).not.toBe(path);
  });

  it('is one image whose text alternative names the address', () => {
    render(<QrCode text={url} label={`QR-code met het adres ${url}`} />);
    const img = screen.getByRole('img', { name: `QR-code met het adres ${url}` });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img.querySelectorAll('path')).toHaveLength(1);
  });
});

describe('the certificate fingerprint', () => {
  it('shows sixteen groups of four as four rows, each group apart', () => {
    const hex = 'AB12CD34EF5601789A0BC1DE2F3456789ABCDEF0123456789ABCDEF012345678';
    const spaced = hex.match(/.{4}/g)!.join(' ');
    render(<FingerprintGroups fingerprint={spaced} label="Vingerafdruk van het certificaat (SHA-256)" />);
    const group = screen.getByRole('group', { name: 'Vingerafdruk van het certificaat (SHA-256)' });
    const rows = group.querySelectorAll('.fp-row');
    expect(rows).toHaveLength(4);
    expect([...rows].map((r) => r.querySelectorAll('code').length)).toEqual([4, 4, 4, 4]);
    expect(within(group).getByText('AB12')).toBeTruthy();
    expect(group.textContent).toBe(hex);
    // A colon-separated form (as openssl prints it) reads the same.
    cleanup();
    render(<FingerprintGroups fingerprint={hex.match(/.{4}/g)!.join(':')} label="fp" />);
    expect(screen.getByRole('group', { name: 'fp' }).querySelectorAll('code')).toHaveLength(16);
  });
});

import { useMemo } from 'react';
import { create } from 'qrcode';

/** Modules of empty border the QR standard asks for around the code, so phones find its edges. */
const QUIET_ZONE = 4;

/**
 * The modules of a QR code as one SVG path ("M x y h1v1h-1z" per dark module): pure, so it is tested
 * without a DOM, and drawn as SVG elements rather than a data URL or injected markup.
 */
export function qrPath(text: string): { size: number; path: string } {
  // Level M survives a smudged or partly covered beamer image and keeps an address readable at a distance.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++)
    for (let x = 0; x < modules.size; x++)
      if (modules.get(y, x)) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}

/**
 * A QR code for `text`, dark on light whatever the theme (scanners need the contrast), with `label`
 * as its text alternative: the page shows the same address as text beside it.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className={['qr-code', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/**
 * A fingerprint ("AB12 CD34 …") as rows of four groups, so two people can compare it by eye row by
 * row; each group is its own element so screen readers read it group by group.
 */
export function FingerprintGroups({ fingerprint, label }: { fingerprint: string; label: string }) {
  const groups = fingerprint.split(/[\s:]+/).filter(Boolean);
  const rows: string[][] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4));
  return (
    <div className="fp-groups" role="group" aria-label={label}>
      {rows.map((row, i) => (
        <div key={i} className="fp-row">
          {row.map((g, j) => (
            <code key={j}>{g}</code>
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * Generates every icon the installers and the window need from the one drawing, resources/icon.svg:
 * - resources/icons/<n>x<n>.png  the Linux set (electron-builder names the hicolor sizes after the files)
 * - resources/icon.ico           Windows (installer, executable, taskbar)
 * - resources/icon.icns          macOS (app bundle, dmg)
 * - resources/icon.png           1024 px, electron-builder's fallback and the source of the ICO/ICNS
 *
 * The generated files are committed: `npm run dist` then needs neither sharp's native binary for the
 * packaging machine's platform nor this script, and test/unit/electron/icons.test.ts fails when the
 * committed set no longer matches the drawing (run `npm run icons` after editing icon.svg).
 *
 * sharp (libvips + librsvg, prebuilt binaries inside its npm packages; nothing is downloaded or
 * compiled, so it works with ignore-scripts and offline) renders each PNG size from the SVG itself,
 * so small sizes are drawn, not shrunk from a large bitmap. png2icons packs ICO and ICNS.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import png2icons from 'png2icons';
import sharp from 'sharp';

export const RESOURCES = path.resolve(import.meta.dirname, '..');
export const ICON_SVG = path.join(RESOURCES, 'icon.svg');
/** The Linux set: the freedesktop hicolor sizes, up to 1024 for HiDPI launchers. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** The size the running app gives its window (Linux taskbar and Alt+Tab; Windows uses the exe's ICO). */
export const WINDOW_ICON = 'icons/256x256.png';

/** Renders the SVG at `size` px square: density scales the 64-unit drawing to the target. */
export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  const density = (72 * size) / 64;
  return sharp(svg, { density })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}

/** Every generated file, by its path relative to resources/. */
export async function generateIcons(svg: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, await renderPng(svg, size));
  const large = files.get('icons/1024x1024.png')!;
  files.set('icon.png', large);
  // Bicubic from 1024 px; lossless (0 = all colours). forWinExe: PNG chunks from 64 px up, bitmaps
  // below, which every Windows shell (and rcedit, used by electron-builder) displays.
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack the icon');
  files.set('icon.ico', ico);
  files.set('icon.icns', icns);
  return files;
}

async function main(): Promise<void> {
  const files = await generateIcons(await fs.readFile(ICON_SVG));
  await fs.mkdir(path.join(RESOURCES, 'icons'), { recursive: true });
  for (const [rel, bytes] of files) {
    await fs.writeFile(path.join(RESOURCES, rel), bytes);
    console.log(`${rel}  ${bytes.length} bytes`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

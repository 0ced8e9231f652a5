import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMinutesDocx } from '../../../electron/core/minutes/build-docx';
import { dossierLabel, type MinutesModel } from '../../../electron/core/minutes/model';
import { demoMinutes, largeMinutes } from '../../unit/minutes/fixtures';

/**
 * Real office software must open the minutes: LibreOffice (headless) converts them to PDF, and the
 * PDF has the pages, headings and names we expect. These tools are required, never skipped: CI
 * installs them from Debian (libreoffice-writer, poppler-utils).
 */
function requireTool(tool: string, debianPackage: string): void {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `"${tool}" is not installed; install Debian's ${debianPackage} to run the minutes conversion tests`,
    );
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-lo-'));
// A private LibreOffice profile, so parallel runs don't fight over the user's one.
const profile = path.join(os.tmpdir(), `lo-profile-${crypto.randomBytes(6).toString('hex')}`);

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const meetings: Record<string, MinutesModel> = {
  demo: demoMinutes(),
  large: largeMinutes(40),
  concept: { ...demoMinutes(), state: 'concept' },
};

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-writer');
  requireTool('pdfinfo', 'poppler-utils');
  requireTool('pdftotext', 'poppler-utils');
  const files = [];
  for (const [name, model] of Object.entries(meetings)) {
    const file = path.join(dir, `${name}.docx`);
    await writeMinutesDocx(model, file);
    files.push(file);
  }
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
}, 200_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

describe.each(Object.keys(meetings))('LibreOffice converts the %s minutes', (name) => {
  const model = meetings[name]!;
  const pdf = path.join(dir, `${name}.pdf`);

  it('to a PDF with a plausible page count, numbered "pagina X van Y"', () => {
    const pages = pdfPages(pdf);
    const dossiers = model.items.filter((i) => i.kind === 'dossier').length;
    // Six positions, six consents and two actions make a dossier about a page; allow generous slack.
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(dossiers / 2));
    expect(pages).toBeLessThanOrEqual(dossiers * 3 + 5);
    const text = pdfText(pdf);
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text.match(/Vertrouwelijk/g)?.length ?? 0).toBeGreaterThanOrEqual(pages);
  });

  it('with every heading and organisation name present', () => {
    const text = pdfText(pdf);
    const headings = [
      'Verslag dossieroverleg LVV Demostad',
      'Aanwezigheid',
      'Agendapunten',
      'Besluitenlijst',
      'Actielijst',
      'Openstaande actiepunten uit eerdere overleggen',
      'Vaststelling en ondertekening',
    ];
    for (const h of headings) expect(text).toContain(h);
    for (const item of model.items) {
      expect(text).toContain(
        item.kind === 'dossier'
          ? `${item.number}. Dossier ${dossierLabel(item.dossier)}`
          : `${item.number}. ${item.title}`,
      );
    }
    for (const a of model.attendance) expect(text).toContain(a.organisation);
  });
});

describe('the watermark', () => {
  it('shows CONCEPT on every page of a concept, and not on the adopted minutes', () => {
    const pages = pdfPages(path.join(dir, 'concept.pdf'));
    const text = pdfText(path.join(dir, 'concept.pdf'));
    expect(text.match(/CONCEPT/g)?.length ?? 0).toBeGreaterThanOrEqual(pages);
    expect(pdfText(path.join(dir, 'demo.pdf'))).not.toContain('CONCEPT');
  });
});

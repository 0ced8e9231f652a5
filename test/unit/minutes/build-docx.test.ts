import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { demoDossiers } from '../../../electron/core/demo/demo-dossiers';
import { packMinutesDocx, writeMinutesDocx } from '../../../electron/core/minutes/build-docx';
import { demoMinutes } from './fixtures';
import { docxPart, docxText } from './read-docx';

const model = demoMinutes();
const docx = await packMinutesDocx(model);
const text = docxText(docx);

/** The text from one heading up to the next top-level heading (or the end). */
function section(title: string, nextTitle?: string): string {
  const start = text.indexOf(`${title}\n`);
  expect(start, `heading "${title}"`).toBeGreaterThanOrEqual(0);
  const end = nextTitle ? text.indexOf(`${nextTitle}\n`, start) : text.length;
  return text.slice(start, end);
}

describe('minutes DOCX content', () => {
  it('has the title block', () => {
    expect(text).toContain('Verslag dossieroverleg LVV Demostad');
    for (const s of [
      '14 april 2026',
      '09:30 – 11:30 uur',
      'Stadskantoor, zaal 3.12',
      'Vera Voorzitter (Gemeente Demostad)',
      'Sam Secretaris (Gemeente Demostad)',
      '2 – Vastgesteld',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('lists attendance per organisation', () => {
    const attendance = section('Aanwezigheid', 'Agendapunten');
    for (const a of model.attendance) expect(attendance).toContain(a.organisation);
    expect(attendance).toContain('Afwezig met bericht');
    expect(attendance).toContain('Schriftelijke inbreng');
    expect(attendance).toContain('Ilse Ingen');
  });

  it('gives every dossier its positions, decision with consents and reasons, and actions', () => {
    for (const item of model.items) {
      if (item.kind !== 'dossier') continue;
      expect(text).toContain(`${item.number}. Dossier ${item.dossier.number} (${item.dossier.initials})`);
      for (const p of item.positions) expect(text).toContain(p.reasoning);
      expect(text).toContain(`Besluit ${item.decision!.number}`);
      for (const c of item.decision!.consents) if (c.reason) expect(text).toContain(c.reason);
      for (const a of item.actions) expect(text).toContain(a.what);
    }
    for (const label of [
      'Akkoord met voorbehoud',
      'Onthouding',
      'Bezwaar',
      'Aangehouden',
      'Geëscaleerd',
      'Gedragen',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Informatie niet gedeeld: Lopend strafrechtelijk onderzoek');
    expect(text).toContain('Schriftelijke inbreng, opgetekend door de secretaris.');
    expect(text).toContain('Voorwaarden: Eerst bescherming vaststellen');
    expect(text).toContain('Doorgeschoven van een eerder overleg.');
  });

  it('has the besluitenlijst, actielijst, earlier open actions and signature page', () => {
    const decisions = section('Besluitenlijst', 'Actielijst');
    const actions = section('Actielijst', 'Openstaande actiepunten uit eerdere overleggen');
    for (const item of model.items) {
      if (item.kind !== 'dossier') continue;
      expect(decisions).toContain(item.decision!.number);
      expect(decisions).toContain(item.decision!.text);
      expect(actions).toContain(`${item.dossier.number} (${item.dossier.initials})`);
    }
    const earlier = section(
      'Openstaande actiepunten uit eerdere overleggen',
      'Vaststelling en ondertekening',
    );
    expect(earlier).toContain('Reisdocument aanvragen na afronding beschermingsvraag');
    expect(earlier).toContain('Uitgesteld: Wacht op uitkomst herhaalde aanvraag.');
    const signatures = section('Vaststelling en ondertekening');
    expect(signatures).toContain(model.signaturePage!.contentSha256);
    expect(signatures).toContain(model.signaturePage!.auditHeadAtAdoption);
    expect(signatures).toContain('Voorzitter');
    expect(signatures).toContain('Sam Secretaris');
  });

  it('holds no V-nummer, full name or special-category detail from the demo data', () => {
    const parts = unzipSync(docx);
    const everything = Object.values(parts)
      .map((p) => strFromU8(p))
      .join('\n');
    expect(everything).not.toMatch(/(?<!\d)\d{10}(?!\d)/);
    for (const d of demoDossiers) {
      expect(everything).not.toContain(d.vNumber);
      expect(everything).not.toContain(d.name);
      if (d.special.healthDetail) expect(everything).not.toContain(d.special.healthDetail);
      if (d.special.justice) expect(everything).not.toContain(d.special.justice);
      if (d.stuckReason) expect(everything).not.toContain(d.stuckReason);
    }
  });

  it('marks every page of a concept (and of the correction round) with a watermark CONCEPT, not the adopted version', async () => {
    for (const state of ['concept', 'correctieronde'] as const) {
      const concept = await packMinutesDocx({ ...model, state });
      expect(docxText(concept, 'word/header1.xml')).toContain('CONCEPT');
      // A shape floating behind the text: a watermark, not a line of the header.
      expect(docxPart(concept, 'word/header1.xml')).toMatch(/<wp:anchor[^>]*behindDoc="1"/);
    }
    expect(docxText(docx, 'word/header1.xml')).not.toContain('CONCEPT');
  });

  it('marks every page Vertrouwelijk and numbers it with PAGE / NUMPAGES fields', () => {
    expect(docxText(docx, 'word/header1.xml')).toContain('Vertrouwelijk');
    const footer = docxPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(docxText(docx, 'word/footer1.xml')).toContain('pagina');
  });

  it('sets title, subject, keywords, meeting date and version as document properties', () => {
    const core = docxPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Verslag dossieroverleg LVV Demostad 14 april 2026</dc:title>');
    expect(core).toContain('<dc:subject>Dossieroverleg Demostad, 2026-04-14, versie 2</dc:subject>');
    expect(core).toMatch(/<cp:keywords>[^<]*2026-04-14[^<]*versie 2[^<]*Vertrouwelijk<\/cp:keywords>/);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-04-21T10:15:00Z</dcterms:created>',
    );
    const custom = docxPart(docx, 'docProps/custom.xml');
    expect(custom).toContain('Vergaderdatum');
    expect(custom).toContain('2026-04-14');
  });
});

describe('minutes DOCX bytes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-minutes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are the same for the same model, whenever they are made', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // ZIP times have a two-second resolution
    expect(Buffer.from(await packMinutesDocx(demoMinutes())).equals(Buffer.from(docx))).toBe(true);
    const later = await packMinutesDocx({ ...demoMinutes(), generatedAt: '2026-04-22T08:00:00.000Z' });
    expect(Buffer.from(later).equals(Buffer.from(docx))).toBe(false);
  });

  it('are written atomically, exactly as returned', async () => {
    const file = path.join(dir, 'verslag-demostad-2026-04-14.docx');
    const bytes = await writeMinutesDocx(model, file);
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['verslag-demostad-2026-04-14.docx']);
  });
});

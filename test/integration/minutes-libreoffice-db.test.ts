import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../../shared/domain/consent';
import { docxText } from '../unit/minutes/read-docx';
import { makeEnv, type TestEnv } from '../support/backend';

/**
 * Real office software opens the minutes the real backend writes from the database: the demo's signed
 * meeting, and a 40-dossier meeting planned, worked through and ended through the API (positions for
 * every organisation at the table, a decision with consents and an action per dossier). Each DOCX comes
 * from `minutes.export`; LibreOffice (headless) converts it to PDF and poppler reads the PDF back.
 * LibreOffice and poppler are required, never skipped: CI installs them from Debian.
 */

const DOSSIERS = 40;
const TODAY = '2026-11-23';

function requireTool(tool: string, debianPackage: string): void {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `"${tool}" is not installed; install Debian's ${debianPackage} to run the minutes conversion tests`,
    );
  }
}

const pdfPages = (pdf: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);

const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface Converted {
  pdf: string;
  docx: string;
  /** "3. Dossier D-2026-0003 (C.X.)" for every dossier item, from the agenda export (a separate path). */
  itemHeadings: string[];
  organisations: string[];
  dossierItems: number;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-lo-db-'));
// A private LibreOffice profile, so parallel runs don't fight over the user's one.
const profile = path.join(os.tmpdir(), `lo-${crypto.randomBytes(6).toString('hex')}`);
let env: TestEnv;
const converted: Record<'demo' | 'large', Converted> = {} as Record<'demo' | 'large', Converted>;

const login = (username: string) => env.login(username).then(() => undefined);

/** Writes the full minutes of a meeting, as `minutes.export` gives them, and what the PDF must hold. */
async function exportMinutes(
  name: string,
  meetingId: number,
): Promise<Omit<Converted, 'pdf'> & { docx: string }> {
  const { files } = await env.api['minutes.exportFull']({ meetingId });
  const docxFile = files.find((f) => f.name.endsWith('.docx'));
  if (!docxFile) throw new Error(`minutes.export gave no DOCX for meeting ${meetingId}`);
  const docx = path.join(tmp, `${name}.docx`);
  fs.writeFileSync(docx, Buffer.from(docxFile.base64, 'base64'));
  const agenda = await env.api['meetings.agenda.export']({ meetingId });
  const meeting = await env.api['meetings.get']({ meetingId });
  const dossierItems = agenda.items.filter((i) => i.kind === 'dossier');
  return {
    docx,
    itemHeadings: dossierItems.map((i) => `${i.number}. Dossier ${i.label}`),
    organisations: meeting.attendance.map((a) => a.organisationName),
    dossierItems: dossierItems.length,
  };
}

/** A meeting of 40 dossiers, from planning to its end, through the same methods the screens call. */
async function runLargeMeeting(): Promise<number> {
  await login('casemanager');
  const open = (await env.api['dossiers.list']({})).rows.filter(
    (d) => !['uitgestroomd', 'gesloten'].includes(d.status),
  );
  const firstNames = ['Amina', 'Bilal', 'Chen', 'Dawit', 'Elif', 'Farah', 'Goran', 'Hodan'];
  const surnames = ['Abebe', 'Bakari', 'Costa', 'Diallo', 'Osei', 'Haddad'];
  for (let i = 0; open.length < DOSSIERS; i++) {
    const { dossier } = await env.api['dossiers.create']({
      name: `${firstNames[i % firstNames.length]} ${surnames[Math.floor(i / firstNames.length) % surnames.length]}`,
      vNumber: null,
      referredAt: '2026-09-01',
      intakeDate: '2026-09-15',
      countryOfOrigin: 'Eritrea',
      nationality: 'Eritrese',
    });
    open.push({ ...open[0]!, number: dossier.number, status: dossier.status });
  }

  await login('voorzitter');
  // The chair and the secretary are recorded with the meeting: they are the two who sign its minutes.
  const { secretaries } = await env.api['meetings.options']({});
  const secretary = secretaries.find((p) => p.displayName === 'Niels Notulist')!;
  let m = await env.api['meetings.plan']({
    date: '2026-11-24',
    place: 'Stadskantoor, zaal 3',
    secretaryUserId: secretary.id,
  });
  const presence: Record<string, Presence> = {
    GGD: 'afwezig_met_bericht',
    VluchtelingenWerk: 'schriftelijke_inbreng',
  };
  for (const a of m.attendance)
    m = await env.api['meetings.setAttendance']({
      meetingId: m.id,
      version: m.version,
      organisationId: a.organisationId,
      presence: presence[a.organisationName] ?? 'aanwezig',
    });
  for (const d of open.slice(0, DOSSIERS))
    m = await env.api['meetings.agenda.add']({
      meetingId: m.id,
      version: m.version,
      kind: 'dossier',
      dossierNumber: d.number,
    });
  m = await env.api['meetings.start']({ meetingId: m.id, version: m.version });
  const items = m.items.filter((i) => i.kind === 'dossier');
  expect(items).toHaveLength(DOSSIERS);
  const table = m.attendance.filter((a) => a.presence !== 'afwezig_met_bericht');
  const decisions = [];
  for (const item of items)
    decisions.push(
      await env.api['decisions.save']({
        itemId: item.id,
        text: `Terugkeer voorbereiden voor ${item.dossierNumber}; medische check vóór vertrek.`,
        direction: 'terugkeer',
        reviewDate: '2027-01-19',
      }),
    );

  // The secretary records each organisation's position and consent on its behalf, and an action.
  await login('notulist');
  const settled = [];
  for (const [n, item] of items.entries()) {
    // Demo dossiers carry positions from earlier meetings: a new one builds on the latest version.
    const earlier = await env.api['positions.history']({ dossierId: item.dossierId! });
    const latest = (orgId: number) =>
      Math.max(0, ...earlier.filter((p) => p.organisationId === orgId).map((p) => p.version));
    for (const a of table)
      await env.api['positions.record']({
        itemId: item.id,
        organisationId: a.organisationId,
        expectedVersion: latest(a.organisationId),
        direction: a.organisationName === 'VluchtelingenWerk' ? 'tweesporen' : 'terugkeer',
        reasoning: `${a.organisationName}: perspectief op terugkeer met steun van IOM.`,
        information: `Dossieronderzoek ${a.organisationName} afgerond.`,
      });
    let decision = decisions[n]!;
    for (const a of table)
      decision = await env.api['decisions.consent']({
        decisionId: decision.id,
        organisationId: a.organisationId,
        decisionVersion: decision.version,
        ...(a.organisationName === 'DT&V'
          ? { consent: 'akkoord_met_voorbehoud', reason: 'Alleen na fit-to-fly.' }
          : { consent: 'akkoord' }),
      });
    await env.api['actions.create']({
      itemId: item.id,
      decisionId: decision.id,
      what: 'Vertrekgesprek plannen met IOM',
      organisationId: table.find((a) => a.organisationName === 'DT&V')!.organisationId,
      person: 'Daan',
      dueDate: '2026-12-08',
    });
    settled.push(decision);
  }

  await login('voorzitter');
  for (const d of settled)
    expect(
      (
        await env.api['decisions.settle']({
          decisionId: d.id,
          expectedVersion: d.version,
          outcome: 'gedragen',
        })
      ).state,
    ).toBe('gedragen');
  const running = await env.api['meetings.get']({ meetingId: m.id });
  await env.api['meetings.end']({ meetingId: m.id, version: running.version });
  return m.id;
}

beforeAll(async () => {
  requireTool('soffice', 'libreoffice-writer-nogui');
  requireTool('pdfinfo', 'poppler-utils');
  requireTool('pdftotext', 'poppler-utils');
  env = makeEnv({ now: new Date(`${TODAY}T09:00:00Z`) });
  await env.api['setup.demo']({});

  await login('notulist');
  const signed = (await env.api['minutes.list']({})).filter((x) => x.state === 'ondertekend');
  expect(signed).toHaveLength(1);
  const demo = await exportMinutes('demo', signed[0]!.meetingId);

  // Its minutes go the whole way too, so the signature page is part of what LibreOffice must render.
  const largeId = await runLargeMeeting();
  await login('notulist');
  await env.api['minutes.startCorrections']({ meetingId: largeId });
  await env.api['minutes.adopt']({ meetingId: largeId });
  await env.api['minutes.sign']({ meetingId: largeId, password: 'demo-notulist-2026' });
  await login('voorzitter');
  expect(
    (await env.api['minutes.sign']({ meetingId: largeId, password: 'demo-voorzitter-2026' })).state,
  ).toBe('ondertekend');
  const large = await exportMinutes('large', largeId);

  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      tmp,
      demo.docx,
      large.docx,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  for (const [name, x] of [
    ['demo', demo],
    ['large', large],
  ] as const) {
    const pdf = path.join(tmp, `${name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for the ${name} minutes`);
    converted[name] = {
      pdf,
      docx: x.docx,
      itemHeadings: x.itemHeadings,
      organisations: x.organisations,
      dossierItems: x.dossierItems,
    };
  }
}, 300_000);

afterAll(() => {
  env?.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

describe.each(['demo', 'large'] as const)(
  'LibreOffice converts the %s meeting’s minutes from the database',
  (name) => {
    it('to a PDF with a plausible page count, numbered "pagina X van Y" and marked confidential on every page', () => {
      const c = converted[name];
      if (name === 'large') expect(c.dossierItems).toBe(DOSSIERS);
      else expect(c.dossierItems).toBeGreaterThan(0);
      const pages = pdfPages(c.pdf);
      // Five positions, five consents and an action make a dossier about half a page or more.
      expect(pages).toBeGreaterThanOrEqual(Math.max(2, Math.ceil(c.dossierItems / 3)));
      expect(pages).toBeLessThanOrEqual(c.dossierItems * 3 + 5);
      const text = pdfText(c.pdf);
      expect(text).toContain(`pagina 1 van ${pages}`);
      expect(text).toContain(`pagina ${pages} van ${pages}`);
      expect(text.match(/Vertrouwelijk/g)?.length ?? 0).toBeGreaterThanOrEqual(pages);
    });

    it('with every heading, every dossier item and every organisation at the table', () => {
      const c = converted[name];
      const text = pdfText(c.pdf);
      for (const h of [
        'Verslag dossieroverleg LVV Demostad',
        'Aanwezigheid',
        'Agendapunten',
        'Besluitenlijst',
        'Actielijst',
        'Vaststelling en ondertekening',
      ])
        expect(text).toContain(h);
      for (const heading of c.itemHeadings) expect(text).toContain(heading);
      expect(c.organisations.length).toBeGreaterThanOrEqual(5);
      for (const org of c.organisations) expect(text).toContain(org);
    });
  },
);

describe('the 40-dossier minutes', () => {
  it('carry each dossier’s decision, the reservation with its reason, and the action', () => {
    const text = pdfText(converted.large.pdf);
    expect(text.match(/Alleen na fit-to-fly\./g)?.length ?? 0).toBeGreaterThanOrEqual(DOSSIERS);
    expect(text.match(/Vertrekgesprek plannen met IOM/g)?.length ?? 0).toBeGreaterThanOrEqual(DOSSIERS);
    expect(text).toContain('Stadskantoor, zaal 3');
  });
});

/** Words of four letters or more, counted: what the document holds against what the PDF shows. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.normalize('NFKC').match(/\p{L}{4,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe('the demo’s minutes as a reader sees them (issue 11)', () => {
  it('show the notulist’s notes, the names of those present and a context line per dossier', () => {
    const text = execFileSync('pdftotext', [converted.demo.pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('De voorzitter opent het overleg.');
    expect(text).toContain('Voortgang: De IND heeft de buitenschuldvergunning verleend.');
    expect(text).toContain('De voorzitter sluit het overleg om 11.15 uur.');
    for (const name of ['Vera Voorzitter, Niels Notulist', 'Ilse de Graaf', 'Daan Mulder', 'Noor El Amrani'])
      expect(text).toContain(name);
    expect(text).toMatch(/Traject: \S+ · Status: [^·]+ · Streefdatum: /);
  });

  it.each(['demo', 'large'] as const)(
    'break no word in the %s minutes (every table column fits its longest word)',
    (name) => {
      const c = converted[name];
      const inDocx = wordCounts(docxText(new Uint8Array(fs.readFileSync(c.docx))));
      // The layout text keeps cells apart; a word split over two lines ("Gedrage" / "n") is missing from it.
      const inPdf = wordCounts(pdfText(c.pdf));
      const broken = [...inDocx].filter(([w, n]) => (inPdf.get(w) ?? 0) < n).map(([w]) => w);
      expect(broken).toEqual([]);
    },
  );
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { createCertificateAuthority, issueUserCertificate } from '../../electron/core/signing/certificates';
import { signDetached } from '../../electron/core/signing/cms';
import { tempDir } from '../support/backend';
import { opensslCmsVerify as openssl } from '../support/openssl';
import { docxText } from '../unit/minutes/read-docx';
import {
  minutesFixture,
  PASSWORD,
  SECRET_HEALTH,
  SECRET_JUSTICE,
  V_NUMBER,
  type MinutesFixture,
} from './minutes-support';

/**
 * What a recipient gets: the signed DOCX, one .p7s per signer and ca.pem. Plain openssl, the app and
 * the command line all accept them, and all reject a changed byte or a certificate from elsewhere.
 */

const root = path.resolve(import.meta.dirname, '../..');
let f: MinutesFixture;
const out = tempDir('lvv-minutes-out-');
const api = () => f.env.api;
type Files = { name: string; mediaType: string; base64: string }[];
let signed: Files;
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const stem = 'verslag-utrecht-2026-04-14';
const sigs = () =>
  signed.filter((x) => x.name.endsWith('.p7s')).map(({ name, base64 }) => ({ name, base64 }));

function cli(args: string[], input = '') {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    {
      cwd: root,
      input,
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function writeAll(dir: string, files: Files): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), bytes(file.base64));
}

beforeAll(async () => {
  f = await minutesFixture();
  await f.login('niels');
  await api()['minutes.startCorrections']({ meetingId: f.meetingId });
  await api()['minutes.adopt']({ meetingId: f.meetingId });
  await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  await f.login('vera');
  await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  signed = (await api()['minutes.exportFull']({ meetingId: f.meetingId })).files;
  writeAll(path.join(out, 'ontvangen'), signed);
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('the signed export', () => {
  it('verifies with plain openssl for the chair and the secretary', () => {
    const dir = path.join(out, 'ontvangen');
    for (const role of ['voorzitter', 'secretaris']) {
      const r = openssl(
        path.join(dir, `${stem}.${role}.p7s`),
        path.join(dir, `${stem}.docx`),
        path.join(dir, 'ca.pem'),
      );
      expect(r.output).toContain('Verification successful');
      expect(r.status).toBe(0);
    }
  });

  it('with one byte flipped, openssl and the app both reject both signatures', async () => {
    const dir = path.join(out, 'gewijzigd');
    writeAll(dir, signed);
    const docxFile = path.join(dir, `${stem}.docx`);
    const tampered = fs.readFileSync(docxFile);
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    fs.writeFileSync(docxFile, tampered);
    for (const role of ['voorzitter', 'secretaris']) {
      const r = openssl(path.join(dir, `${stem}.${role}.p7s`), docxFile, path.join(dir, 'ca.pem'));
      expect(r.status).not.toBe(0);
      expect(r.output).not.toContain('Verification successful');
    }
    const check = await api()['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: tampered.toString('base64') },
      signatures: sigs(),
    });
    expect(check.allValid).toBe(false);
    expect(check.knownVersion).toBeNull();
    expect(check.signatures.map((s) => [s.role, s.valid, s.reason, s.signer?.name])).toEqual([
      ['voorzitter', false, 'digest_mismatch', 'Vera Voorzitter'],
      ['secretaris', false, 'digest_mismatch', 'Niels Notulist'],
    ]);
  });

  it('the app names each signer, organisation and time, and knows the document', async () => {
    const check = await api()['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: signed[0]!.base64 },
      signatures: sigs(),
    });
    expect(check).toMatchObject({
      allValid: true,
      caSource: 'environment',
      knownVersion: { meetingId: f.meetingId, version: 1 },
    });
    expect(check.signatures.map((s) => [s.valid, s.signer?.name, s.signer?.organisation])).toEqual([
      [true, 'Vera Voorzitter', 'Gemeente Utrecht'],
      [true, 'Niels Notulist', 'Gemeente Utrecht'],
    ]);
    expect(check.signatures.every((s) => s.signingTime !== null)).toBe(true);
  });

  it('a signature by a certificate from another environment’s CA is rejected by the app and openssl', async () => {
    const otherCa = await createCertificateAuthority('LVV Overleg Elders CA');
    const impostor = await issueUserCertificate(otherCa, {
      displayName: 'Vera Voorzitter',
      organisation: 'Gemeente Utrecht',
      userId: 2,
    });
    const docx = bytes(signed[0]!.base64);
    const p7s = await signDetached(docx, impostor.certificatePem, impostor.privateKeyPkcs8, {
      signingTime: new Date(),
    });
    const check = await api()['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: signed[0]!.base64 },
      signatures: [{ name: `${stem}.voorzitter.p7s`, base64: Buffer.from(p7s).toString('base64') }],
    });
    expect(check.signatures[0]).toMatchObject({ valid: false, reason: 'untrusted_signer' });
    const dir = path.join(out, 'elders');
    writeAll(dir, signed);
    fs.writeFileSync(path.join(dir, 'elders.p7s'), p7s);
    expect(
      openssl(path.join(dir, 'elders.p7s'), path.join(dir, `${stem}.docx`), path.join(dir, 'ca.pem')).status,
    ).not.toBe(0);
    // Given the other CA as ca.pem, the app checks against that one instead (and our signatures fail there).
    const withFile = await api()['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: signed[0]!.base64 },
      signatures: sigs(),
      caPem: otherCa.certificatePem,
    });
    expect(withFile).toMatchObject({ allValid: false, caSource: 'file' });
    const notPem = api()['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: signed[0]!.base64 },
      signatures: [{ name: 'x.p7s', base64: 'AAAA' }],
      caPem: 'geen certificaat',
    });
    await expect(notPem).rejects.toMatchObject({
      code: 'BAD_INPUT',
      error: { fields: [expect.objectContaining({ path: 'caPem' })] },
    });
  });
});

describe('the document', () => {
  it('holds attendance, positions, decisions, consents with reasons, actions and the lists', () => {
    const text = docxText(bytes(signed[0]!.base64));
    for (const expected of [
      'Verslag dossieroverleg LVV Utrecht',
      'Stadskantoor, zaal 3.12',
      'Vera Voorzitter (Gemeente Utrecht)',
      'Afwezig met bericht',
      'Schriftelijke inbreng',
      'D-2026-0001 (M.K.D.)',
      'D-2026-0002 (C.X.)',
      'IND ziet ruimte voor een medische aanvraag',
      'Geen ambassadepresentatie voor de beschermingsvraag',
      'Lopend onderzoek naar identiteit.',
      'Schriftelijke inbreng, opgetekend door Niels Notulist.',
      'Besluit 2026-014',
      'De tafel kiest voor het medische spoor naast voorbereiding op terugkeer.',
      'Akkoord met voorbehoud',
      'Alleen als de beschermingsvraag eerst is afgerond.',
      'Onthouding',
      'Bezwaar',
      'Identiteit is niet vastgesteld.',
      'Gesprek met cliënt over beide sporen',
      'BMA-advies opvragen',
      'Besluitenlijst',
      'Actielijst',
      'Openstaande actiepunten uit eerdere overleggen',
      'Reisdocument aanvragen',
      'Uitgesteld: Wacht op de herhaalde aanvraag.',
    ])
      expect(text, expected).toContain(expected);
    // Version 1 of IND's position was replaced in the meeting; only the latest is minuted.
    expect(text).not.toContain('Eerste inschatting IND');
  });

  it('carries no V-nummer, no full name and no special-category detail by default', () => {
    const docx = bytes(signed[0]!.base64);
    const everything = ['word/document.xml', 'docProps/core.xml', 'word/header1.xml']
      .map((p) => {
        try {
          return docxText(docx, p);
        } catch {
          return '';
        }
      })
      .join('\n');
    for (const secret of [
      V_NUMBER,
      '2345678901',
      'Mateus',
      'Kiala',
      'Chen Xiu',
      SECRET_HEALTH,
      SECRET_JUSTICE,
      'PTSS',
    ])
      expect(everything, secret).not.toContain(secret);
  });

  it('an organisation’s extract holds only its own part; a participant may export only its own', async () => {
    await f.login('ilse');
    const full = api()['minutes.exportFull']({ meetingId: f.meetingId });
    await expect(full).rejects.toBeInstanceOf(ApiError);
    await expect(full).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api()['minutes.exportExtract']({
        meetingId: f.meetingId,
        scope: { kind: 'organisation', organisationId: f.org.dtv },
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      error: { info: { reason: 'own_extract_only' } },
    });
    const mine = await api()['minutes.exportExtract']({
      meetingId: f.meetingId,
      scope: { kind: 'organisation', organisationId: f.org.ind },
    });
    expect(mine.files.map((x) => x.name)).toEqual([`${stem}-uittreksel-ind.docx`]);
    const text = docxText(bytes(mine.files[0]!.base64));
    expect(text).toContain('Uittreksel voor IND');
    expect(text).toContain('IND ziet ruimte voor een medische aanvraag');
    expect(text).toContain('BMA-advies opvragen');
    expect(text).toContain('De tafel kiest voor het medische spoor');
    for (const others of [
      'DT&V houdt terugkeer open',
      'Alleen als de beschermingsvraag eerst is afgerond.',
      'Gesprek met cliënt over beide sporen',
      'Vaststelling en ondertekening',
    ])
      expect(text, others).not.toContain(others);
  });

  it('a single-dossier extract holds that dossier only', async () => {
    await f.login('niels');
    const one = await api()['minutes.exportExtract']({
      meetingId: f.meetingId,
      scope: { kind: 'dossier', dossierNumber: 'D-2026-0002', organisationId: f.org.dtv },
    });
    expect(one.files[0]!.name).toBe(`${stem}-dossier-d-2026-0002-dt-v.docx`);
    const text = docxText(bytes(one.files[0]!.base64));
    expect(text).toContain('D-2026-0002 (C.X.)');
    expect(text).not.toContain('D-2026-0001');
    expect(text).toContain('Identiteit is niet vastgesteld.');
    await expect(
      api()['minutes.exportExtract']({
        meetingId: f.meetingId,
        scope: { kind: 'dossier', dossierNumber: 'D-1999-9999' },
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('command line', () => {
  it('minutes export writes the files; verify exits 0 only when every signature is valid', () => {
    const pw = path.join(out, 'pw.txt');
    fs.writeFileSync(pw, `${PASSWORD}\n`);
    const dir = path.join(out, 'cli');
    const exported = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      'latest',
      '--out',
      dir,
      '--user',
      'niels',
      '--password-file',
      pw,
    ]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'ca.pem',
      `${stem}.docx`,
      `${stem}.secretaris.p7s`,
      `${stem}.voorzitter.p7s`,
    ]);

    const ok = cli(['verify', path.join(dir, `${stem}.docx`)]);
    expect(ok.code).toBe(0);
    // One line per signature, each followed by its certificate's lines (indented).
    const lines = ok.out
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith(' '));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('GELDIG'))).toBe(true);
    expect(ok.out).toContain('Vera Voorzitter (Gemeente Utrecht)');

    const docxFile = path.join(dir, `${stem}.docx`);
    const tampered = fs.readFileSync(docxFile);
    tampered[100]! ^= 0x01;
    fs.writeFileSync(docxFile, tampered);
    const bad = cli(['verify', docxFile]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('NIET GELDIG');
    expect(bad.out).toContain('het document is gewijzigd');

    const none = cli(['verify', path.join(out, 'nergens.docx')]);
    expect(none.code).toBe(1);
    expect(none.err.trim().split('\n')).toHaveLength(1);

    const participant = cli([
      'minutes',
      'export',
      '--db',
      f.env.dir,
      '--meeting',
      String(f.meetingId),
      '--out',
      dir,
      '--user',
      'ilse',
      '--password-file',
      pw,
    ]);
    expect(participant.code).toBe(1);
  });
});

describe('full names (last: it starts a new version)', () => {
  it('are printed only when the environment allows it, and never in an already adopted version', async () => {
    await f.login('anna');
    expect(await api()['minutes.settings.get']({})).toEqual({ fullNames: false });
    await api()['minutes.settings.update']({ fullNames: true });
    await f.login('niels');
    const frozen = await api()['minutes.exportFull']({ meetingId: f.meetingId });
    expect(frozen.files[0]!.base64).toBe(signed[0]!.base64);
    expect((await api()['minutes.get']({ meetingId: f.meetingId })).changedSinceAdoption).toBe(true);
    await api()['minutes.newVersion']({ meetingId: f.meetingId });
    const v = await api()['minutes.exportFull']({ meetingId: f.meetingId });
    const text = docxText(bytes(v.files[0]!.base64));
    expect(text).toContain('D-2026-0001 (Mateus Kiala Domingos)');
    expect(text).not.toContain(V_NUMBER);
    expect(text).not.toContain(SECRET_HEALTH);
  });
});

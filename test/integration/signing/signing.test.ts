import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMinutesDocx } from '../../../electron/core/minutes/build-docx';
import {
  createCertificateAuthority,
  issueUserCertificate,
  type CertificateAuthority,
  type UserCertificate,
} from '../../../electron/core/signing/certificates';
import { signDetached, verifyDetached } from '../../../electron/core/signing/cms';
import { openssl, opensslCmsVerify as opensslVerify } from '../../support/openssl';
import { demoMinutes } from '../../unit/minutes/fixtures';

/**
 * The promise to every recipient: plain OpenSSL accepts the chair's and the secretary's signatures
 * over the exact DOCX, and rejects them after any change or with a certificate from elsewhere.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-sign-'));
const docxFile = path.join(dir, 'verslag-demostad-2026-04-14.docx');
const caFile = path.join(dir, 'ca.pem');
const signingTime = new Date('2026-04-21T14:03:00Z');

let ca: CertificateAuthority;
let docx: Uint8Array;
const signers: Record<'voorzitter' | 'secretaris', { user: UserCertificate; p7s: string }> = {} as never;

beforeAll(async () => {
  ca = await createCertificateAuthority('LVV Overleg Demostad CA', { now: new Date('2026-01-05T09:00:00Z') });
  fs.writeFileSync(caFile, ca.certificatePem);
  docx = await writeMinutesDocx(demoMinutes(), docxFile);
  const people = { voorzitter: ['Vera Voorzitter', 2], secretaris: ['Sam Secretaris', 3] } as const;
  for (const [role, [displayName, userId]] of Object.entries(people) as [
    keyof typeof people,
    (typeof people)[keyof typeof people],
  ][]) {
    const user = await issueUserCertificate(
      ca,
      { displayName, organisation: 'Gemeente Demostad', userId },
      { now: new Date('2026-01-06T09:00:00Z') },
    );
    const p7s = path.join(dir, `verslag-demostad-2026-04-14.${role}.p7s`);
    fs.writeFileSync(
      p7s,
      await signDetached(docx, user.certificatePem, user.privateKeyPkcs8, { signingTime }),
    );
    signers[role] = { user, p7s };
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('detached CAdES signatures over the minutes', () => {
  it.each(['voorzitter', 'secretaris'] as const)('by the %s verify with openssl cms -cades', (role) => {
    const r = opensslVerify(signers[role].p7s, docxFile, caFile);
    expect(r.output).toContain('Verification successful');
    expect(r.status).toBe(0);
  });

  it.each([
    ['voorzitter', 'Vera Voorzitter', '2'],
    ['secretaris', 'Sam Secretaris', '3'],
  ] as const)(
    'by the %s verify in the app, naming signer, organisation, time and the certificate as openssl sees it',
    async (role, name, userId) => {
      const result = await verifyDetached(docx, fs.readFileSync(signers[role].p7s), ca.certificatePem);
      const certFile = path.join(dir, `${role}.pem`);
      fs.writeFileSync(certFile, signers[role].user.certificatePem);
      const seen = openssl(['x509', '-in', certFile, '-noout', '-serial', '-fingerprint', '-sha256']).output;
      expect(result).toEqual({
        valid: true,
        reason: null,
        signer: {
          commonName: name,
          organisation: 'Gemeente Demostad',
          userId,
          subject: `CN=${name}, O=Gemeente Demostad, UID=${userId}`,
          issuer: 'CN=LVV Overleg Demostad CA, O=LVV Overleg',
          serial: /serial=([0-9A-F]+)/.exec(seen)![1]!.toLowerCase(),
          sha256: /Fingerprint=([0-9A-F:]+)/.exec(seen)![1]!.replaceAll(':', '').toLowerCase(),
        },
        signingTime: signingTime.toISOString(),
      });
    },
  );

  it('carry the CAdES-BES signed attributes and no content', () => {
    const r = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', signers.voorzitter.p7s]);
    for (const attribute of ['contentType', 'messageDigest', 'signingTime', 'signingCertificateV2'])
      expect(r.output).toContain(attribute);
    expect(r.output).toMatch(/eContent: <ABSENT>/);
  });

  it('are rejected by openssl and the app when one byte of the DOCX changes', async () => {
    const tampered = Buffer.from(docx);
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    const tamperedFile = path.join(dir, 'tampered.docx');
    fs.writeFileSync(tamperedFile, tampered);
    for (const role of ['voorzitter', 'secretaris'] as const) {
      const r = opensslVerify(signers[role].p7s, tamperedFile, caFile);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/content verify error|verification failure/i);
      const result = await verifyDetached(tampered, fs.readFileSync(signers[role].p7s), ca.certificatePem);
      expect(result).toMatchObject({ valid: false, reason: 'digest_mismatch' });
    }
  });

  it('are rejected by openssl and the app when the certificate comes from another environment', async () => {
    const issued = { now: new Date('2026-01-06T09:00:00Z') };
    const otherCa = await createCertificateAuthority('LVV Overleg Anderstad CA', issued);
    const stranger = await issueUserCertificate(
      otherCa,
      { displayName: 'Vera Voorzitter', organisation: 'Gemeente Demostad', userId: 2 },
      issued,
    );
    const p7s = path.join(dir, 'stranger.p7s');
    fs.writeFileSync(
      p7s,
      await signDetached(docx, stranger.certificatePem, stranger.privateKeyPkcs8, { signingTime }),
    );
    const r = opensslVerify(p7s, docxFile, caFile);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/certificate verify error|unable to get local issuer/i);
    const result = await verifyDetached(docx, fs.readFileSync(p7s), ca.certificatePem);
    expect(result).toMatchObject({
      valid: false,
      reason: 'untrusted_signer',
      signer: { commonName: 'Vera Voorzitter' },
    });
    // The same signature against its own CA is fine: the rejection is about trust, not the bytes.
    expect((await verifyDetached(docx, fs.readFileSync(p7s), otherCa.certificatePem)).valid).toBe(true);
  });

  it('reject garbage, a signature over other data and a certificate swapped into the signature', async () => {
    expect(
      await verifyDetached(docx, new Uint8Array([0x30, 0x03, 0x02, 0x01]), ca.certificatePem),
    ).toMatchObject({ valid: false, reason: 'malformed', signer: null });
    const other = await signDetached(
      new TextEncoder().encode('iets anders'),
      signers.secretaris.user.certificatePem,
      signers.secretaris.user.privateKeyPkcs8,
      { signingTime },
    );
    expect(await verifyDetached(docx, other, ca.certificatePem)).toMatchObject({
      valid: false,
      reason: 'digest_mismatch',
    });
    // Chair's key, secretary's certificate: the ESS attribute or the signature gives it away.
    const mixed = await signDetached(
      docx,
      signers.secretaris.user.certificatePem,
      signers.voorzitter.user.privateKeyPkcs8,
      { signingTime },
    );
    const result = await verifyDetached(docx, mixed, ca.certificatePem);
    expect(result.valid).toBe(false);
    expect(result.reason).toBe('bad_signature');
  });

  it('reject a signature made outside the certificate validity', async () => {
    const early = await signDetached(
      docx,
      signers.voorzitter.user.certificatePem,
      signers.voorzitter.user.privateKeyPkcs8,
      { signingTime: new Date('2025-06-01T00:00:00Z') },
    );
    expect(await verifyDetached(docx, early, ca.certificatePem)).toMatchObject({
      valid: false,
      reason: 'certificate_not_valid_at_signing_time',
    });
  });
});

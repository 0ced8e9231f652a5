import type { Handlers } from '../../../shared/contract/index';
import type { CertificateInfo } from '../../../shared/contract/minutes';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import { nameAttribute, parseCertificate } from '../signing/certificates';
import { OID } from '../signing/oids';
import { Pkcs12Error, readPkcs12, type Pkcs12Failure } from '../signing/pkcs12';
import { chainProblem } from '../signing/cms';
import { saveImportedCertificate } from '../signing/store';
import { trustedCertificatesPem } from '../signing/trust';

type CertificateHandlers = Pick<Handlers, 'certificates.mine' | 'certificates.import'>;

/** A wrong passphrase belongs to the passphrase field; everything else is about the file. */
const fieldOf = (reason: Pkcs12Failure): string => (reason === 'wrong_passphrase' ? 'passphrase' : 'p12');

function certificateInfo(db: Db, userId: number): CertificateInfo | null {
  const row = db
    .prepare('SELECT certificate_pem, imported, chain_pem FROM certificates WHERE user_id = ?')
    .get(userId) as { certificate_pem: string; imported: number; chain_pem: string } | undefined;
  if (!row) return null;
  const cert = parseCertificate(row.certificate_pem);
  return {
    subject: nameAttribute(cert.subject, OID.commonName),
    organisation: nameAttribute(cert.subject, OID.organisationName),
    issuer: nameAttribute(cert.issuer, OID.commonName),
    validUntil: cert.notAfter.value.toISOString(),
    imported: row.imported === 1,
    chainLength: (row.chain_pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length,
  };
}

export function certificateHandlers(ctx: CoreContext): CertificateHandlers {
  return {
    'certificates.mine': (_input, { session }) =>
      certificateInfo(ctx.vault.database(), requireSession(session).userId),

    // Only ever the caller's own certificate: the session decides whose, never the input.
    'certificates.import': async ({ p12, passphrase }, { session }) => {
      const s = requireSession(session);
      let imported;
      try {
        imported = await readPkcs12(
          new Uint8Array(Buffer.from(p12, 'base64')),
          passphrase,
          ctx.ports.clock(),
        );
      } catch (e) {
        if (!(e instanceof Pkcs12Error)) throw e;
        throw new AppError('BAD_INPUT', `The PKCS#12 file cannot be imported: ${e.reason}`, {
          fields: [{ path: fieldOf(e.reason), code: e.reason, message: e.message }],
        });
      }
      // The chain inside the file proves nothing (anyone can make a root and name it PKIoverheid):
      // the certificate must chain to the environment's CA or a root the beheerder added.
      const now = ctx.ports.clock();
      const problem = await chainProblem(
        parseCertificate(imported.certificatePem),
        await trustedCertificatesPem(ctx.vault.database(), now),
        now,
      );
      if (problem) {
        const code: Pkcs12Failure =
          problem === 'certificate_not_valid_at_signing_time'
            ? 'expired'
            : problem === 'key_usage'
              ? 'key_usage'
              : 'untrusted_chain';
        throw new AppError('BAD_INPUT', `The PKCS#12 file cannot be imported: ${code} (${problem})`, {
          fields: [{ path: 'p12', code, message: `Chain check failed: ${problem}` }],
        });
      }
      return writeAudited(ctx, s, (db) => {
        saveImportedCertificate(db, s.userId, imported, ctx.nowIso());
        return {
          result: certificateInfo(db, s.userId)!,
          audit: { action: 'certificate.import', entity: 'users', ids: [s.userId] },
        };
      });
    },
  };
}

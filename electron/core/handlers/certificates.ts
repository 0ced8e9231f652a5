import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { Pkcs12Error, readPkcs12, type Pkcs12Failure } from '../signing/pkcs12';
import { parseCertificate } from '../signing/certificates';
import { chainProblem } from '../signing/cms';
import {
  certificateInfo,
  hasPendingRequest,
  issueForRequest,
  knownCertificate,
  listRequests,
  prepareRequest,
  saveIssued,
  saveRequest,
  saveImportedCertificate,
  wrapForCertificate,
} from '../signing/store';
import { refreshRevocationList, unlockEnvironmentCa } from '../signing/ca-store';
import { trustedCertificatesPem } from '../signing/trust';

type CertificateHandlers = Pick<
  Handlers,
  | 'certificates.mine'
  | 'certificates.import'
  | 'certificates.request'
  | 'certificates.requests'
  | 'certificates.approve'
>;

const wrongPassword = () =>
  new AppError('WRONG_CREDENTIALS', 'Password does not match the account', {
    fields: [{ path: 'password', code: 'wrong_password', message: 'Password does not match' }],
    info: { reason: 'wrong_password' },
  });

/** A wrong passphrase belongs to the passphrase field; everything else is about the file. */
const fieldOf = (reason: Pkcs12Failure): string => (reason === 'wrong_passphrase' ? 'passphrase' : 'p12');

export function certificateHandlers(ctx: CoreContext): CertificateHandlers {
  return {
    'certificates.request': async ({ password }, { session }) => {
      const s = requireSession(session);
      if (!(await ctx.passwords.check(s.userId, password))) throw wrongPassword();
      const db = ctx.vault.database();
      if (!hasPendingRequest(db, s.userId)) {
        const request = await prepareRequest(db, s.userId, password, ctx.vault.kdf);
        writeAudited(ctx, s, (d) => {
          saveRequest(d, request, ctx.nowIso());
          return { result: null, audit: { action: 'certificate.request', entity: 'users', ids: [s.userId] } };
        });
      }
      return { pending: true as const };
    },

    'certificates.requests': () => listRequests(ctx.vault.database()),

    // The beheerder's own password unwraps the CA's key for this one issuance; it is not kept.
    'certificates.approve': async ({ requestId, password }, { session }) => {
      const s = requireSession(session);
      if (!(await ctx.passwords.check(s.userId, password))) throw wrongPassword();
      const db = ctx.vault.database();
      const now = ctx.ports.clock();
      const ca = await unlockEnvironmentCa(db, s, password, ctx.vault.kdf, now);
      if (typeof ca === 'string') {
        throw new AppError('CONFLICT', `The CA key cannot be unlocked: ${ca}`, { info: { reason: ca } });
      }
      try {
        const issued = await issueForRequest(db, requestId, ca, now);
        const gone = () =>
          new AppError('CONFLICT', 'The request was withdrawn or replaced', {
            info: { reason: 'request_gone' },
          });
        if (!issued) throw gone();
        writeAudited(ctx, s, (d) => {
          if (!saveIssued(d, issued, ctx.nowIso())) throw gone();
          return {
            result: null,
            audit: { action: 'certificate.issue', entity: 'users', ids: [issued.userId] },
          };
        });
        // The CA key is open: renew the revocation list that ca.pem ships.
        await refreshRevocationList(db, ca, now);
      } finally {
        ca.privateKeyPkcs8.fill(0);
      }
      return listRequests(db);
    },

    'certificates.mine': (_input, { session }) =>
      certificateInfo(ctx.vault.database(), requireSession(session).userId),

    // Only ever the caller's own certificate: the session decides whose, never the input.
    'certificates.import': async ({ p12, passphrase, password }, { session }) => {
      const s = requireSession(session);
      // The key is stored wrapped with the account's password, so it must be the account's own.
      if (!(await ctx.passwords.check(s.userId, password))) throw wrongPassword();
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
        trustedCertificatesPem(ctx.vault.database()),
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
      const db = ctx.vault.database();
      const record = await wrapForCertificate(
        db,
        s.userId,
        imported.certificatePem,
        imported.privateKeyPkcs8,
        password,
        ctx.vault.kdf,
      );
      // Revocation is final: a certificate withdrawn here (its key reset away, or stored unprotected
      // by an older version) does not come back by importing the same file again.
      if (knownCertificate(db, record.sha256)) {
        throw new AppError('BAD_INPUT', 'The PKCS#12 file cannot be imported: already_used', {
          fields: [{ path: 'p12', code: 'already_used', message: 'This certificate was used here before' }],
        });
      }
      return writeAudited(ctx, s, (db) => {
        saveImportedCertificate(db, s.userId, record, imported, ctx.nowIso());
        return {
          result: certificateInfo(db, s.userId)!,
          audit: { action: 'certificate.import', entity: 'users', ids: [s.userId] },
        };
      });
    },
  };
}

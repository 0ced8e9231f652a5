import { z } from 'zod';
import { allow, method } from './define';

/**
 * The certificates the environment trusts for signatures (issue 8, item 4): its own CA, which it made
 * at set-up, plus the roots (and intermediates) the beheerder explicitly added, e.g. PKIoverheid's.
 * `minutes.verify` and the exported ca.pem trust exactly these; the chain inside an imported PKCS#12
 * never counts by itself.
 */

const Id = z.number().int().positive();

export const TrustedCertificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** The certificate issued itself: a root. Otherwise an intermediate, which needs its root too. */
  selfSigned: z.boolean(),
  notAfter: z.string(),
  /** SHA-256 of the DER certificate, hex: to compare with the fingerprint the publisher states. */
  sha256: z.string(),
});
export type TrustedCertificate = z.infer<typeof TrustedCertificate>;

export const TrustedRoot = TrustedCertificate.extend({ id: Id, addedAt: z.string() });
export type TrustedRoot = z.infer<typeof TrustedRoot>;

export const TrustedRoots = z.object({
  /** The environment's own CA: always trusted, cannot be removed. */
  environmentCa: TrustedCertificate,
  roots: z.array(TrustedRoot),
});
export type TrustedRoots = z.infer<typeof TrustedRoots>;

/**
 * Why a certificate is refused as a trusted root (BAD_INPUT, field `pem`). Stable codes: the UI
 * words them in Dutch.
 */
export const TrustRootRefusal = z.enum([
  'not_a_certificate',
  'not_one_certificate',
  'not_a_ca',
  'weak_key',
  'unsupported_key',
  'already_trusted',
]);
export type TrustRootRefusal = z.infer<typeof TrustRootRefusal>;

export const trustMethods = {
  'trust.roots.list': method({
    input: z.object({}).strict(),
    output: TrustedRoots,
    access: allow('administer'),
  }),
  /** One certificate as PEM text (pasted, or the text of a .pem/.crt file the renderer read). */
  'trust.roots.add': method({
    input: z.object({ pem: z.string().trim().min(1).max(100_000) }).strict(),
    output: TrustedRoots,
    access: allow('administer'),
  }),
  'trust.roots.remove': method({
    input: z.object({ id: Id }).strict(),
    output: TrustedRoots,
    access: allow('administer'),
  }),
};

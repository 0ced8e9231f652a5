/**
 * Version 3 of the schema (issue 8, item 4): the certificates the beheerder trusts for signatures
 * besides the environment's own CA, e.g. PKIoverheid's root and intermediates. Before this, the issuer
 * chain inside any imported PKCS#12 was trusted; from now on only these rows and the environment's CA
 * are (certificates.chain_pem and signatures.chain_pem stay as a record of what a file carried, and
 * are never read for trust). Nothing is copied over from those chains: the beheerder decides anew.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

const trustedRoots = /* sql */ `
CREATE TABLE trusted_roots (
  id               INTEGER PRIMARY KEY,
  certificate_pem  TEXT NOT NULL,
  -- SHA-256 of the DER certificate, lower-case hex: what the beheerder compares with the publisher's.
  sha256           TEXT NOT NULL UNIQUE,
  subject          TEXT NOT NULL,
  not_after        TEXT NOT NULL,
  added_at         TEXT NOT NULL,
  added_by         INTEGER REFERENCES users(id)
) STRICT;
`;

export function migration0003(db: Database.Database): void {
  db.exec(trustedRoots);
}

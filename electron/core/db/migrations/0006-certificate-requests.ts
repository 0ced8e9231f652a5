/**
 * Version 6 of the schema (issue 8): a certificate only the beheerder issues. A signer's first
 * signature (or Mijn account) makes their key pair and stores a request here: the public key, the
 * serial the certificate will carry, and the private key wrapped with the signer's own password (bound
 * to that serial, signer-keys.ts). The beheerder approves it with their own password, which unwraps
 * the CA key for that one issuance; the request then becomes a row of `certificates`. At most one
 * pending request per user: a new one replaces it.
 *
 * The CA's private key was stored in the clear (meta `ca_private_key`). Nothing here knows a password
 * to wrap it with, so it stays until the first login of a beheerder, who becomes the CA's keeper: that
 * login wraps it with their password and deletes the clear copy (signing/ca-store.ts). Until then no
 * certificate is issued. A copy of the database made before that login still holds the clear key:
 * the README says so.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0006(db: Database.Database): void {
  db.exec(/* sql */ `
CREATE TABLE certificate_requests (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL UNIQUE REFERENCES users(id),
  -- SubjectPublicKeyInfo (DER, base64) and the serial (lower-case hex) the certificate will carry.
  public_key    TEXT NOT NULL,
  serial        TEXT NOT NULL,
  -- The private key wrapped with the signer's password (JSON, crypto/keywrap.ts WrappedKey).
  wrapped_key   TEXT NOT NULL,
  requested_at  TEXT NOT NULL
) STRICT;
`);
}

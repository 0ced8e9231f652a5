/**
 * Version 5 of the schema (issue 8, item 3): a signature only its signer can make. A signing key is
 * stored only wrapped with a key derived from its signer's own password (signing/signer-keys.ts), and a
 * certificate that may no longer sign is kept, revoked, so that verification can still name it and say
 * since when. One user may therefore have several certificates: at most one not revoked.
 *
 * Existing keys were stored as plain PKCS#8. Choice: they are revoked here (reason
 * 'unprotected_key') and deleted, not kept until their signer's next signature to be wrapped then.
 * Until now every holder of the database key — before version 2 every user — could read them, and any
 * copy or backup made since holds them in the clear for good; wrapping them later would protect nothing
 * that was already exposed, and a signature made with such a key would stay indistinguishable from
 * the signer's own. A new certificate costs the signer nothing: the environment's CA issues one at
 * their next signature. Whoever had imported a PKCS#12 imports it again (they still hold the file).
 * Signatures made before stay valid; verification shows that their certificate was revoked since.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { certificateSerial, certificateSha256, parseCertificate } from '../../signing/certificates';

const signerKeys = /* sql */ `
CREATE TABLE certificates_v4 (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users(id),
  certificate_pem  TEXT NOT NULL,
  -- Serial number (lower-case hex) and SHA-256 of the DER certificate: what verification shows.
  serial           TEXT NOT NULL,
  sha256           TEXT NOT NULL UNIQUE,
  -- The PKCS#8 key wrapped with the signer's password (JSON, crypto/keywrap.ts WrappedKey); null
  -- once revoked: a revoked certificate signs nothing any more.
  wrapped_key      TEXT,
  issued_at        TEXT NOT NULL,
  imported         INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  chain_pem        TEXT NOT NULL DEFAULT '',
  revoked_at       TEXT,
  revoked_reason   TEXT CHECK (revoked_reason IN ('password_reset', 'superseded', 'unprotected_key', 'key_unreadable')),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)),
  CHECK (revoked_at IS NOT NULL OR wrapped_key IS NOT NULL)
) STRICT;
`;

export function migration0005(db: Database.Database): void {
  db.exec(signerKeys);
  const revokedAt = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO certificates_v4 (user_id, certificate_pem, serial, sha256, wrapped_key, issued_at, imported,
       chain_pem, revoked_at, revoked_reason) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 'unprotected_key')`,
  );
  const rows = db
    .prepare('SELECT user_id, certificate_pem, issued_at, imported, chain_pem FROM certificates')
    .all() as {
    user_id: number;
    certificate_pem: string;
    issued_at: string;
    imported: number;
    chain_pem: string;
  }[];
  for (const r of rows) {
    const cert = parseCertificate(r.certificate_pem);
    insert.run(
      r.user_id,
      r.certificate_pem,
      certificateSerial(cert),
      certificateSha256(cert),
      r.issued_at,
      r.imported,
      r.chain_pem,
      revokedAt,
    );
  }
  // The plain keys go with the old table; secure_delete (set on every open) overwrites their pages.
  db.exec(`
    DROP TABLE certificates;
    ALTER TABLE certificates_v4 RENAME TO certificates;
    CREATE UNIQUE INDEX certificates_one_active ON certificates(user_id) WHERE revoked_at IS NULL;
  `);
}

import { checkVerifier, newVerifier } from '../crypto/verifier';
import type { Keyring } from '../environment/keyring';
import type { Vault } from '../environment/vault';
import { setSetting } from '../settings/settings';
import type { KdfParams } from '../ports';
import type { Db } from '../db/open';
import { findUser, readVerifier, setMustChangePassword, writeVerifier } from './repo';

/**
 * Every account proves its password against a verifier inside the encrypted database; key holders
 * also have an entry in the key file, which is what lets them open the environment when it is locked.
 */
export class Passwords {
  constructor(
    private readonly vault: Vault,
    private readonly keyring: Keyring,
    private readonly kdf: KdfParams,
  ) {}

  /**
   * Sets a password: the verifier always; the key-file entry only for an active key holder.
   * `alongside` writes what must change with the password in the same transaction (the signing key's
   * re-wrap on a change, its revocation on a reset), so that neither is stored without the other.
   */
  async set(
    userId: number,
    password: string,
    opts: { temporary: boolean; alongside?: (db: Db) => void },
  ): Promise<void> {
    const verifier = await newVerifier(password, this.kdf);
    const db = this.vault.database();
    const user = findUser(db, userId);
    if (!user) return;
    db.transaction(() => {
      writeVerifier(db, userId, verifier);
      setMustChangePassword(db, userId, opts.temporary);
      opts.alongside?.(db);
    })();
    if (user.keyHolder && !user.disabled) {
      // A holder's new password replaces their entry, but a copy of the old key file with the old
      // (perhaps leaked) password still gives the current database key: advise renewing it.
      const replacing = this.keyring.hasEntry(userId);
      await this.keyring.enrol(userId, user.username, password);
      if (replacing) setSetting(db, 'rekey_advised', true);
    } else this.keyring.remove(userId);
  }

  /**
   * Checks a password while the environment is open. A holder from before verifiers existed is
   * checked against their key-file entry; a participant's old wrap against itself. Either way a
   * proper verifier replaces it on success, and a key holder without an entry yet (made holder by
   * the beheerder since their last login) gets one now that their password is known.
   */
  async check(userId: number, password: string): Promise<boolean> {
    const verifier = readVerifier(this.vault.database(), userId);
    const ok = verifier
      ? await checkVerifier(verifier, password)
      : await this.keyring.verify(userId, password);
    if (!ok) return false;
    // The database is asked for again after every wait: the environment may have been locked
    // meanwhile (idle time, a key holder's Vergrendelen), which must answer "locked", not crash on a
    // closed connection.
    if (!verifier || verifier.kind !== 'scrypt') {
      const fresh = await newVerifier(password, this.kdf);
      writeVerifier(this.vault.database(), userId, fresh);
    }
    const user = findUser(this.vault.database(), userId);
    if (user?.keyHolder && !user.disabled && !this.keyring.has(userId))
      await this.keyring.enrol(userId, user.username, password);
    return true;
  }
}

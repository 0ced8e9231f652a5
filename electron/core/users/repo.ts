import { z } from 'zod';
import { OrganisationKind, Role, type Session } from '../../../shared/domain/roles';
import type { User } from '../../../shared/domain/environment';
import { AppError } from '../../../shared/errors';
import { PasswordVerifier } from '../crypto/verifier';
import type { Db } from '../db/open';

/** Users: every statement on the users table lives here. */
interface UserRow {
  id: number;
  username: string;
  display_name: string;
  organisation_id: number;
  roles: string;
  disabled: number;
  key_holder: number;
  must_change_password: number;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  organisationId: r.organisation_id,
  roles: z.array(Role).parse(JSON.parse(r.roles)),
  disabled: r.disabled === 1,
  keyHolder: r.key_holder === 1,
});

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map(toUser);
}

export function findUser(db: Db, id: number): User | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function getUser(db: Db, id: number): User {
  const user = findUser(db, id);
  if (!user) throw new AppError('NOT_FOUND', 'No such user');
  return user;
}

export function findUserIdByName(db: Db, username: string): number | null {
  const row = db.prepare('SELECT id FROM users WHERE username = ?').get(username.trim()) as
    { id: number } | undefined;
  return row?.id ?? null;
}

export function usernameTaken(db: Db, username: string): boolean {
  return findUserIdByName(db, username) !== null;
}

export function setDisabled(db: Db, id: number, disabled: boolean): void {
  db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
}

export function setKeyHolder(db: Db, id: number, keyHolder: boolean): void {
  db.prepare('UPDATE users SET key_holder = ? WHERE id = ?').run(keyHolder ? 1 : 0, id);
}

export function setMustChangePassword(db: Db, id: number, must: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(must ? 1 : 0, id);
}

export function readVerifier(db: Db, id: number): PasswordVerifier | null {
  const row = db.prepare('SELECT password_verifier AS v FROM users WHERE id = ?').get(id) as
    { v: string | null } | undefined;
  if (!row?.v) return null;
  const parsed = PasswordVerifier.safeParse(JSON.parse(row.v));
  return parsed.success ? parsed.data : null;
}

export function writeVerifier(db: Db, id: number, verifier: PasswordVerifier): void {
  db.prepare('UPDATE users SET password_verifier = ? WHERE id = ?').run(JSON.stringify(verifier), id);
}

/** Active key holders: the accounts whose wraps belong in the key file. */
export function keyHolderIds(db: Db): Set<number> {
  const rows = db.prepare('SELECT id FROM users WHERE key_holder = 1 AND disabled = 0').all() as {
    id: number;
  }[];
  return new Set(rows.map((r) => r.id));
}

/** The session of an active user, or null when the user is unknown or disabled. */
export function loadSession(db: Db, userId: number): Session | null {
  const row = db
    .prepare(
      `SELECT u.*, o.name AS org_name, o.kind AS org_kind
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?`,
    )
    .get(userId) as (UserRow & { org_name: string; org_kind: string }) | undefined;
  if (!row || row.disabled) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    organisationName: row.org_name,
    organisationKind: OrganisationKind.parse(row.org_kind),
    roles: z.array(Role).parse(JSON.parse(row.roles)),
    keyHolder: row.key_holder === 1,
    mustChangePassword: row.must_change_password === 1,
  };
}

/** The public key a holder's key-file entry must carry (null: not enrolled since version 4). */
export function holderPublicKey(db: Db, id: number): string | null {
  const row = db.prepare('SELECT holder_public_key AS k FROM users WHERE id = ?').get(id) as
    { k: string | null } | undefined;
  return row?.k ?? null;
}

export function setHolderPublicKey(db: Db, id: number, publicKey: string | null): void {
  db.prepare('UPDATE users SET holder_public_key = ? WHERE id = ?').run(publicKey, id);
}

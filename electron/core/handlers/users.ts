import { z } from 'zod';
import type { Handlers } from '../../../shared/contract/index';
import { Role, OrganisationKind } from '../../../shared/domain/roles';
import type { Organisation, User } from '../../../shared/domain/environment';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { insertUser } from '../environment/setup';
import { verifyAudit } from '../audit/audit';
import type { Db } from '../db/open';

type UserHandlers = Pick<
  Handlers,
  | 'users.list'
  | 'users.create'
  | 'users.setDisabled'
  | 'users.resetPassword'
  | 'organisations.list'
  | 'organisations.add'
  | 'organisations.setSeesSpecial'
  | 'audit.verify'
>;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  organisation_id: number;
  roles: string;
  disabled: number;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  organisationId: r.organisation_id,
  roles: z.array(Role).parse(JSON.parse(r.roles)),
  disabled: r.disabled === 1,
});

export function listOrganisations(db: Db): Organisation[] {
  const rows = db.prepare('SELECT id, name, kind, active, sees_special FROM organisations ORDER BY sort_order, id').all() as {
    id: number;
    name: string;
    kind: string;
    active: number;
    sees_special: number;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, kind: OrganisationKind.parse(r.kind), active: r.active === 1, seesSpecialCategories: r.sees_special === 1 }));
}

function getUser(db: Db, id: number): User {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such user');
  return toUser(row);
}

export function userHandlers(ctx: CoreContext): UserHandlers {
  const { vault } = ctx;
  return {
    'users.list': () => (vault.database().prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map(toUser),

    'users.create': async (input, { session }) => {
      const s = requireSession(session);
      const user = writeAudited(ctx, s, (db) => {
        if (!db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(input.organisationId)) {
          throw new AppError('BAD_INPUT', 'Unknown organisation', { fields: [{ path: 'organisationId', code: 'unknown', message: 'Unknown organisation' }] });
        }
        if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username)) {
          throw new AppError('CONFLICT', 'Username taken', { fields: [{ path: 'username', code: 'taken', message: 'Username taken' }] });
        }
        const id = insertUser(db, input, ctx.nowIso());
        return { result: getUser(db, id), audit: { action: 'user.create', entity: 'users', ids: [id] } };
      });
      await vault.setPassword(user.id, user.username, input.password);
      return user;
    },

    'users.setDisabled': ({ userId, disabled }, { session }) => {
      const s = requireSession(session);
      if (userId === s.userId && disabled) {
        throw new AppError('CONFLICT', 'You cannot disable yourself', { fields: [{ path: 'userId', code: 'self', message: 'Cannot disable yourself' }] });
      }
      const user = writeAudited(ctx, s, (db) => {
        getUser(db, userId);
        db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, userId);
        return { result: getUser(db, userId), audit: { action: disabled ? 'user.disable' : 'user.enable', entity: 'users', ids: [userId] } };
      });
      // A disabled user's wrap is removed, so their password no longer opens the database at all.
      if (disabled) vault.removePassword(userId);
      return user;
    },

    'users.resetPassword': async ({ userId, password }, { session }) => {
      const s = requireSession(session);
      const user = getUser(vault.database(), userId);
      if (user.disabled) throw new AppError('CONFLICT', 'User is disabled');
      await vault.setPassword(user.id, user.username, password);
      writeAudited(ctx, s, () => ({ result: null, audit: { action: 'user.reset_password', entity: 'users', ids: [userId] } }));
      return { done: true as const };
    },

    'organisations.list': () => listOrganisations(vault.database()),

    'organisations.add': (input, { session }) =>
      writeAudited(ctx, session, (db) => {
        if (db.prepare('SELECT 1 FROM organisations WHERE name = ?').get(input.name)) {
          throw new AppError('CONFLICT', 'Organisation exists', { fields: [{ path: 'name', code: 'taken', message: 'Organisation exists' }] });
        }
        const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM organisations').get() as { n: number }).n;
        const id = Number(
          db.prepare('INSERT INTO organisations (name, kind, sees_special, sort_order) VALUES (?, ?, ?, ?)').run(input.name, input.kind, input.kind === 'ggd' ? 1 : 0, order).lastInsertRowid,
        );
        return { result: listOrganisations(db).find((o) => o.id === id)!, audit: { action: 'organisation.create', entity: 'organisations', ids: [id] } };
      }),

    // Who besides the gemeente's casemanagers may see special-category data is decided per organisation.
    'organisations.setSeesSpecial': ({ organisationId, seesSpecial }, { session }) =>
      writeAudited(ctx, session, (db) => {
        const changed = db.prepare('UPDATE organisations SET sees_special = ? WHERE id = ?').run(seesSpecial ? 1 : 0, organisationId).changes;
        if (changed === 0) throw new AppError('NOT_FOUND', 'No such organisation');
        return {
          result: listOrganisations(db).find((o) => o.id === organisationId)!,
          audit: { action: 'organisation.update', entity: 'organisations', ids: [organisationId] },
        };
      }),

    'audit.verify': () => verifyAudit(vault.database()),
  };
}

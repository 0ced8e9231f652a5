import type { Handlers } from '../../../shared/contract/index';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { requireHostRoles } from '../../../shared/domain/permissions';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { insertUser } from '../environment/setup';
import { getSetting } from '../settings/settings';
import {
  insertOrganisation,
  listOrganisations,
  nextSortOrder,
  organisationExists,
  organisationNameTaken,
  setSeesSpecial,
} from '../organisations/repo';
import { getUser, keyHolderIds, listUsers, setDisabled, setKeyHolder, usernameTaken } from '../users/repo';
import { verifyAudit } from '../audit/audit';
import { revokeSigningCertificate } from '../signing/store';
import { dropCaKeyOf } from '../signing/ca-store';
import type { Db } from '../db/open';

type UserHandlers = Pick<
  Handlers,
  | 'users.list'
  | 'users.create'
  | 'users.setDisabled'
  | 'users.setKeyHolder'
  | 'users.resetPassword'
  | 'keys.rekey'
  | 'keys.status'
  | 'organisations.list'
  | 'organisations.add'
  | 'organisations.setSeesSpecial'
  | 'audit.verify'
>;

export function userHandlers(ctx: CoreContext): UserHandlers {
  const { vault } = ctx;

  /** Takes a former key holder's entry out of the key file and re-keys, so their old copy opens nothing new. */
  const removeHolder = (userId: number, s: Session) => {
    if (!ctx.keyring.hasEntry(userId)) return null;
    ctx.keyring.remove(userId);
    const rekeyed = ctx.keyring.rekey();
    writeAudited(ctx, s, () => ({
      result: null,
      audit: { action: 'keys.rekey', entity: 'users', ids: [userId] },
    }));
    ctx.ports.logger.info('Database re-keyed after a key holder was removed');
    return rekeyed;
  };

  return {
    'users.list': () => listUsers(vault.database()),

    'users.create': async (input, { session }) => {
      const s = requireSession(session);
      const user = writeAudited(ctx, s, (db) => {
        if (!organisationExists(db, input.organisationId)) {
          throw new AppError('BAD_INPUT', 'Unknown organisation', {
            fields: [{ path: 'organisationId', code: 'unknown', message: 'Unknown organisation' }],
          });
        }
        requireHostRoles(input, listOrganisations(db).find((o) => o.id === input.organisationId)!.kind);
        if (usernameTaken(db, input.username)) {
          throw new AppError('CONFLICT', 'Username taken', {
            fields: [{ path: 'username', code: 'taken', message: 'Username taken' }],
          });
        }
        const id = insertUser(db, input, ctx.nowIso());
        return { result: getUser(db, id), audit: { action: 'user.create', entity: 'users', ids: [id] } };
      });
      await ctx.passwords.set(user.id, input.password, { temporary: false });
      return user;
    },

    'users.setDisabled': ({ userId, disabled }, { session }) => {
      const s = requireSession(session);
      if (userId === s.userId && disabled) {
        throw new AppError('CONFLICT', 'You cannot disable yourself', {
          fields: [{ path: 'userId', code: 'self', message: 'Cannot disable yourself' }],
        });
      }
      const before = getUser(vault.database(), userId);
      if (disabled && before.keyHolder && !before.disabled) assertNotLastHolder(vault.database(), userId);
      const user = writeAudited(ctx, s, (db) => {
        setDisabled(db, userId, disabled);
        return {
          result: getUser(db, userId),
          audit: { action: disabled ? 'user.disable' : 'user.enable', entity: 'users', ids: [userId] },
        };
      });
      if (!disabled) return { user, rekeyed: null };
      // A disabled user is logged out everywhere; a disabled key holder also loses the key itself.
      ctx.sessions.endUser(userId);
      return { user, rekeyed: removeHolder(userId, s) };
    },

    'users.setKeyHolder': ({ userId, keyHolder }, { session }) => {
      const s = requireSession(session);
      const before = getUser(vault.database(), userId);
      if (!keyHolder && userId === s.userId) {
        throw new AppError('CONFLICT', 'You cannot remove your own key', {
          fields: [{ path: 'userId', code: 'self_key', message: 'Cannot remove own key' }],
          info: { reason: 'own_key' },
        });
      }
      if (!keyHolder && before.keyHolder) assertNotLastHolder(vault.database(), userId);
      const user = writeAudited(ctx, s, (db) => {
        setKeyHolder(db, userId, keyHolder);
        return {
          result: getUser(db, userId),
          audit: { action: keyHolder ? 'user.grant_key' : 'user.revoke_key', entity: 'users', ids: [userId] },
        };
      });
      // A new holder gets their entry at their next login, when their password is known.
      return { user, rekeyed: keyHolder || !before.keyHolder ? null : removeHolder(userId, s) };
    },

    'users.resetPassword': async ({ userId, password }, { session }) => {
      const s = requireSession(session);
      const user = getUser(vault.database(), userId);
      if (user.disabled) throw new AppError('CONFLICT', 'User is disabled');
      // A temporary password: the person must choose their own at the next login. Their signing key
      // was wrapped with the password they no longer have, and whoever set the temporary one must not
      // inherit it: the certificate is revoked and its key deleted; a new one is issued at their first
      // signature, which the dispatcher allows only once they have chosen their own password.
      // Likewise the CA's key when they keep it: lost, so that the temporary password issues nothing.
      let revoked: number | null = null;
      let caDropped = false;
      await ctx.passwords.set(user.id, password, {
        temporary: true,
        alongside: (db) => {
          revoked = revokeSigningCertificate(db, user.id, 'password_reset', ctx.nowIso());
          caDropped = dropCaKeyOf(db, user.id);
        },
      });
      writeAudited(ctx, s, () => ({
        result: null,
        audit: [
          { action: 'user.reset_password', entity: 'users', ids: [userId] },
          ...(revoked === null ? [] : [{ action: 'certificate.revoke', entity: 'users', ids: [userId] }]),
          ...(caDropped ? [{ action: 'ca.key_lost', entity: 'meta', ids: [userId] }] : []),
        ],
      }));
      if (userId !== s.userId) ctx.sessions.endUser(userId);
      return { done: true as const };
    },

    'keys.rekey': (_input, { session }) => {
      const s = requireSession(session);
      const result = ctx.keyring.rekey();
      writeAudited(ctx, s, () => ({
        result: null,
        audit: { action: 'keys.rekey', entity: 'meta', ids: [] },
      }));
      return result;
    },

    'keys.status': () => {
      const db = vault.database();
      const holders = listUsers(db).filter((u) => u.keyHolder && !u.disabled);
      return {
        rekeyAdvised: getSetting(db, 'rekey_advised'),
        holders: holders.map((u) => ({
          userId: u.id,
          username: u.username,
          enrolled: ctx.keyring.has(u.id),
        })),
      };
    },

    'organisations.list': () => listOrganisations(vault.database()),

    'organisations.add': (input, { session }) =>
      writeAudited(ctx, session, (db) => {
        if (organisationNameTaken(db, input.name)) {
          throw new AppError('CONFLICT', 'Organisation exists', {
            fields: [{ path: 'name', code: 'taken', message: 'Organisation exists' }],
          });
        }
        const id = insertOrganisation(db, {
          name: input.name,
          kind: input.kind,
          sortOrder: nextSortOrder(db),
        });
        return {
          result: listOrganisations(db).find((o) => o.id === id)!,
          audit: { action: 'organisation.create', entity: 'organisations', ids: [id] },
        };
      }),

    // Who besides the gemeente's casemanagers may see special-category data is decided per organisation.
    'organisations.setSeesSpecial': ({ organisationId, seesSpecial }, { session }) =>
      writeAudited(ctx, session, (db) => {
        if (!setSeesSpecial(db, organisationId, seesSpecial))
          throw new AppError('NOT_FOUND', 'No such organisation');
        return {
          result: listOrganisations(db).find((o) => o.id === organisationId)!,
          audit: { action: 'organisation.update', entity: 'organisations', ids: [organisationId] },
        };
      }),

    'audit.verify': () => verifyAudit(vault.database()),
  };
}

/** There must always be someone who can open the environment besides the recovery key. */
function assertNotLastHolder(db: Db, userId: number): void {
  const others = [...keyHolderIds(db)].filter((id) => id !== userId);
  if (others.length === 0) {
    throw new AppError('CONFLICT', 'The last key holder cannot be removed', {
      fields: [{ path: 'userId', code: 'last_key_holder', message: 'Last key holder' }],
      info: { reason: 'last_key_holder' },
    });
  }
}

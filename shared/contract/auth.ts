import { z } from 'zod';
import { allow, method, publicAccess } from './define';
import {
  Password,
  SetupInput,
  User,
  Organisation,
  EnvironmentSettings,
  Username,
  OrganisationInput,
} from '../domain/environment';
import { Role, Session } from '../domain/roles';

const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });
const Id = z.number().int().positive();

export const AppState = z.enum(['leeg', 'vergrendeld', 'open']);
export type AppState = z.infer<typeof AppState>;

export const AppStatus = z.object({
  state: AppState,
  city: z.string().nullable(),
  demo: z.boolean(),
  session: Session.nullable(),
  idleLockMinutes: z.number().int(),
  /**
   * This caller's idle timer: seconds until their session ends, and whether that closes the
   * environment for everyone (they are the last key holder logged in), so the UI can warn first.
   */
  idle: z.object({ secondsLeft: z.number().int().min(0), closesEnvironment: z.boolean() }).nullable(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const DemoUser = z.object({
  username: z.string(),
  password: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  roles: z.array(Role),
});
export type DemoUser = z.infer<typeof DemoUser>;

export const AuditVerification = z.object({
  valid: z.boolean(),
  records: z.number().int(),
  head: z.string(),
  /** Id of the first record that does not match its hash, when invalid. */
  brokenAt: z.number().int().nullable(),
});

/**
 * The environment check: SQLite's integrity check, proof that the file on disk is encrypted, the
 * audit chain and its anchors (heads frozen in adopted minutes, the head file beside the key file).
 * `reason` says in one English line what failed first, when something did.
 */
export const CheckFinding = z.enum([
  'damaged_pages',
  'not_encrypted',
  'audit_broken',
  'frozen_head',
  'behind',
  'diverged',
  'head_missing',
  'head_unreadable',
  'head_foreign',
  'signature',
]);
export type CheckFinding = z.infer<typeof CheckFinding>;
export const EnvironmentCheck = z.object({
  ok: z.boolean(),
  reason: z.string().nullable(),
  /** What failed first, as a code for the Dutch wording; null when nothing did. */
  finding: CheckFinding.nullable(),
  integrity: z.string(),
  encrypted: z.boolean(),
  audit: AuditVerification,
});
export type EnvironmentCheck = z.infer<typeof EnvironmentCheck>;

/** A new recovery key after a re-key, shown once; holders who need a new password to open the environment. */
export const Rekeyed = z.object({ recoveryKey: z.string(), needNewPassword: z.array(z.string()) });
export type Rekeyed = z.infer<typeof Rekeyed>;

/** A change to an account; removing a key holder re-keys the database and returns the new recovery key. */
export const UserChange = z.object({ user: User, rekeyed: Rekeyed.nullable() });
export type UserChange = z.infer<typeof UserChange>;

export const authMethods = {
  'app.status': method({
    input: Empty,
    output: AppStatus,
    access: publicAccess,
    activity: false,
    allowedWithTemporaryPassword: true,
  }),
  'setup.create': method({
    input: SetupInput,
    output: z.object({ recoveryKey: z.string() }),
    access: publicAccess,
  }),
  'setup.demo': method({
    input: Empty,
    output: z.object({ users: z.array(DemoUser) }),
    access: publicAccess,
  }),
  'auth.login': method({
    input: z
      .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
      .strict(),
    output: Session,
    access: publicAccess,
  }),
  /**
   * Opens the environment with the recovery key (or, when it is open, proves the key) and gives this
   * caller a recovery session: no account, only the rights of recoveryActions in permissions.ts.
   * Throttled like a login, per source; audited as `session.recovery`.
   */
  'auth.openWithRecoveryKey': method({
    input: z.object({ recoveryKey: z.string().trim().min(1).max(200) }).strict(),
    output: Session,
    access: publicAccess,
  }),
  /**
   * "Wachtwoord of sleutelbestand kwijt": the recovery key gives a key holder a new password and, when
   * the key file is missing, damaged or of another database, rebuilds it (the old one renamed aside).
   * Throttled like a login; audited as `user.recover`. The environment is left as it was (closed when it
   * was closed): the holder then logs in with the new password. Other holders who lost their entry
   * with a rebuilt key file are named; each recovers the same way or gets a new password from the beheerder.
   */
  'auth.recover': method({
    input: z
      .object({
        recoveryKey: z.string().trim().min(1).max(200),
        username: z.string().trim().min(1).max(64),
        password: Password,
      })
      .strict(),
    output: z.object({ rebuiltKeyFile: z.boolean(), othersWithoutKey: z.array(z.string()) }),
    access: publicAccess,
  }),
  /** A key holder closes the environment for everyone; anyone else only ends their own session. */
  'auth.lock': method({
    input: Empty,
    output: Done,
    access: publicAccess,
    allowedWithTemporaryPassword: true,
  }),
  /** Ends only the caller's own session (the environment stays open while a key holder is logged in). */
  'auth.logout': method({
    input: Empty,
    output: Done,
    access: publicAccess,
    allowedWithTemporaryPassword: true,
  }),
  'auth.changePassword': method({
    input: z.object({ current: z.string().min(1).max(256), next: Password }).strict(),
    output: Done,
    access: allow('account.own'),
    allowedWithTemporaryPassword: true,
  }),
  'organisations.list': method({
    input: Empty,
    output: z.array(Organisation),
    access: allow('environment.read'),
  }),
  'organisations.add': method({
    input: OrganisationInput.strict(),
    output: Organisation,
    access: allow('administer'),
  }),
  'users.list': method({ input: Empty, output: z.array(User), access: allow('administer') }),
  'users.create': method({
    input: z
      .object({
        displayName: z.string().trim().min(1).max(80),
        username: Username,
        organisationId: Id,
        roles: z.array(Role).min(1),
        password: Password,
        /** Omitted: the default (beheerder, voorzitter and notulist of the hosting gemeente hold it). */
        keyHolder: z.boolean().optional(),
        /**
         * The beheerder's explicit exception to the rule that the roles speaking for the table
         * (voorzitter, notulist, casemanager) belong to the gemeente (shared/domain/permissions.ts).
         */
        outsideHost: z.boolean().default(false),
      })
      .strict(),
    output: User,
    access: allow('administer'),
  }),
  'users.setDisabled': method({
    input: z.object({ userId: Id, disabled: z.boolean() }).strict(),
    output: UserChange,
    access: allow('administer'),
  }),
  'users.setKeyHolder': method({
    input: z.object({ userId: Id, keyHolder: z.boolean() }).strict(),
    output: UserChange,
    access: allow('administer'),
  }),
  /** Re-encrypts the database with a new key: the old recovery key and old key-file copies open nothing new. */
  'keys.rekey': method({ input: Empty, output: Rekeyed, access: allow('administer') }),
  'keys.status': method({
    input: Empty,
    output: z.object({
      rekeyAdvised: z.boolean(),
      holders: z.array(z.object({ userId: Id, username: z.string(), enrolled: z.boolean() })),
    }),
    access: allow('administer'),
  }),
  'users.resetPassword': method({
    input: z.object({ userId: Id, password: Password }).strict(),
    output: Done,
    access: allow('administer'),
  }),
  'settings.get': method({ input: Empty, output: EnvironmentSettings, access: allow('environment.read') }),
  'settings.update': method({
    input: z.object({ idleLockMinutes: z.number().int().min(1).max(240) }).strict(),
    output: EnvironmentSettings,
    access: allow('administer'),
  }),
  'audit.verify': method({ input: Empty, output: AuditVerification, access: allow('administer') }),
  'environment.check': method({ input: Empty, output: EnvironmentCheck, access: allow('environment.check') }),
} as const;

import { z } from 'zod';
import { anyUser, method, publicAccess, rolesOnly } from './define';
import { Password, SetupInput, User, Organisation, EnvironmentSettings, Username, OrganisationInput } from '../domain/environment';
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

export const authMethods = {
  'app.status': method({ input: Empty, output: AppStatus, access: publicAccess, activity: false }),
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
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: Session,
    access: publicAccess,
  }),
  'auth.lock': method({ input: Empty, output: Done, access: publicAccess }),
  'auth.changePassword': method({
    input: z.object({ current: z.string().min(1).max(256), next: Password }).strict(),
    output: Done,
    access: anyUser,
  }),
  'organisations.list': method({ input: Empty, output: z.array(Organisation), access: anyUser }),
  'organisations.add': method({ input: OrganisationInput.strict(), output: Organisation, access: rolesOnly('beheerder') }),
  'users.list': method({ input: Empty, output: z.array(User), access: rolesOnly('beheerder') }),
  'users.create': method({
    input: z
      .object({
        displayName: z.string().trim().min(1).max(80),
        username: Username,
        organisationId: Id,
        roles: z.array(Role).min(1),
        password: Password,
      })
      .strict(),
    output: User,
    access: rolesOnly('beheerder'),
  }),
  'users.setDisabled': method({
    input: z.object({ userId: Id, disabled: z.boolean() }).strict(),
    output: User,
    access: rolesOnly('beheerder'),
  }),
  'users.resetPassword': method({
    input: z.object({ userId: Id, password: Password }).strict(),
    output: Done,
    access: rolesOnly('beheerder'),
  }),
  'settings.get': method({ input: Empty, output: EnvironmentSettings, access: anyUser }),
  'settings.update': method({
    input: z.object({ idleLockMinutes: z.number().int().min(1).max(240) }).strict(),
    output: EnvironmentSettings,
    access: rolesOnly('beheerder'),
  }),
  'audit.verify': method({ input: Empty, output: AuditVerification, access: rolesOnly('beheerder') }),
} as const;

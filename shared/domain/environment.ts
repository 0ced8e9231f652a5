import { z } from 'zod';
import { OrganisationKind, Role } from './roles';
import { ShippedThemeId } from '../theme/themes';

export const Cadence = z.enum(['wekelijks', 'tweewekelijks', 'maandelijks']);
export type Cadence = z.infer<typeof Cadence>;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** A password users choose: long enough to resist guessing, no composition rules (NIST 800-63B). */
export const Password = z.string().min(12, 'password_too_short').max(256);
export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/i);

export const OrganisationInput = z.object({
  name: trimmed(80),
  kind: OrganisationKind,
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const defaultOrganisations = (city: string): OrganisationInput[] => [
  { name: `Gemeente ${city}`.trim(), kind: 'gemeente' },
  { name: 'IND', kind: 'ind' },
  { name: 'DT&V', kind: 'dtv' },
  { name: 'VluchtelingenWerk', kind: 'ngo' },
  { name: 'Politie', kind: 'politie' },
];

export const SetupInput = z
  .object({
    city: trimmed(60),
    cadence: Cadence.default('wekelijks'),
    termMonths: z.number().int().min(1).max(60).default(6),
    /** The house style to start with (shared/theme); the beheerder may change it later. */
    theme: ShippedThemeId.default('standaard'),
    organisations: z.array(OrganisationInput).min(2).max(30),
    admin: z.object({
      displayName: trimmed(80),
      username: Username,
      password: Password,
      /** Index into organisations: the administrator's own organisation. */
      organisationIndex: z.number().int().min(0),
    }),
  })
  .superRefine((v, ctx) => {
    const names = new Set<string>();
    v.organisations.forEach((o, i) => {
      const key = o.name.toLocaleLowerCase('nl');
      if (names.has(key))
        ctx.addIssue({ code: 'custom', path: ['organisations', i, 'name'], message: 'duplicate' });
      names.add(key);
    });
    if (!v.organisations.some((o) => o.kind === 'gemeente'))
      ctx.addIssue({ code: 'custom', path: ['organisations'], message: 'gemeente_required' });
    if (v.admin.organisationIndex >= v.organisations.length)
      ctx.addIssue({ code: 'custom', path: ['admin', 'organisationIndex'], message: 'out_of_range' });
  });
export type SetupInput = z.input<typeof SetupInput>;

export const Organisation = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: OrganisationKind,
  active: z.boolean(),
  seesSpecialCategories: z.boolean(),
});
export type Organisation = z.infer<typeof Organisation>;

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  organisationId: z.number().int(),
  roles: z.array(Role),
  disabled: z.boolean(),
  /** Holds a wrap of the database key (can open the environment); others join while it is open. */
  keyHolder: z.boolean(),
});
export type User = z.infer<typeof User>;

export const EnvironmentSettings = z.object({
  city: z.string(),
  cadence: Cadence,
  termMonths: z.number().int(),
  idleLockMinutes: z.number().int().min(1).max(240),
  demo: z.boolean(),
});
export type EnvironmentSettings = z.infer<typeof EnvironmentSettings>;

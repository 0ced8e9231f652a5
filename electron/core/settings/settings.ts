import { z } from 'zod';
import { StoredAgendaSettings } from '../../../shared/contract/meetings';
import { defaultRequiredParties, RequiredParties } from '../../../shared/domain/consent';
import { Cadence } from '../../../shared/domain/environment';
import { ThemeChoice } from '../../../shared/theme/themes';
import type { Db } from '../db/open';
import { one, run } from '../db/sql';

/*
 * The environment's settings, stored as text in the `meta` table. Every key is declared once here with
 * how its text is read (a zod schema from string to value), the value when it is missing or unreadable,
 * and how a value is written back; callers get and set typed values and never see the text.
 * A stored value that does not parse falls back to the default rather than breaking the screen that
 * reads it: every write goes through `setSetting`, so that only happens after a hand edit.
 */

interface Setting<T> {
  schema: z.ZodType<T, string>;
  fallback: T;
  write(value: T): string;
}

const setting = <T>(schema: z.ZodType<T, string>, fallback: T, write: (value: T) => string): Setting<T> => ({
  schema,
  fallback,
  write,
});

const text = (fallback: string) => setting(z.string(), fallback, (v) => v);
/** A value with no sensible default (ids, keys): undefined until it is written. */
const optionalText = () => setting<string | undefined>(z.string(), undefined, (v) => v ?? '');
const integer = (fallback: number) =>
  setting(
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
    fallback,
    (v) => String(v),
  );
const flag = (fallback: boolean) =>
  setting(
    z.string().transform((v) => v === '1'),
    fallback,
    (v) => (v ? '1' : '0'),
  );
const json = <T>(schema: z.ZodType<T>, fallback: T) =>
  setting(
    z
      .string()
      .transform((s, ctx) => {
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'Not JSON' });
          return z.NEVER;
        }
      })
      .pipe(schema),
    fallback,
    (v) => JSON.stringify(v),
  );

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DEFAULT_TERM_MONTHS = 6;
export const DEFAULT_ESCALATION_BODY = 'Landelijke werkgroep vastgelopen dossiers';
export const defaultAgendaSettings: StoredAgendaSettings = {
  targetWindowWeeks: 4,
  cutoff: { daysBefore: 1, time: '12:00' },
  minutesPerDossier: 5,
  noContactWeeks: 4,
};

/** Every meta key the application reads or writes. */
export const settings = {
  /** The city (gemeente) this environment is for; shown on agendas, minutes and the projector. */
  city: text(''),
  cadence: setting(Cadence, 'wekelijks', (v) => v),
  /** The default term from referral to target date. */
  term_months: integer(DEFAULT_TERM_MONTHS),
  idle_lock_minutes: integer(DEFAULT_IDLE_LOCK_MINUTES),
  /** Whether this is a demo environment (filled with invented data). */
  demo: flag(false),
  created_at: optionalText(),
  database_id: optionalText(),
  agenda_settings: json(StoredAgendaSettings, defaultAgendaSettings),
  /** Where a stuck dossier is escalated to. */
  escalation_body: text(DEFAULT_ESCALATION_BODY),
  /**
   * The bodies this city puts a dossier to ("voorleggen aan"); `escalation_body` is the first one
   * offered. The sources name the national werkgroep, a city's stuurgroep and the wethouder.
   */
  escalation_bodies: json(z.array(z.string().min(1).max(120)).min(1).max(20), [
    DEFAULT_ESCALATION_BODY,
    'Stuurgroep',
    'Wethouder',
  ]),
  /** Per decision direction, the kinds of organisation whose consent a carried decision needs. */
  required_parties: json(RequiredParties, defaultRequiredParties),
  /** Whether the full minutes may carry full names instead of initials. */
  minutes_full_names: flag(false),
  /** The environment's signing CA: its certificate (PEM). */
  ca_certificate: optionalText(),
  /** Before schema 6: the CA's PKCS#8 key in the clear (base64); gone at the first beheerder login. */
  ca_private_key: optionalText(),
  /** The CA's key wrapped with its keeper's password (JSON, signing/ca-key.ts StoredCaKey). */
  ca_key: optionalText(),
  /** The CA's latest revocation list (PEM), signed whenever the keeper unlocks the CA key. */
  ca_crl: optionalText(),
  /** The meeting room's own CA, for the listener's TLS only (JSON, room/certificate.ts RoomCa). */
  room_ca: optionalText(),
  /** The organisation that hosts the meeting (the gemeente whose machine holds the data). */
  host_organisation_id: optionalText(),
  /** Old key-file entries were removed: the beheerder is advised to re-key the database. */
  rekey_advised: flag(false),
  /**
   * This database has had a head file beside its key file (audit/head-file.ts): from then on a
   * missing head file is reported, so deleting it cannot hide a database put back to an older copy.
   */
  head_anchored: flag(false),
  /** The house style: a shipped theme or the city's own token file as read (shared/theme). */
  theme: json(ThemeChoice, { id: 'standaard' }),
  /** The folder the beheerder chose for backups (a local folder or a network share); unset: none. */
  backup_folder: optionalText(),
  /** How many backups of this environment are kept in that folder; older ones are removed. */
  backup_keep: integer(10),
  /** Why the last automatic backup (at the end of a meeting) failed, for the Beheer screen; '' when it did not. */
  backup_last_error: text(''),
};

export type SettingKey = keyof typeof settings;
export type SettingValue<K extends SettingKey> = (typeof settings)[K]['fallback'];

/** The stored text of a meta key, or undefined. Prefer `getSetting`, which parses it. */
export function rawSetting(db: Db, key: SettingKey): string | undefined {
  return readMeta(db, key);
}

/**
 * Untyped access by any key, for code that has not moved to the typed map yet
 * (environment/setup.ts's getMeta/setMeta). New code uses getSetting/setSetting.
 */
export function readMeta(db: Db, key: string): string | undefined {
  return one<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?', key)?.value;
}

export function writeMeta(db: Db, key: string, text: string): void {
  run(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    key,
    text,
  );
}

export function deleteMeta(db: Db, key: SettingKey): void {
  run(db, 'DELETE FROM meta WHERE key = ?', key);
}

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const def: Setting<SettingValue<K>> = settings[key];
  const raw = rawSetting(db, key);
  if (raw === undefined) return def.fallback;
  const parsed = def.schema.safeParse(raw);
  return parsed.success ? parsed.data : def.fallback;
}

export function setSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void {
  const def: Setting<SettingValue<K>> = settings[key];
  writeMeta(db, key, def.write(value));
}

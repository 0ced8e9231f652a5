import type { DemoUser } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/domain/roles';
import { appendAudit } from '../audit/audit';
import type { CoreContext } from '../context';
import { newDatabaseKey } from '../crypto/keywrap';
import { insertDossierRow, insertSpecialRow } from '../dossiers/insert';
import { computeTargetDate } from '../../../shared/domain/dossier';
import { insertUser, populateEnvironment } from '../environment/setup';
import { firstHolderKeys } from '../environment/keyring';
import { addDays } from '../../../shared/domain/dates';
import { demoDossiers, demoPersonFacts } from './demo-dossiers';
import { addDemoRecord } from './demo-record';
import { addDemoSignedMeeting } from '../minutes/demo-signed';
import { issueWithUnlockedCa } from '../signing/store';
import { newEnvironmentCa, refreshRevocationList, sealEnvironmentCa } from '../signing/ca-store';
import { addDemoOutcomes } from './demo-outcomes';
import { insertDemoMeetings } from '../meetings/demo-meetings';

/** The demo person's wish, contact and regievoerder, with dates counted back from the demo's today. */
function personFacts(i: number, today: string) {
  const f = demoPersonFacts[i]!;
  return {
    regievoerder: f.regievoerder,
    clientWish: f.clientWish,
    clientWishText: f.clientWishText,
    futureTalkDate: f.futureTalkDaysAgo === null ? null : addDays(today, -f.futureTalkDaysAgo),
    lastContactDate: addDays(today, -f.lastContactDaysAgo),
  };
}

const demoOrganisations = [
  { name: 'Gemeente Demostad', kind: 'gemeente' as const },
  { name: 'IND', kind: 'ind' as const },
  { name: 'DT&V', kind: 'dtv' as const },
  { name: 'VluchtelingenWerk', kind: 'ngo' as const },
  { name: 'Politie', kind: 'politie' as const },
  { name: 'GGD', kind: 'ggd' as const },
];

/** Demo users: one per role, and one participant per organisation. Passwords are shown on screen. */
const demoUsers: { username: string; displayName: string; org: number; roles: Role[] }[] = [
  { username: 'voorzitter', displayName: 'Vera Voorzitter', org: 0, roles: ['voorzitter'] },
  { username: 'notulist', displayName: 'Niels Notulist', org: 0, roles: ['notulist'] },
  { username: 'casemanager', displayName: 'Sanne de Vries', org: 0, roles: ['casemanager', 'deelnemer'] },
  { username: 'ind', displayName: 'Ilse (IND)', org: 1, roles: ['deelnemer'] },
  { username: 'dtv', displayName: 'Daan (DT&V)', org: 2, roles: ['deelnemer'] },
  { username: 'ngo', displayName: 'Noor (VluchtelingenWerk)', org: 3, roles: ['deelnemer'] },
  { username: 'politie', displayName: 'Paul (Politie)', org: 4, roles: ['deelnemer'] },
  { username: 'ggd', displayName: 'Gwen (GGD)', org: 5, roles: ['deelnemer'] },
];

export const demoPassword = (username: string) => `demo-${username}-2026`;
export const DEMO_ADMIN = 'beheerder';

/** Creates the demo environment in the vault's folder: the same encryption as a real one. */
export async function createDemo(ctx: CoreContext): Promise<DemoUser[]> {
  const { vault } = ctx;
  const key = newDatabaseKey();
  const ca = await newEnvironmentCa('Demostad', ctx.ports.clock());
  // Kept by the demo's beheerder, as in a real environment; the demo's signers get their certificates
  // now, with the CA still in hand, so its signed meeting needs no approval step.
  const sealed = await sealEnvironmentCa(ca, demoPassword(DEMO_ADMIN), vault.kdf);
  const at = ctx.nowIso();
  const userIds: number[] = [];
  const demoIds: number[] = [];
  let demoNgoId = 0;
  try {
    await vault.create(
      (db) => {
        const input = {
          city: 'Demostad',
          cadence: 'wekelijks' as const,
          termMonths: 6,
          organisations: demoOrganisations,
          admin: {
            displayName: 'Bea Beheerder',
            username: DEMO_ADMIN,
            password: demoPassword(DEMO_ADMIN),
            organisationIndex: 0,
          },
        };
        const env = populateEnvironment(db, input, at, true, sealed);
        for (const u of demoUsers) {
          userIds.push(
            insertUser(
              db,
              {
                username: u.username,
                displayName: u.displayName,
                organisationId: env.organisationIds[u.org]!,
                roles: u.roles,
              },
              at,
            ),
          );
        }
        const ngoId = env.organisationIds[3]!;
        demoNgoId = ngoId;
        const dossierIds = demoDossiers.map((d, i) => {
          const id = insertDossierRow(db, {
            number: `D-${d.referredAt.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
            city: d.city,
            vNumber: d.vNumber,
            name: d.name,
            aliases: d.aliases,
            sex: d.sex,
            birthDate: d.birthDate,
            birthDateEstimated: d.birthDateEstimated,
            countryOfOrigin: d.countryOfOrigin,
            nationality: d.nationality,
            firstKnownNl: d.firstKnownNl,
            familyInNl: d.familyInNl,
            languages: d.languages,
            leadNgoId: ngoId,
            casemanager: d.casemanager,
            shelter: d.shelter,
            referredAt: d.referredAt,
            intakeDate: d.intakeDate,
            track: d.track,
            status: d.status,
            targetDate: computeTargetDate(d, 6),
            stuck: d.stuckReason !== null,
            stuckReason: d.stuckReason,
            stuckReasonCode: d.stuckReasonCode ?? null,
            onHold: d.onHold,
            vulnerable: d.vulnerable,
            notes: d.notes,
            updatedAt: at,
            ...personFacts(i, ctx.today()),
          });
          insertSpecialRow(db, id, d.special);
          demoIds.push(id);
          return id;
        });
        appendAudit(db, {
          at,
          userId: env.adminUserId,
          organisationId: env.organisationIds[0]!,
          action: 'user.create',
          entity: 'users',
          ids: userIds,
        });
        appendAudit(db, {
          at,
          userId: env.adminUserId,
          organisationId: env.organisationIds[0]!,
          action: 'dossier.create',
          entity: 'dossiers',
          ids: dossierIds,
        });
        const meetingIds = insertDemoMeetings(db, {
          today: ctx.today(),
          organisationIds: env.organisationIds,
          dossierIds,
          chairUserId: userIds[0]!,
          secretaryUserId: userIds[1]!,
        });
        appendAudit(db, {
          at,
          userId: env.adminUserId,
          organisationId: env.organisationIds[0]!,
          action: 'meeting.create',
          entity: 'meetings',
          ids: meetingIds,
        });
        return env;
      },
      firstHolderKeys(key, demoPassword(DEMO_ADMIN), vault.kdf),
      key,
    );
    // Passwords for every demo user (key-file entries for the key holders) while we still hold the key.
    vault.open(key);
    const db = vault.database();
    for (const [i, u] of demoUsers.entries()) {
      if (!u.roles.includes('voorzitter') && !u.roles.includes('notulist')) continue;
      await issueWithUnlockedCa(db, userIds[i]!, ca, demoPassword(u.username), vault.kdf, ctx.ports.clock());
      appendAudit(db, {
        at,
        userId: null,
        organisationId: null,
        action: 'certificate.issue',
        entity: 'users',
        ids: [userIds[i]!],
      });
    }
    await refreshRevocationList(db, ca, ctx.ports.clock());
    ca.privateKeyPkcs8.fill(0);
    await addDemoSignedMeeting(vault.database(), ctx.today(), ctx.ports.clock(), {
      password: demoPassword,
      kdf: vault.kdf,
    });
    // After the signed meeting, so decisions are numbered in meeting order.
    addDemoRecord(vault.database(), ctx.today(), ctx.nowIso());
    addDemoOutcomes(
      vault.database(),
      {
        city: 'Demostad',
        voorzitterId: userIds[0]!,
        casemanagerId: userIds[2]!,
        ngoId: demoNgoId,
        at,
      },
      demoIds,
    );
    // The administrator's entry was made with the environment; their verifier follows at first login.
    for (const [i, u] of demoUsers.entries())
      await ctx.passwords.set(userIds[i]!, demoPassword(u.username), { temporary: false });
  } finally {
    vault.lock();
    key.fill(0);
  }
  return [
    {
      username: DEMO_ADMIN,
      password: demoPassword(DEMO_ADMIN),
      displayName: 'Bea Beheerder',
      organisation: demoOrganisations[0]!.name,
      roles: ['beheerder'],
    },
    ...demoUsers.map((u) => ({
      username: u.username,
      password: demoPassword(u.username),
      displayName: u.displayName,
      organisation: demoOrganisations[u.org]!.name,
      roles: u.roles,
    })),
  ];
}

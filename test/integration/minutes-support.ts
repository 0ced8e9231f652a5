import { insertDossierRow, insertSpecialRow } from '../../electron/core/dossiers/insert';
import type { Db } from '../../electron/core/db/open';
import { cityInput, makeEnv, type TestEnv } from '../support/backend';

/**
 * A real environment (Utrecht, five organisations) with a chair, a secretary and one participant per
 * organisation, and one finished meeting filled with plain SQL — the tables issues 3 and 4 fill —
 * so the minutes tests do not depend on those screens' handlers.
 */

export const PASSWORD = 'wachtwoord voor tests';
export const SECRET_HEALTH = 'PTSS, behandeling bij GGZ-instelling De Linde';
export const SECRET_JUSTICE = 'Vreemdelingenbewaring 2019';
export const V_NUMBER = '1234567890';

export interface MinutesFixture {
  env: TestEnv;
  db: () => Db;
  org: Record<'gemeente' | 'ind' | 'dtv' | 'ros' | 'politie', number>;
  user: Record<'vera' | 'niels' | 'ilse' | 'daan' | 'rosa' | 'pim', number>;
  meetingId: number;
  dossierNumbers: [string, string];
  positionIds: Record<string, number>;
  actionIds: { ros: number; ind: number };
  login(username: string): Promise<void>;
}

export async function minutesFixture(): Promise<MinutesFixture> {
  const env = makeEnv({ now: new Date('2026-04-14T13:00:00Z') });
  await env.api['setup.create'](cityInput);
  await env.api['auth.login']({ username: 'anna', password: cityInput.admin.password });
  const orgs = await env.api['organisations.list']({});
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const org = {
    gemeente: id('Gemeente Utrecht'),
    ind: id('IND'),
    dtv: id('DT&V'),
    ros: id('Stichting ROS'),
    politie: id('Politie'),
  };
  const people = [
    ['vera', 'Vera Voorzitter', org.gemeente, ['voorzitter']],
    ['niels', 'Niels Notulist', org.gemeente, ['notulist']],
    ['ilse', 'Ilse Ingen', org.ind, ['deelnemer']],
    ['daan', 'Daan Terpstra', org.dtv, ['deelnemer']],
    ['rosa', 'Rosa Ros', org.ros, ['deelnemer']],
    ['pim', 'Pim Post', org.politie, ['deelnemer']],
  ] as const;
  const user = {} as MinutesFixture['user'];
  for (const [username, displayName, organisationId, roles] of people) {
    const u = await env.api['users.create']({
      username,
      displayName,
      organisationId,
      roles: [...roles],
      password: PASSWORD,
    });
    user[username] = u.id;
  }
  // The chair and the secretary ask for their signing certificates; the beheerder approves them.
  await requestAndApprove(env, ['vera', 'niels']);
  const db = () => env.backend.vault.database();
  const filled = fillMeeting(db(), org, user);
  return {
    env,
    db,
    org,
    user,
    ...filled,
    login: async (username) => {
      await env.login(username, username === 'anna' ? cityInput.admin.password : PASSWORD);
    },
  };
}

/**
 * What the signers and the beheerder do before the first signature: each signer asks for a certificate
 * with their own password, then anna approves every request with hers. Leaves anna logged in.
 */
export async function requestAndApprove(env: TestEnv, usernames: string[]): Promise<void> {
  for (const username of usernames) {
    await env.login(username, PASSWORD);
    await env.api['certificates.request']({ password: PASSWORD });
  }
  await env.login('anna', cityInput.admin.password);
  for (const r of await env.api['certificates.requests']({}))
    await env.api['certificates.approve']({ requestId: r.id, password: cityInput.admin.password });
}

function dossier(db: Db, number: string, name: string, vNumber: string | null): number {
  const id = insertDossierRow(db, {
    number,
    city: 'Utrecht',
    vNumber,
    name,
    aliases: [],
    sex: null,
    birthDate: null,
    birthDateEstimated: false,
    countryOfOrigin: null,
    nationality: null,
    firstKnownNl: null,
    familyInNl: null,
    languages: null,
    leadNgoId: null,
    casemanager: null,
    shelter: 'geen',
    referredAt: '2026-01-05',
    intakeDate: null,
    track: 'nog_te_bepalen',
    status: 'in_traject',
    targetDate: null,
    stuck: false,
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    notes: null,
    updatedAt: '2026-01-05T10:00:00Z',
  });
  insertSpecialRow(db, id, {
    somatic: 'nee',
    psychiatric: 'ja',
    medicalObstacle: 'ja',
    healthDetail: SECRET_HEALTH,
    justice: SECRET_JUSTICE,
  });
  return id;
}

function fillMeeting(db: Db, org: MinutesFixture['org'], user: MinutesFixture['user']) {
  const d1 = dossier(db, 'D-2026-0001', 'Mateus Kiala Domingos', V_NUMBER);
  const d2 = dossier(db, 'D-2026-0002', 'Chen Xiu', '2345678901');
  const earlier = Number(
    db
      .prepare("INSERT INTO meetings (date, place, state) VALUES ('2026-04-07', 'Stadhuis', 'afgerond')")
      .run().lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO actions (dossier_id, meeting_id, what, organisation_id, person, due_date, status, postponements, reason, created_at)
     VALUES (?, ?, 'Reisdocument aanvragen', ?, 'Daan', '2026-04-10', 'open', 1, 'Wacht op de herhaalde aanvraag.', '2026-04-07T10:00:00Z')`,
  ).run(d2, earlier, org.dtv);
  const meetingId = Number(
    db
      .prepare(
        `INSERT INTO meetings (date, time, place, chair_user_id, secretary_user_id, state, started_at, ended_at)
         VALUES ('2026-04-14', '09:30', 'Stadskantoor, zaal 3.12', ?, ?, 'afgerond', '2026-04-14T07:30:00Z', '2026-04-14T09:30:00Z')`,
      )
      .run(user.vera, user.niels).lastInsertRowid,
  );
  const attend = db.prepare(
    'INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (?, ?, ?)',
  );
  attend.run(meetingId, org.gemeente, 'aanwezig');
  attend.run(meetingId, org.ind, 'aanwezig');
  attend.run(meetingId, org.dtv, 'aanwezig');
  attend.run(meetingId, org.ros, 'schriftelijke_inbreng');
  attend.run(meetingId, org.politie, 'afwezig_met_bericht');
  const item = db.prepare(
    "INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, title, status) VALUES (?, ?, ?, ?, ?, 'besproken')",
  );
  item.run(meetingId, 1, 'opening', null, 'Opening');
  const item1 = Number(item.run(meetingId, 2, 'dossier', d1, null).lastInsertRowid);
  const item2 = Number(item.run(meetingId, 3, 'dossier', d2, null).lastInsertRowid);
  const position = db.prepare(
    `INSERT INTO positions (dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, information, conditions,
       withheld, withheld_reason, recorded_by, on_behalf, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const positionIds: Record<string, number> = {};
  const p = (key: string, ...args: unknown[]) => {
    positionIds[key] = Number(position.run(...args).lastInsertRowid);
  };
  // IND's first position on item 1 was replaced during the meeting by version 2: only version 2 is minuted.
  p(
    'ind1-old',
    d1,
    item1,
    org.ind,
    1,
    'terugkeer',
    'Eerste inschatting IND',
    '',
    '',
    0,
    null,
    user.ilse,
    0,
    '2026-04-14T07:40:00Z',
  );
  p(
    'ind1',
    d1,
    item1,
    org.ind,
    2,
    'legalisatie',
    'IND ziet ruimte voor een medische aanvraag',
    'BMA-advies opgevraagd',
    '',
    0,
    null,
    user.ilse,
    0,
    '2026-04-14T07:45:00Z',
  );
  p(
    'dtv1',
    d1,
    item1,
    org.dtv,
    1,
    'tweesporen',
    'DT&V houdt terugkeer open naast de aanvraag',
    '',
    'Geen ambassadepresentatie voor de beschermingsvraag',
    0,
    null,
    user.daan,
    0,
    '2026-04-14T07:46:00Z',
  );
  p(
    'ros1',
    d1,
    item1,
    org.ros,
    1,
    'legalisatie',
    'ROS steunt legalisatie',
    '',
    '',
    0,
    null,
    user.niels,
    1,
    '2026-04-14T07:47:00Z',
  );
  p(
    'gem1',
    d1,
    item1,
    org.gemeente,
    1,
    'legalisatie',
    'Gemeente volgt het medische spoor',
    '',
    '',
    0,
    null,
    user.vera,
    0,
    '2026-04-14T07:48:00Z',
  );
  p(
    'ind2',
    d2,
    item2,
    org.ind,
    1,
    'legalisatie',
    'Buitenschuld aannemelijk',
    '',
    '',
    0,
    null,
    user.ilse,
    0,
    '2026-04-14T08:10:00Z',
  );
  p(
    'dtv2',
    d2,
    item2,
    org.dtv,
    1,
    'terugkeer',
    'DT&V ziet terugkeer als mogelijk',
    '',
    '',
    1,
    'Lopend onderzoek naar identiteit.',
    user.daan,
    0,
    '2026-04-14T08:11:00Z',
  );
  const decision = db.prepare(
    `INSERT INTO decisions (number, dossier_id, agenda_item_id, meeting_id, text, direction, review_date, state, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-04-14T08:00:00Z')`,
  );
  const dec1 = Number(
    decision.run(
      '2026-014',
      d1,
      item1,
      meetingId,
      'De tafel kiest voor het medische spoor naast voorbereiding op terugkeer.',
      'tweesporen',
      '2026-05-12',
      'gedragen',
    ).lastInsertRowid,
  );
  const dec2 = Number(
    decision.run(
      '2026-015',
      d2,
      item2,
      meetingId,
      'Besluit over buitenschuld wordt aangehouden.',
      'legalisatie',
      null,
      'aangehouden',
    ).lastInsertRowid,
  );
  const consent = db.prepare(
    "INSERT INTO consents (decision_id, organisation_id, consent, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, '2026-04-14T08:00:00Z')",
  );
  consent.run(dec1, org.gemeente, 'akkoord', null, user.vera);
  consent.run(dec1, org.ind, 'akkoord', null, user.ilse);
  consent.run(
    dec1,
    org.dtv,
    'akkoord_met_voorbehoud',
    'Alleen als de beschermingsvraag eerst is afgerond.',
    user.daan,
  );
  consent.run(dec1, org.ros, 'onthouding', 'Schriftelijke inbreng; geen oordeel over terugkeer.', user.niels);
  consent.run(dec2, org.dtv, 'bezwaar', 'Identiteit is niet vastgesteld.', user.daan);
  const action = db.prepare(
    `INSERT INTO actions (dossier_id, decision_id, meeting_id, what, organisation_id, person, due_date, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2026-04-14T08:05:00Z')`,
  );
  const ros = Number(
    action.run(d1, dec1, meetingId, 'Gesprek met cliënt over beide sporen', org.ros, 'Rosa', '2026-04-28')
      .lastInsertRowid,
  );
  const ind = Number(
    action.run(d1, dec1, meetingId, 'BMA-advies opvragen', org.ind, 'Ilse', '2026-04-21').lastInsertRowid,
  );
  return {
    meetingId,
    dossierNumbers: ['D-2026-0001', 'D-2026-0002'] as [string, string],
    positionIds,
    actionIds: { ros, ind },
  };
}

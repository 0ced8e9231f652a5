import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/contract/index';
import { openDatabase } from '../../electron/core/db/open';
import { parseRecoveryKey, unwrapKey, wrapContext, wrapKey } from '../../electron/core/crypto/keywrap';
import { openHolderKey } from '../../electron/core/crypto/holder-key';
import { readKeyFile, writeKeyFile } from '../../electron/core/storage/keyfile';
import { cityInput, errorCode, failure, makeEnv, testKdf, type TestEnv } from '../support/backend';
import { firstItem, makeItemEnv } from '../support/items';

/**
 * Issue 8: many people logged in at once, each with their own session; the database key only with
 * those who hold the meeting; re-keying when a key holder leaves. Every attack of the review is here.
 */

let env: TestEnv;
afterEach(() => env?.cleanup());

const PW = (u: string) => `${u} wachtwoord 2026`;

/** Anna (beheerder) sets up Utrecht with a chair, a secretary and one participant per party. */
async function table(): Promise<{ anna: Api; orgs: Record<string, number>; recoveryKey: string }> {
  env = makeEnv();
  const { recoveryKey } = await env.api['setup.create'](cityInput);
  const anna = env.as('anna-desk');
  await anna['auth.login']({ username: 'anna', password: cityInput.admin.password });
  const orgs = Object.fromEntries((await anna['organisations.list']({})).map((o) => [o.kind, o.id]));
  const add = (username: string, kind: string, roles: ('voorzitter' | 'notulist' | 'deelnemer')[]) =>
    anna['users.create']({
      displayName: username,
      username,
      organisationId: orgs[kind]!,
      roles,
      password: PW(username),
    });
  await add('vera', 'gemeente', ['voorzitter']);
  await add('niels', 'gemeente', ['notulist']);
  await add('ilse', 'ind', ['deelnemer']);
  await add('daan', 'dtv', ['deelnemer']);
  await add('noor', 'ngo', ['deelnemer']);
  await add('paul', 'politie', ['deelnemer']);
  await add('sanne', 'gemeente', ['deelnemer']);
  return { anna, orgs, recoveryKey };
}

const login = async (username: string) => {
  const api = env.as(`${username}-laptop`);
  await api['auth.login']({ username, password: PW(username) });
  return api;
};

describe('a session per person', () => {
  it('seven people work on one meeting at once — positions, consents, settling — and nobody is logged out', async () => {
    const items = await makeItemEnv();
    env = items;
    const { itemId } = firstItem(items);
    const as = async (username: string) => {
      const api = items.as(`${username}-laptop`);
      await api['auth.login']({ username, password: `demo-${username}-2026` });
      return api;
    };
    const chair = await as('voorzitter');
    const secretary = await as('notulist');
    const speakers: [string, string][] = [
      ['casemanager', 'Gemeente Demostad'],
      ['ind', 'IND'],
      ['dtv', 'DT&V'],
      ['ngo', 'VluchtelingenWerk'],
      ['politie', 'Politie'],
    ];
    const parties = await Promise.all(speakers.map(([u]) => as(u)));
    expect(items.backend.sessions.all().filter((s) => s.callerId.endsWith('-laptop'))).toHaveLength(7);

    // Each party records its own position from its own session, all at once.
    const positions = await Promise.all(
      speakers.map(([, org], i) =>
        parties[i]!['positions.record']({
          itemId,
          organisationId: items.org(org),
          expectedVersion: 0,
          direction: 'terugkeer',
          reasoning: `Standpunt van ${org}.`,
          information: '',
          conditions: '',
        }),
      ),
    );
    expect(positions.map((p) => [p.organisationName, p.onBehalf])).toEqual(
      speakers.map(([, org]) => [org, false]),
    );

    // The secretary writes the decision; every party consents at once; the chair settles.
    const decision = await secretary['decisions.save']({
      itemId,
      text: 'Terugkeer voorbereiden met IOM.',
      direction: 'terugkeer',
      reviewDate: '2026-06-01',
    });
    await Promise.all(
      speakers.map(([, org], i) =>
        parties[i]!['decisions.consent']({
          decisionId: decision.id,
          organisationId: items.org(org),
          consent: 'akkoord',
          reason: null,
          decisionVersion: decision.version,
        }),
      ),
    );
    const settled = await chair['decisions.settle']({
      decisionId: decision.id,
      expectedVersion: decision.version,
      outcome: 'gedragen',
    });
    expect(settled.state).toBe('gedragen');

    // A participant may not speak for another organisation, even with everyone logged in.
    expect(
      await errorCode(
        parties[1]!['positions.record']({
          itemId,
          organisationId: items.org('Politie'),
          expectedVersion: 1,
          direction: 'legalisatie',
          reasoning: 'x',
          information: '',
          conditions: '',
        }),
      ),
    ).toBe('FORBIDDEN');

    // Everyone is still logged in as themselves.
    const statuses = await Promise.all([chair, secretary, ...parties].map((a) => a['app.status']({})));
    expect(statuses.map((st) => st.session?.username)).toEqual([
      'voorzitter',
      'notulist',
      ...speakers.map(([u]) => u),
    ]);

    // One participant logging out (or "locking") ends only their own session.
    await parties[0]!['auth.logout']({});
    await parties[2]!['auth.lock']({});
    expect(await errorCode(parties[0]!['meetings.list']({}))).toBe('UNAUTHENTICATED');
    expect(await errorCode(parties[1]!['meetings.list']({}))).toBe('OK');
    expect(items.backend.vault.state()).toBe('open');

    // The chair locking the app closes the database for everyone.
    await chair['auth.lock']({});
    expect(items.backend.vault.state()).toBe('vergrendeld');
    for (const a of [chair, secretary, ...parties])
      expect(await errorCode(a['meetings.list']({}))).toBe('UNAUTHENTICATED');
  });

  it('a participant can join only while a key holder has the environment open', async () => {
    const { anna } = await table();
    await anna['auth.lock']({});
    const ilse = env.as('ilse-laptop');
    const refused = await ilse['auth.login']({ username: 'ilse', password: PW('ilse') }).catch(
      (e: { error: unknown }) => e.error,
    );
    expect(refused).toMatchObject({ code: 'WRONG_CREDENTIALS', info: { reason: 'locked' } });
    expect(env.backend.vault.state()).toBe('vergrendeld');
    await login('niels');
    expect((await ilse['auth.login']({ username: 'ilse', password: PW('ilse') })).keyHolder).toBe(false);
    // When the last key holder leaves, the environment closes for the participants too.
    await env.as('niels-laptop')['auth.logout']({});
    expect(env.backend.vault.state()).toBe('vergrendeld');
    expect(await errorCode(ilse['meetings.list']({}))).toBe('UNAUTHENTICATED');
  });

  it('on the machine that opened it, someone else may take a turn (switch user) without closing it', async () => {
    const { anna } = await table();
    await anna['auth.lock']({});
    const laptop = env.as('chair-laptop');
    await laptop['auth.login']({ username: 'vera', password: PW('vera') }); // opens it
    await laptop['auth.login']({ username: 'noor', password: PW('noor') }); // the NGO takes a turn
    expect(env.backend.vault.state()).toBe('open');
    expect((await laptop['app.status']({})).session).toMatchObject({ username: 'noor', keyHolder: false });
    expect((await laptop['app.status']({})).idle?.closesEnvironment).toBe(true);
    // Participants alone do not hold it open for long: one idle period without any key holder.
    env.clock.now = new Date(env.clock.now.getTime() + 9 * 60_000);
    expect((await laptop['app.status']({})).idle?.secondsLeft).toBe(60);
    expect(await errorCode(laptop['meetings.list']({}))).toBe('OK'); // noor is busy, but…
    env.clock.now = new Date(env.clock.now.getTime() + 2 * 60_000);
    expect(await errorCode(laptop['meetings.list']({}))).toBe('UNAUTHENTICATED');
    expect(env.backend.vault.state()).toBe('vergrendeld');
    await laptop['auth.login']({ username: 'vera', password: PW('vera') }); // the chair opens it again
    // A participant taking a turn on some other machine does not keep it open once the chair leaves.
    await login('ilse');
    await laptop['auth.logout']({});
    expect(env.backend.vault.state()).toBe('vergrendeld');
  });

  it('idle time ends a participant’s session only; the last key holder’s idle time closes it, with a warning first', async () => {
    const { anna } = await table();
    const ilse = await login('ilse');
    env.clock.now = new Date(env.clock.now.getTime() + 9 * 60_000 + 30_000);
    await anna['meetings.list']({}); // anna is active, ilse is not
    const warning = await ilse['app.status']({});
    expect(warning.idle).toEqual({ secondsLeft: 30, closesEnvironment: false });
    const annaStatus = await anna['app.status']({});
    expect(annaStatus.idle).toMatchObject({ secondsLeft: 600, closesEnvironment: true });
    env.clock.now = new Date(env.clock.now.getTime() + 60_000);
    expect(await errorCode(ilse['meetings.list']({}))).toBe('UNAUTHENTICATED');
    expect(await errorCode(anna['meetings.list']({}))).toBe('OK');
    env.clock.now = new Date(env.clock.now.getTime() + 11 * 60_000);
    env.backend.tick();
    expect(env.backend.vault.state()).toBe('vergrendeld');
  });
});

describe('the key only with those who hold the meeting', () => {
  it('holders by default: the gemeente’s beheerder, voorzitter and notulist; others have no entry in the key file', async () => {
    const { anna } = await table();
    const users = await anna['users.list']({});
    expect(
      users
        .filter((u) => u.keyHolder)
        .map((u) => u.username)
        .sort(),
    ).toEqual(['anna', 'niels', 'vera']);
    const keys = readKeyFile(env.backend.vault.keyFile);
    expect(keys.entries.map((e) => e.username).sort()).toEqual(['anna', 'niels', 'vera']);
    expect(fs.readFileSync(env.backend.vault.keyFile, 'utf8')).not.toMatch(/ilse|noor|daan|paul|sanne/);
  });

  it('attack: with the data folder and a participant’s own password, nothing decrypts', async () => {
    await table();
    env.backend.close();
    const keys = readKeyFile(env.backend.vault.keyFile);
    for (const e of keys.entries) {
      expect(await openHolderKey(e.holder!, PW('noor'), keys.databaseId, e.userId)).toBeNull();
      // …nor by pretending to be that holder with any user id.
      for (const userId of [1, 2, 3, 4, 5, 6, 7, 8])
        expect(await openHolderKey(e.holder!, PW('noor'), keys.databaseId, userId)).toBeNull();
    }
    const noor = env.as('noor-laptop');
    expect(await errorCode(noor['auth.login']({ username: 'noor', password: PW('noor') }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect(env.backend.vault.state()).toBe('vergrendeld');
  });

  it('removing a key holder re-keys: their old key file and password, and the old recovery key, open nothing new', async () => {
    const { anna, recoveryKey } = await table();
    const dir = env.dir;
    const oldKeyFile = fs.readFileSync(env.backend.vault.keyFile);
    const users = await anna['users.list']({});
    const niels = users.find((u) => u.username === 'niels')!;

    const change = await anna['users.setDisabled']({ userId: niels.id, disabled: true });
    expect(change.rekeyed?.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    expect(change.rekeyed?.recoveryKey).not.toBe(recoveryKey);
    const newKey = parseRecoveryKey(change.rekeyed!.recoveryKey)!;
    await anna['organisations.add']({ name: 'IOM', kind: 'iom' }); // written after the re-key
    expect(
      readKeyFile(env.backend.vault.keyFile)
        .entries.map((e) => e.username)
        .sort(),
    ).toEqual(['anna', 'vera']);
    env.backend.close();

    // Niels kept a copy of the old key file: with his password it gives the old key, which opens nothing.
    fs.writeFileSync(`${dir}/old.keys.json`, oldKeyFile);
    const old = readKeyFile(`${dir}/old.keys.json`);
    const entry = old.entries.find((e) => e.username === 'niels')!;
    const oldKey = await openHolderKey(entry.holder!, PW('niels'), old.databaseId, entry.userId);
    expect(oldKey).not.toBeNull();
    expect(() => openDatabase(env.backend.vault.dbFile, oldKey!, { create: false })).toThrow(
      /cannot be read/,
    );
    expect(() =>
      openDatabase(env.backend.vault.dbFile, parseRecoveryKey(recoveryKey)!, { create: false }),
    ).toThrow(/cannot be read/);
    const db = openDatabase(env.backend.vault.dbFile, newKey, { create: false });
    expect(db.prepare("SELECT count(*) AS n FROM organisations WHERE name = 'IOM'").get()).toEqual({ n: 1 });
    db.close();

    // The remaining holders still open it; niels cannot log in at all.
    expect(await errorCode(env.as('x')['auth.login']({ username: 'niels', password: PW('niels') }))).toBe(
      'WRONG_CREDENTIALS',
    );
    expect((await env.as('v')['auth.login']({ username: 'vera', password: PW('vera') })).keyHolder).toBe(
      true,
    );
  });

  it('taking the key from someone keeps their account: they join as a participant while it is open', async () => {
    const { anna } = await table();
    const vera = (await anna['users.list']({})).find((u) => u.username === 'vera')!;
    const change = await anna['users.setKeyHolder']({ userId: vera.id, keyHolder: false });
    expect(change.user.keyHolder).toBe(false);
    expect(change.rekeyed).not.toBeNull();
    expect((await (await login('vera'))['app.status']({})).session?.keyHolder).toBe(false);
    // Giving it back: her entry is made at her next login, when her password is known.
    await anna['users.setKeyHolder']({ userId: vera.id, keyHolder: true });
    expect((await anna['keys.status']({})).holders.find((h) => h.username === 'vera')?.enrolled).toBe(false);
    await login('vera');
    expect((await anna['keys.status']({})).holders.find((h) => h.username === 'vera')?.enrolled).toBe(true);
    // The last key holder cannot be removed, and nobody removes their own key.
    expect(await errorCode(anna['users.setKeyHolder']({ userId: 1, keyHolder: false }))).toBe('CONFLICT');
    // …and the refusal says why (the UI words the reason, not a generic "changed meanwhile").
    expect(await failure(anna['users.setKeyHolder']({ userId: 1, keyHolder: false }))).toMatchObject({
      info: { reason: 'own_key' },
    });
  });

  it('an environment from before key holders: participants’ wraps leave the key file, their password still works while open', async () => {
    const { anna, recoveryKey } = await table();
    const users = await anna['users.list']({});
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    env.backend.close();
    // Turn it into what an older version left behind: schema 1 and a key file with every user's wrap.
    const key = parseRecoveryKey(recoveryKey)!;
    const db = openDatabase(env.backend.vault.dbFile, key, { create: false });
    db.exec(
      "ALTER TABLE users DROP COLUMN key_holder; ALTER TABLE users DROP COLUMN password_verifier; ALTER TABLE users DROP COLUMN must_change_password; ALTER TABLE users DROP COLUMN holder_public_key; DELETE FROM meta WHERE key = 'host_organisation_id'; DROP TABLE trusted_roots; DROP TABLE certificate_requests;" +
        // Version 1's certificates table: one row per user, the key in the clear (migration 0005).
        " DROP TABLE certificates; CREATE TABLE certificates (user_id INTEGER PRIMARY KEY REFERENCES users(id), certificate_pem TEXT NOT NULL, private_key BLOB NOT NULL, issued_at TEXT NOT NULL, imported INTEGER NOT NULL DEFAULT 0, chain_pem TEXT NOT NULL DEFAULT '') STRICT;" +
        // What schema 8 adds (issue 12): coded outcome columns and earlier episodes.
        ' DROP INDEX dossiers_outflow; DROP TABLE dossier_episodes; ALTER TABLE dossiers DROP COLUMN outcome_ground;' +
        ' ALTER TABLE dossiers DROP COLUMN outcome_reason; ALTER TABLE dossiers DROP COLUMN outcome_country;' +
        ' ALTER TABLE dossiers DROP COLUMN stuck_reason_code;' +
        // …and without what migration 0007 adds (issue 11: frozen decisions, confirmations, escalations).
        ' ALTER TABLE decisions DROP COLUMN settled_evaluation; DROP TABLE decision_confirmations;' +
        ' ALTER TABLE escalations DROP COLUMN question; ALTER TABLE escalations DROP COLUMN consensus;' +
        ' ALTER TABLE escalations DROP COLUMN outcome; ALTER TABLE escalations DROP COLUMN answer;' +
        ' ALTER TABLE escalations DROP COLUMN answered_on; ALTER TABLE escalations DROP COLUMN returned_by;' +
        // …and without the record of register imports (migration 0009, issue 10).
        ' DROP TABLE dossier_imports;' +
        // …and without the notes and names of the minutes (migration 0011, issue 11).
        ' ALTER TABLE agenda_items DROP COLUMN note; ALTER TABLE attendance DROP COLUMN names;' +
        // …and without the person's own wish and contact dates (migration 0010, issue 11).
        ' ALTER TABLE dossiers DROP COLUMN client_wish; ALTER TABLE dossiers DROP COLUMN client_wish_text;' +
        ' ALTER TABLE dossiers DROP COLUMN future_talk_date; ALTER TABLE dossiers DROP COLUMN last_contact_date;' +
        ' ALTER TABLE dossiers DROP COLUMN regievoerder;',
    );
    db.pragma('user_version = 1');
    db.close();
    const keys = readKeyFile(env.backend.vault.keyFile);
    const v1 = await Promise.all(
      ['anna', 'vera', 'niels', 'ilse', 'noor'].map(async (u) => ({
        userId: id(u),
        username: u,
        wrapped: await wrapKey(
          key,
          u === 'anna' ? cityInput.admin.password : PW(u),
          wrapContext(keys.databaseId, id(u)),
          testKdf,
        ),
      })),
    );
    writeKeyFile(env.backend.vault.keyFile, {
      format: 'lvv-overleg-keys/1',
      databaseId: keys.databaseId,
      entries: v1,
    });
    const stolen = readKeyFile(env.backend.vault.keyFile);

    const opened = env.as('anna-again');
    expect(
      (await opened['auth.login']({ username: 'anna', password: cityInput.admin.password })).keyHolder,
    ).toBe(true);
    const after = readKeyFile(env.backend.vault.keyFile);
    expect(after.entries.map((e) => e.username).sort()).toEqual(['anna', 'niels', 'vera']);
    expect(after.entries.find((e) => e.username === 'anna')?.holder).toBeDefined(); // upgraded at her login
    expect((await opened['keys.status']({})).rekeyAdvised).toBe(true);
    expect(await login('ilse')).toBeDefined(); // her old wrap became her verifier inside the database

    // The beheerder renews the key: the stolen old key file (ilse's wrap in it) opens nothing new.
    const rekeyed = await opened['keys.rekey']({});
    expect(rekeyed.needNewPassword.sort()).toEqual(['niels', 'vera']);
    const ilseEntry = stolen.entries.find((e) => e.username === 'ilse')!;
    const oldKey = await unwrapKey(
      ilseEntry.wrapped!,
      PW('ilse'),
      wrapContext(stolen.databaseId, ilseEntry.userId),
    );
    expect(oldKey?.equals(key)).toBe(true);
    env.backend.close();
    expect(() => openDatabase(env.backend.vault.dbFile, oldKey!, { create: false })).toThrow(
      /cannot be read/,
    );
  });
});

describe('passwords', () => {
  it('a reset by the beheerder is temporary: the person must choose their own before anything else', async () => {
    const { anna } = await table();
    const ilse = (await anna['users.list']({})).find((u) => u.username === 'ilse')!;
    const ilseApi = await login('ilse');
    await anna['users.resetPassword']({ userId: ilse.id, password: 'tijdelijk wachtwoord 1' });
    expect(await errorCode(ilseApi['meetings.list']({}))).toBe('UNAUTHENTICATED'); // her session ended
    await ilseApi['auth.login']({ username: 'ilse', password: 'tijdelijk wachtwoord 1' });
    expect(await errorCode(ilseApi['meetings.list']({}))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      await errorCode(
        ilseApi['auth.changePassword']({ current: 'tijdelijk wachtwoord 1', next: 'tijdelijk wachtwoord 1' }),
      ),
    ).toBe('BAD_INPUT');
    await ilseApi['auth.changePassword']({ current: 'tijdelijk wachtwoord 1', next: 'ilse kiest zelf 2026' });
    expect(await errorCode(ilseApi['meetings.list']({}))).toBe('OK');
  });

  it('the login throttle survives a restart', async () => {
    env = makeEnv();
    await env.api['setup.create'](cityInput);
    env.backend.close();
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const first = makeEnv({ dir: env.dir, sleep });
    for (let i = 0; i < 3; i++)
      expect(await errorCode(first.api['auth.login']({ username: 'anna', password: 'fout' }))).toBe(
        'WRONG_CREDENTIALS',
      );
    first.backend.close();
    const restarted = makeEnv({ dir: env.dir, sleep });
    expect(await errorCode(restarted.api['auth.login']({ username: 'anna', password: 'fout' }))).toBe(
      'WRONG_CREDENTIALS',
    );
    restarted.backend.close();
    // The clock stands still here, so each attempt also queues behind the one before: 1 s, then 1 + 2 s.
    expect(waits).toEqual([1000, 3000]);
    expect(fs.statSync(`${env.dir}/lvv-overleg.logins.json`).mode & 0o777).toBe(0o600);
  });
});

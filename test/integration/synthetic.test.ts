import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionStatus, AgendaItemKind, AgendaItemStatus, AgendaReason } from '../../shared/domain/agenda';
import { SetupInput } from '../../shared/domain/environment';
import { verifyAudit } from '../../electron/core/audit/audit';
import { parseRecoveryKey } from '../../electron/core/crypto/keywrap';
import { openDatabase, type Db } from '../../electron/core/db/open';
import {
  createSyntheticEnvironment,
  generateCity,
  SYNTHETIC_TODAY,
  type CityStats,
} from '../support/synthetic/city';
import { populateEnvironment } from '../../electron/core/environment/setup';
import { Vault } from '../../electron/core/environment/vault';
import { cityInput, makeEnv, tempDir, testKdf } from '../support/backend';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh environment (organisations and admin) at a fixed set-up time, not yet filled. */
function freshDb(): Db {
  const dir = tempDir('lvv-synth-');
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'city.db'), crypto.randomBytes(32), { create: true });
  db.transaction(() =>
    populateEnvironment(db, SetupInput.parse(cityInput), '2016-09-01T07:00:00.000Z', false),
  )();
  return db;
}

/** SHA-256 over every table's rows in rowid order. */
function digest(db: Db): string {
  const h = crypto.createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const t of tables) {
    h.update(`#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate())
      h.update(`${JSON.stringify(row)}\n`);
  }
  return h.digest('hex');
}

const n = (db: Db, sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('synthetic city generator', () => {
  const scale = 0.1;
  let db: Db;
  let stats: CityStats;
  beforeAll(() => {
    db = freshDb();
    stats = generateCity(db, { seed: 42, scale });
  });
  afterAll(() => db?.close());

  it('scales the full city: dossiers, open ones at the full-scale ratio, meetings of 30 items, actions, audit', () => {
    expect(n(db, 'SELECT count(*) FROM dossiers')).toBe(600);
    expect(n(db, `SELECT count(*) FROM dossiers WHERE status NOT IN ('uitgestroomd', 'gesloten')`)).toBe(50); // 500 of 6,000
    expect(stats.openDossiers).toBe(50);
    expect(n(db, 'SELECT count(*) FROM meetings')).toBe(52);
    expect(n(db, 'SELECT count(*) FROM agenda_items')).toBe(52 * 30);
    expect(
      n(
        db,
        'SELECT count(*) FROM (SELECT meeting_id FROM agenda_items GROUP BY meeting_id HAVING count(*) <> 30)',
      ),
    ).toBe(0);
    expect(n(db, 'SELECT count(*) FROM actions')).toBe(4000);
    expect(n(db, 'SELECT count(*) FROM audit')).toBe(50_000);
    expect(n(db, 'SELECT count(*) FROM dossier_special')).toBe(600);
    expect(n(db, 'SELECT count(*) FROM dossier_history')).toBeGreaterThan(600 * 3);
    expect(n(db, 'SELECT count(*) FROM decisions')).toBeGreaterThan(100);
    expect(stats.auditTotal).toBe(50_000);
  });

  it('keeps every foreign key, and the audit chain verifies', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const v = verifyAudit(db);
    expect(v).toMatchObject({ valid: true, records: 50_000, brokenAt: null });
  });

  it('gives dossiers unique 10-digit V-nummers, numbers like D-2019-0001 and outcomes only when closed', () => {
    const bad = n(
      db,
      `SELECT count(*) FROM dossiers WHERE v_number NOT GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`,
    );
    expect(bad).toBe(0);
    expect(n(db, 'SELECT count(DISTINCT v_number) FROM dossiers')).toBe(600);
    expect(
      n(db, `SELECT count(*) FROM dossiers WHERE number NOT GLOB 'D-20[0-9][0-9]-[0-9][0-9][0-9][0-9]'`),
    ).toBe(0);
    expect(
      n(
        db,
        `SELECT count(*) FROM dossiers WHERE status IN ('uitgestroomd', 'gesloten') AND (outcome IS NULL OR outflow_date IS NULL)`,
      ),
    ).toBe(0);
    expect(
      n(
        db,
        `SELECT count(*) FROM dossiers WHERE status NOT IN ('uitgestroomd', 'gesloten') AND outcome IS NOT NULL`,
      ),
    ).toBe(0);
    const outcomes = Object.fromEntries(
      db
        .prepare('SELECT outcome, count(*) AS c FROM dossiers WHERE outcome IS NOT NULL GROUP BY outcome')
        .raw()
        .all() as [string, number][],
    );
    // Perspectief's outflow: permits most frequent, then MOB; all five categories occur.
    expect(Object.keys(outcomes).sort()).toEqual([
      'DOORMIGRATIE',
      'MOB',
      'OVERIG',
      'TERUGKEER',
      'VERBLIJFSVERGUNNING',
    ]);
    expect(outcomes.VERBLIJFSVERGUNNING!).toBeGreaterThan(outcomes.TERUGKEER!);
    // History agrees with the dossier: the last status change ends in the current status.
    const mismatch = n(
      db,
      `SELECT count(*) FROM dossiers d WHERE d.status <> coalesce((SELECT to_value FROM dossier_history h
         WHERE h.dossier_id = d.id AND h.field = 'status' ORDER BY h.at DESC, h.id DESC LIMIT 1), 'aangemeld')`,
    );
    expect(mismatch).toBe(0);
  });

  it('records a versioned position of each of the 5 parties per discussed dossier item', () => {
    const dossierItems = n(
      db,
      `SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.kind = 'dossier' AND m.state = 'afgerond'`,
    );
    expect(n(db, 'SELECT count(*) FROM positions')).toBe(dossierItems * 5);
    expect(
      n(
        db,
        'SELECT count(*) FROM (SELECT agenda_item_id FROM positions GROUP BY agenda_item_id HAVING count(DISTINCT organisation_id) <> 5)',
      ),
    ).toBe(0);
    // Versions run 1..k per dossier and organisation, in time order.
    expect(
      n(
        db,
        'SELECT count(*) FROM (SELECT dossier_id, organisation_id FROM positions GROUP BY 1, 2 HAVING max(version) <> count(*) OR min(version) <> 1)',
      ),
    ).toBe(0);
    const outOfOrder = n(
      db,
      `SELECT count(*) FROM positions a JOIN positions b ON a.dossier_id = b.dossier_id AND a.organisation_id = b.organisation_id
         AND b.version = a.version + 1 WHERE b.recorded_at <= a.recorded_at`,
    );
    expect(outOfOrder).toBe(0);
    // The next meeting is planned after "today", with an open agenda.
    const next = db.prepare(`SELECT date, state FROM meetings ORDER BY date DESC LIMIT 1`).get() as {
      date: string;
      state: string;
    };
    expect(next.state).toBe('gepland');
    expect(next.date > SYNTHETIC_TODAY).toBe(true);
  });

  it('makes decisions with consents: carried ones without objection, held or escalated ones with reasons', () => {
    expect(
      n(db, `SELECT count(*) FROM consents WHERE consent <> 'akkoord' AND (reason IS NULL OR reason = '')`),
    ).toBe(0);
    expect(
      n(
        db,
        `SELECT count(*) FROM decisions d WHERE state = 'gedragen' AND EXISTS (SELECT 1 FROM consents c WHERE c.decision_id = d.id AND c.consent = 'bezwaar')`,
      ),
    ).toBe(0);
    expect(
      n(
        db,
        `SELECT count(*) FROM decisions d WHERE state IN ('aangehouden', 'geescaleerd') AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.decision_id = d.id AND c.consent = 'bezwaar')`,
      ),
    ).toBe(0);
    const total = n(db, 'SELECT count(*) FROM decisions');
    expect(n(db, `SELECT count(*) FROM decisions WHERE state = 'gedragen'`)).toBeGreaterThan(total * 0.7);
    expect(n(db, `SELECT count(*) FROM decisions WHERE state <> 'gedragen'`)).toBeGreaterThan(0);
    expect(
      n(db, `SELECT count(*) FROM decisions WHERE number NOT GLOB '20[0-9][0-9]-[0-9][0-9][0-9]*'`),
    ).toBe(0);
    expect(
      n(
        db,
        `SELECT count(*) FROM escalations e JOIN decisions d ON d.id = e.decision_id WHERE d.state <> 'geescaleerd'`,
      ),
    ).toBe(0);
  });

  it('has mostly done actions, some open, some postponed (open with a later due date) and some lapsed', () => {
    const by = Object.fromEntries(
      db.prepare('SELECT status, count(*) FROM actions GROUP BY status').raw().all() as [string, number][],
    );
    expect(Object.keys(by).every((s) => ActionStatus.safeParse(s).success)).toBe(true);
    expect(by.gedaan!).toBeGreaterThan(4000 * 0.6);
    expect(by.open!).toBeGreaterThan(0);
    expect(by.vervallen!).toBeGreaterThan(0);
    expect(by.niet_gedaan!).toBeGreaterThan(0);
    expect(n(db, `SELECT count(*) FROM actions WHERE status = 'open' AND postponements > 0`)).toBeGreaterThan(
      0,
    );
    expect(
      n(
        db,
        `SELECT count(*) FROM actions WHERE (status IN ('vervallen', 'niet_gedaan') OR postponements > 0) AND reason IS NULL`,
      ),
    ).toBe(0);
  });

  it('stores agenda reasons, item statuses and carry-overs exactly as the agenda rules write them', () => {
    const rows = db.prepare('SELECT kind, status, reasons, carried_from FROM agenda_items').all() as {
      kind: string;
      status: string;
      reasons: string;
      carried_from: string | null;
    }[];
    const Reasons = z.array(AgendaReason);
    for (const r of rows) {
      expect(AgendaItemKind.safeParse(r.kind).success).toBe(true);
      expect(AgendaItemStatus.safeParse(r.status).success).toBe(true);
      const reasons = Reasons.parse(JSON.parse(r.reasons));
      if (r.kind === 'dossier') expect(reasons.length).toBeGreaterThan(0);
      // carried_from is set exactly when the item carries over, with the original date.
      const carried = reasons.find((x) => x.code === 'carried_over');
      expect(r.carried_from).toBe(carried ? carried.from : null);
    }
    const codes = new Set(
      rows.flatMap((r) => (JSON.parse(r.reasons) as { code: string }[]).map((x) => x.code)),
    );
    for (const c of ['new_referral', 'carried_over', 'review_due', 'requested', 'actions_due'])
      expect(codes.has(c)).toBe(true);
    expect(n(db, 'SELECT count(*) FROM discussion_requests WHERE late = 1')).toBeGreaterThan(0);
  });
});

describe('synthetic city determinism', () => {
  it('produces identical tables from the same seed, and different ones from another seed', () => {
    const a = freshDb();
    const b = freshDb();
    const c = freshDb();
    try {
      generateCity(a, { seed: 7, scale: 0.03 });
      generateCity(b, { seed: 7, scale: 0.03 });
      generateCity(c, { seed: 8, scale: 0.03 });
      const da = digest(a);
      expect(digest(b)).toBe(da);
      expect(digest(c)).not.toBe(da);
      expect(verifyAudit(a).valid).toBe(true);
      expect(a.pragma('foreign_key_check')).toEqual([]);
    } finally {
      a.close();
      b.close();
      c.close();
    }
  });

  it('refuses an environment that already has dossiers or meetings', () => {
    const db = freshDb();
    try {
      generateCity(db, { seed: 1, scale: 0.02 });
      expect(() => generateCity(db, { seed: 1, scale: 0.02 })).toThrow(/without dossiers/);
    } finally {
      db.close();
    }
  });
});

describe('createSyntheticEnvironment', () => {
  it('creates an environment the admin can unlock with the password and anyone with the recovery key', async () => {
    const dir = tempDir('lvv-synth-env-');
    dirs.push(dir);
    const env = await createSyntheticEnvironment(dir, { seed: 3, scale: 0.02, kdf: testKdf });
    expect(env.stats.dossiers).toBe(120);
    const app = makeEnv({ dir, kdf: testKdf });
    const session = await app.api['auth.login']({
      username: env.admin.username,
      password: env.admin.password,
    });
    expect(session.roles).toEqual(['beheerder']);
    expect(n(app.backend.vault.database(), 'SELECT count(*) FROM meetings')).toBe(env.stats.meetings);
    app.backend.close();
    const vault = new Vault(dir, testKdf);
    const db = vault.open(parseRecoveryKey(env.recoveryKey)!);
    expect(verifyAudit(db).valid).toBe(true);
    vault.lock();
  });
});

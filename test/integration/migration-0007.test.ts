import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';

/*
 * Migration 0007 (issue 11): decisions settled before it get their table frozen from their meeting's
 * attendance; escalations keep working without a question or structured answer.
 */
describe('migration 0007', () => {
  it('freezes the table of decisions settled before it, and leaves concepts live', () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 6)) m(db);
    db.exec(`
      INSERT INTO organisations (id, name, kind, sort_order) VALUES (1, 'Gemeente Utrecht', 'gemeente', 1), (2, 'IND', 'ind', 2), (3, 'DT&V', 'dtv', 3);
      INSERT INTO users (id, username, display_name, organisation_id, roles, created_at)
        VALUES (7, 'vera', 'Vera Voorzitter', 1, '["voorzitter"]', '2026-01-01'), (8, 'ilse', 'Ilse Ingen', 2, '["deelnemer"]', '2026-01-01');
      INSERT INTO dossiers (id, number, name, city, referred_at, updated_at) VALUES (1, 'D-2026-0001', 'Chen Xiu', 'Utrecht', '2026-01-01', '2026-01-01');
      INSERT INTO meetings (id, date, state) VALUES (1, '2026-02-03', 'afgerond');
      INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (1, 1, 'aanwezig'), (1, 2, 'schriftelijke_inbreng'), (1, 3, 'afwezig_met_bericht');
      INSERT INTO decisions (id, number, dossier_id, meeting_id, text, direction, state, locked)
        VALUES (1, '2026-001', 1, 1, 'Legalisatie.', 'legalisatie', 'gedragen', 1), (2, '2026-002', 1, 1, 'Open.', 'terugkeer', 'concept', 0);
      INSERT INTO consents (decision_id, organisation_id, consent, recorded_by, recorded_at) VALUES (1, 1, 'akkoord', 7, '2026-02-03T10:00:00Z'), (1, 2, 'akkoord', 8, '2026-02-03T10:01:00Z');
      INSERT INTO escalations (dossier_id, decision_id, body, dissent, created_at) VALUES (1, 1, 'Stuurgroep', 'IND: bezwaar', '2026-02-03T10:00:00Z');
    `);
    migrations[6]!(db);
    const frozen = JSON.parse(
      (
        db.prepare('SELECT settled_evaluation FROM decisions WHERE id = 1').get() as {
          settled_evaluation: string;
        }
      ).settled_evaluation,
    ) as { participants: unknown[]; consents: { organisationId: number; onBehalf: boolean }[] };
    expect(frozen.participants).toEqual([
      { organisationId: 1, presence: 'aanwezig' },
      { organisationId: 2, presence: 'schriftelijke_inbreng' },
    ]);
    expect(frozen.consents.map((c) => [c.organisationId, c.onBehalf])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(db.prepare('SELECT settled_evaluation FROM decisions WHERE id = 2').get()).toEqual({
      settled_evaluation: null,
    });
    expect(
      db.prepare('SELECT question, consensus, outcome, answer, answered_on FROM escalations').get(),
    ).toEqual({ question: '', consensus: 0, outcome: null, answer: null, answered_on: null });
    expect(db.prepare('SELECT count(*) AS n FROM decision_confirmations').get()).toEqual({ n: 0 });
  });
});

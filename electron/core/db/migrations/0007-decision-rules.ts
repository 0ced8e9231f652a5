/**
 * Version 7 of the schema (issue 11): a decision settles what was true.
 *
 * - `decisions.settled_evaluation`: when the chair settles a decision, who took part (organisation and
 *   presence) and every consent as it stood are frozen here as JSON (decisions/frozen.ts). The record
 *   and the minutes read this, never the attendance as it is later. Cleared again when the decision
 *   is reopened. Decisions settled before this version are frozen here from their meeting's
 *   attendance as it is now: the best that can still be known.
 * - `decision_confirmations`: a provisionally carried decision ('voorlopig_gedragen': a party the
 *   direction cannot do without did not consent) is confirmed, or objected to, afterwards by that
 *   party. Apart from `consents`, which stay as the table gave them.
 * - Escalation as the sources describe it ("voorleggen aan"): the question put to the body, whether
 *   the table agreed to put it (with or without consensus), and the answer as a structured result
 *   (outcome code, text, the date it was given, who recorded it). Earlier escalations have no
 *   question ('') and no structured answer.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function migration0007(db: Database.Database): void {
  db.exec(/* sql */ `
ALTER TABLE decisions ADD COLUMN settled_evaluation TEXT;

CREATE TABLE decision_confirmations (
  decision_id      INTEGER NOT NULL REFERENCES decisions(id),
  organisation_id  INTEGER NOT NULL REFERENCES organisations(id),
  consent          TEXT NOT NULL,
  reason           TEXT,
  recorded_by      INTEGER NOT NULL REFERENCES users(id),
  recorded_at      TEXT NOT NULL,
  PRIMARY KEY (decision_id, organisation_id)
) STRICT;

ALTER TABLE escalations ADD COLUMN question TEXT NOT NULL DEFAULT '';
ALTER TABLE escalations ADD COLUMN consensus INTEGER NOT NULL DEFAULT 0;
ALTER TABLE escalations ADD COLUMN outcome TEXT;
ALTER TABLE escalations ADD COLUMN answer TEXT;
ALTER TABLE escalations ADD COLUMN answered_on TEXT;
ALTER TABLE escalations ADD COLUMN returned_by INTEGER REFERENCES users(id);
`);
  backfillFrozen(db);
}

interface Row {
  id: number;
  meeting_id: number | null;
}

function backfillFrozen(db: Database.Database): void {
  const settled = db.prepare("SELECT id, meeting_id FROM decisions WHERE state <> 'concept'").all() as Row[];
  const attendance = db.prepare(
    `SELECT a.organisation_id AS organisationId, a.presence FROM attendance a
       JOIN organisations o ON o.id = a.organisation_id
      WHERE a.meeting_id = ? AND a.presence <> 'afwezig_met_bericht' ORDER BY o.sort_order, o.id`,
  );
  const consents = db.prepare(
    `SELECT c.organisation_id, o.name AS organisation_name, c.consent, c.reason, c.recorded_by,
            u.display_name AS recorded_by_name, u.organisation_id AS recorder_org, u.roles AS recorder_roles,
            c.recorded_at
       FROM consents c JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.id = c.recorded_by
      WHERE c.decision_id = ? ORDER BY o.sort_order, o.id`,
  );
  const update = db.prepare('UPDATE decisions SET settled_evaluation = ? WHERE id = ?');
  for (const d of settled) {
    const participants = d.meeting_id === null ? [] : attendance.all(d.meeting_id);
    const frozen = (
      consents.all(d.id) as {
        organisation_id: number;
        organisation_name: string;
        consent: string;
        reason: string | null;
        recorded_by: number;
        recorded_by_name: string;
        recorder_org: number;
        recorder_roles: string;
        recorded_at: string;
      }[]
    ).map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      consent: r.consent,
      reason: r.reason,
      recordedById: r.recorded_by,
      recordedByName: r.recorded_by_name,
      onBehalf: !(
        r.recorder_org === r.organisation_id &&
        (JSON.parse(r.recorder_roles) as string[]).includes('deelnemer')
      ),
      recordedAt: r.recorded_at,
    }));
    update.run(JSON.stringify({ participants, consents: frozen }), d.id);
  }
}

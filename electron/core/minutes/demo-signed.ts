import { addDays, zonedTimeToInstant } from '../../../shared/domain/dates';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/agenda';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { decisionRow, freezeEvaluation } from '../decisions/repo';
import type { KdfParams } from '../ports';
import { loadSession } from '../users/repo';
import { decideCorrection, proposeCorrection } from './corrections';
import { commitSignature, prepareSignature } from './signatures';
import { commitAdoption, ensureLatestVersion, prepareAdoption, setVersionState } from './versions';

interface DemoSignedMeetingFacts {
  today: string;
  /** Organisation ids in the demo's order: gemeente, IND, DT&V, NGO, politie, GGD. */
  organisationIds: readonly number[];
  /** Dossier ids in the order of demo-dossiers.ts. */
  dossierIds: readonly number[];
  chairUserId: number;
  secretaryUserId: number;
  /** The NGO's participant, who proposes a correction that the secretary accepts. */
  ngoUserId: number;
}

/** The demo's ids, looked up by the demo's own order and user names (create-demo.ts). */
function demoFacts(db: Db, today: string): DemoSignedMeetingFacts {
  const user = (username: string) =>
    (db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
  return {
    today,
    organisationIds: (
      db.prepare('SELECT id FROM organisations ORDER BY sort_order, id').all() as { id: number }[]
    ).map((r) => r.id),
    dossierIds: (db.prepare('SELECT id FROM dossiers ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    ),
    chairUserId: user('voorzitter'),
    secretaryUserId: user('notulist'),
    ngoUserId: user('ngo'),
  };
}

const reasonings = [
  'Vergunning verleend op grond van buitenschuld; de tafel ondersteunt de overgang naar regulier wonen.',
  'De buitenschuldvergunning is verleend; de IND sluit het dossier na de overdracht.',
  'DT&V heeft geen openstaande vertrekactie meer en steunt legalisatie.',
  'VluchtelingenWerk begeleidt de overgang naar huisvesting en inburgering.',
  'Geen bezwaren vanuit de politie.',
  'Schriftelijk: geen medische belemmering voor de overgang; conclusie gedeeld.',
];

/**
 * One finished meeting of two weeks ago with minutes that went the whole way — a correction proposed by
 * the NGO and accepted, adopted by the secretary, signed by the chair and the secretary — so the demo
 * shows export and verification at once. Uses the same core functions as the app, each step with its
 * audit record. Runs after the demo's base data exists; returns the meeting id.
 */
export async function addDemoSignedMeeting(
  db: Db,
  today: string,
  now: Date,
  /** The demo users' passwords (shown on screen): each signer's key is wrapped with their own. */
  signers: { password: (username: string) => string; kdf: KdfParams },
): Promise<number> {
  const f = demoFacts(db, today);
  const date = addDays(f.today, -14);
  const at = (time: string) => zonedTimeToInstant(date, time, DEFAULT_TIME_ZONE);
  const [gemeente, ind, dtv, ngo, politie, ggd] = f.organisationIds as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const orgs = [gemeente, ind, dtv, ngo, politie, ggd];
  const chen = f.dossierIds[2]!;
  const audit = (
    userId: number,
    orgId: number,
    action: string,
    entity: string,
    ids: number[],
    when = now.toISOString(),
  ) => appendAudit(db, { at: when, userId, organisationId: orgId, action, entity, ids });

  const meetingId = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO meetings (date, time, place, chair_user_id, secretary_user_id, state, started_at, ended_at)
           VALUES (?, '10:00', 'Stadskantoor, zaal 3', ?, ?, 'afgerond', ?, ?)`,
        )
        .run(date, f.chairUserId, f.secretaryUserId, at('10:00'), at('11:15')).lastInsertRowid,
    );
    const presence = [
      'aanwezig',
      'aanwezig',
      'aanwezig',
      'aanwezig',
      'afwezig_met_bericht',
      'schriftelijke_inbreng',
    ];
    // The names at the table, as the notulist entered them (issue 11: minutes name who was there).
    const names = [
      'Vera Voorzitter, Niels Notulist',
      'Ilse de Graaf',
      'Daan Mulder',
      'Noor El Amrani',
      '',
      '',
    ];
    orgs.forEach((org, i) =>
      db
        .prepare('INSERT INTO attendance (meeting_id, organisation_id, presence, names) VALUES (?, ?, ?, ?)')
        .run(id, org, presence[i], names[i]),
    );
    const item = db.prepare(
      `INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, title, reasons, planned_minutes, status, note)
       VALUES (?, ?, ?, ?, ?, '[]', ?, 'besproken', ?)`,
    );
    item.run(
      id,
      1,
      'opening',
      null,
      'Opening',
      2,
      'De voorzitter opent het overleg. De politie heeft zich afgemeld; de GGD stuurde schriftelijke inbreng.',
    );
    const chenItem = Number(
      item.run(
        id,
        2,
        'dossier',
        chen,
        null,
        15,
        'De IND heeft de buitenschuldvergunning verleend. VluchtelingenWerk begeleidt de overgang naar reguliere huisvesting; de gemeente regelt de uitschrijving uit de LVV.',
      ).lastInsertRowid,
    );
    item.run(id, 3, 'sluiting', null, 'Sluiting', 1, 'De voorzitter sluit het overleg om 11.15 uur.');

    const recordedAt = at('10:20');
    orgs.forEach((org, i) => {
      if (org === politie) return; // absent with apologies: no position
      const version = (
        db
          .prepare(
            'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM positions WHERE dossier_id = ? AND organisation_id = ?',
          )
          .get(chen, org) as { v: number }
      ).v;
      db.prepare(
        `INSERT INTO positions (dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, information, conditions,
           recorded_by, on_behalf, recorded_at) VALUES (?, ?, ?, ?, 'legalisatie', ?, ?, '', ?, ?, ?)`,
      ).run(
        chen,
        chenItem,
        org,
        version,
        reasonings[i],
        i === 1 ? 'Beschikking verleend.' : '',
        f.secretaryUserId,
        org === gemeente ? 0 : 1,
        recordedAt,
      );
    });
    const year = date.slice(0, 4);
    const { n } = db
      .prepare(
        "SELECT COALESCE(MAX(CAST(substr(number, 6) AS INTEGER)), 0) + 1 AS n FROM decisions WHERE number LIKE ? || '-%'",
      )
      .get(year) as { n: number };
    const decisionId = Number(
      db
        .prepare(
          `INSERT INTO decisions (number, dossier_id, agenda_item_id, meeting_id, text, direction, review_date, state, locked, decided_at)
           VALUES (?, ?, ?, ?, ?, 'legalisatie', ?, 'gedragen', 1, ?)`,
        )
        .run(
          `${year}-${String(n).padStart(3, '0')}`,
          chen,
          chenItem,
          id,
          'De tafel stelt vast dat met de verleende vergunning een duurzame oplossing is bereikt; het dossier gaat naar uitstroom.',
          addDays(date, 28),
          at('10:40'),
        ).lastInsertRowid,
    );
    const consent = db.prepare(
      'INSERT INTO consents (decision_id, organisation_id, consent, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    consent.run(decisionId, gemeente, 'akkoord', null, f.secretaryUserId, at('10:40'));
    consent.run(decisionId, ind, 'akkoord', null, f.secretaryUserId, at('10:40'));
    consent.run(
      decisionId,
      dtv,
      'akkoord_met_voorbehoud',
      'Alleen als het terugkeerdossier formeel wordt gesloten.',
      f.secretaryUserId,
      at('10:40'),
    );
    consent.run(decisionId, ngo, 'akkoord', null, f.secretaryUserId, at('10:40'));
    consent.run(
      decisionId,
      ggd,
      'onthouding',
      'Geen rol in de uitstroom; schriftelijke inbreng.',
      f.secretaryUserId,
      at('10:40'),
    );
    // Settled, so its table is frozen as settleDecision freezes it.
    freezeEvaluation(db, decisionRow(db, decisionId));
    const actionId = Number(
      db
        .prepare(
          `INSERT INTO actions (dossier_id, decision_id, meeting_id, what, organisation_id, person, due_date, status, created_at)
           VALUES (?, ?, ?, 'Woonplek en inschrijving BRP regelen met de cliënt', ?, 'Noor', ?, 'open', ?)`,
        )
        .run(chen, decisionId, id, ngo, addDays(date, 14), at('10:45')).lastInsertRowid,
    );
    audit(f.secretaryUserId, gemeente, 'meeting.create', 'meetings', [id]);
    audit(f.secretaryUserId, gemeente, 'decision.create', 'decisions', [decisionId]);
    audit(f.secretaryUserId, gemeente, 'action.create', 'actions', [actionId]);

    // The correction round: the NGO words its action more precisely; the secretary accepts.
    const version = ensureLatestVersion(db, id, now.toISOString(), f.secretaryUserId);
    setVersionState(db, version.id, 'correctieronde');
    audit(f.secretaryUserId, gemeente, 'minutes.start_corrections', 'minutes_versions', [version.id]);
    const correctionId = proposeCorrection(
      db,
      {
        meetingId: id,
        targetKind: 'action',
        targetId: actionId,
        field: 'what',
        text: 'Woonplek zoeken en inschrijving in de BRP regelen met de cliënt',
      },
      { userId: f.ngoUserId, organisationId: ngo },
      now.toISOString(),
    );
    audit(f.ngoUserId, ngo, 'minutes.correction.propose', 'minutes_corrections', [correctionId]);
    decideCorrection(
      db,
      correctionId,
      { accept: true, reason: 'Preciezer geformuleerd.' },
      f.secretaryUserId,
      now.toISOString(),
    );
    audit(f.secretaryUserId, gemeente, 'minutes.correction.accept', 'minutes_corrections', [correctionId]);
    return id;
  })();

  const prepared = await prepareAdoption(db, meetingId, now.toISOString());
  db.transaction(() => {
    commitAdoption(db, prepared, f.secretaryUserId, now.toISOString());
    audit(f.secretaryUserId, gemeente, 'minutes.adopt', 'minutes_versions', [prepared.versionId]);
  })();

  for (const userId of [f.chairUserId, f.secretaryUserId]) {
    const session = loadSession(db, userId)!;
    const signature = await prepareSignature(
      db,
      meetingId,
      session,
      { password: signers.password(session.username), kdf: signers.kdf },
      now,
    );
    db.transaction(() => {
      commitSignature(db, signature, userId, now.toISOString());
      audit(userId, gemeente, 'minutes.sign', 'minutes_versions', [signature.versionId]);
    })();
  }
  return meetingId;
}

import { DEFAULT_TIME_ZONE } from '../../../shared/domain/agenda';
import {
  DecisionDirection,
  decisionDirectionLabels,
  type ConsentValue,
  type PositionDirection,
} from '../../../shared/domain/consent';
import { addDays, zonedTimeToInstant } from '../../../shared/domain/dates';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { addHistoryRow } from '../decisions/dossier';
import { decisionRow, freezeEvaluation, nextDecisionNumber } from '../decisions/repo';
import { insertPosition, latestVersion } from '../positions/repo';
import { demoTimelines, type DemoActor } from './demo-history';

/*
 * What the table put on record before this week, so the demo's item panel shows "Vorige keer" and the
 * dossier pages show a timeline: last week's positions on the dossiers that come back this week, the
 * decision held there for Batbayar G. because the parties disagree, and every dossier's history.
 * Runs after the demo's meetings and signed minutes exist (create-demo.ts), in one transaction with
 * its audit records. Position texts hold conclusions only ("medische belemmering: ja"), never detail.
 */

type Party = 'gemeente' | 'ind' | 'dtv' | 'ngo' | 'ggd';

interface PositionText {
  direction: PositionDirection;
  reasoning: string;
  information?: string;
  conditions?: string;
}

interface ItemPositions {
  /** Index in demo-dossiers.ts. */
  dossier: number;
  /** When the table discussed the item; null when it was not reached and only written input exists. */
  discussedAt: string | null;
  positions: Partial<Record<Party, PositionText>>;
}

/** Last week's items (demo-meetings.ts): Mateus discussed, Batbayar held, Haider carried over, Chinedu discussed. */
const lastWeek: ItemPositions[] = [
  {
    dossier: 9, // Batbayar G.: IND and DT&V for return, the NGO and the GGD against it for now.
    discussedAt: '10:30',
    positions: {
      gemeente: {
        direction: 'nader_onderzoek',
        reasoning:
          'De gemeente wil eerst weten of terugkeer verantwoord is; de opvang loopt door tot de tafel een richting kiest.',
        conditions: 'Een besluit pas nadat de GGD de casemanager heeft geïnformeerd.',
      },
      ind: {
        direction: 'terugkeer',
        reasoning: 'Geen verblijfsgrond: eerdere aanvragen zijn afgewezen en er zijn geen nieuwe feiten.',
        information: 'Er lopen geen procedures.',
      },
      dtv: {
        direction: 'terugkeer',
        reasoning: 'Een reisdocument is via de ambassade te krijgen; vertrek met steun van IOM is haalbaar.',
        information: 'Identiteit vastgesteld; een presentatie bij de ambassade kan worden gepland.',
      },
      ngo: {
        direction: 'legalisatie',
        reasoning:
          'Eerst legalisatie serieus onderzoeken: volgens de GGD is er een medische belemmering. Terugkeer nu voorbereiden loopt daarop vooruit.',
        conditions: 'Geen presentatie bij de ambassade voordat de verblijfsmogelijkheden zijn onderzocht.',
      },
      ggd: {
        direction: 'stabilisatie',
        reasoning:
          'Schriftelijk: medische belemmering ja, toelichting bij de GGD. Terugkeer is op dit moment niet verantwoord.',
      },
    },
  },
  {
    dossier: 4, // Haider K. J.: the return track, in execution; sent in as written input.
    discussedAt: null,
    positions: {
      gemeente: {
        direction: 'terugkeer',
        reasoning: 'Terugkeer binnen zes maanden na de intake; de nachtopvang loopt door tot het vertrek.',
      },
      ind: {
        direction: 'terugkeer',
        reasoning: 'Er lopen geen procedures meer; niets staat het vertrek in de weg.',
      },
      dtv: {
        direction: 'terugkeer',
        reasoning: 'Laissez-passer aangevraagd bij de Iraakse ambassade; vertrek zodra het document er is.',
        information: 'De presentatie bij de ambassade heeft plaatsgevonden.',
      },
      ngo: {
        direction: 'terugkeer',
        reasoning: 'De cliënt kiest zelf voor terugkeer; VluchtelingenWerk bereidt die samen met IOM voor.',
        conditions: 'Herintegratiesteun (HRT) is geregeld vóór het vertrek.',
      },
      ggd: {
        direction: 'geen_standpunt',
        reasoning: 'Schriftelijk: geen medische belemmering; fit-to-fly-check kort voor het vertrek.',
      },
    },
  },
  {
    dossier: 5, // Chinedu O.: two-track.
    discussedAt: '11:15',
    positions: {
      gemeente: {
        direction: 'tweesporen',
        reasoning: 'Beide sporen blijven lopen; de cliënt bereidt de terugkeer in eigen tempo voor.',
      },
      ind: { direction: 'terugkeer', reasoning: 'Geen verblijfsperspectief; er lopen geen procedures.' },
      dtv: {
        direction: 'terugkeer',
        reasoning: 'Vertrekgesprek gevoerd; de cliënt twijfelt nog.',
        information: 'Een presentatie bij de ambassade kan worden gepland.',
      },
      ngo: {
        direction: 'tweesporen',
        reasoning:
          'Schaamte richting familie weegt zwaar; begeleiding naar terugkeer met een terugkeercoach en informatie van IOM over herintegratie.',
        conditions: 'Tijd voor gesprekken met de familie vóór een vertrekdatum.',
      },
      ggd: { direction: 'geen_standpunt', reasoning: 'Schriftelijk: geen medische belemmering.' },
    },
  },
];

/** Batbayar G.'s decision: the chair proposed return; the NGO and the GGD objected, so it was held. */
const held = {
  dossier: 9,
  text: 'Terugkeer voorbereiden met DT&V en IOM.',
  consents: {
    gemeente: {
      consent: 'akkoord_met_voorbehoud',
      reason: 'Alleen als de GGD vooraf heeft beoordeeld of terugkeer verantwoord is.',
    },
    ind: { consent: 'akkoord', reason: null },
    dtv: { consent: 'akkoord', reason: null },
    ngo: {
      consent: 'bezwaar',
      reason: 'Eerst legalisatie onderzoeken; medische belemmering volgens de GGD.',
    },
    ggd: {
      consent: 'bezwaar',
      reason: 'Schriftelijk: terugkeer nu niet verantwoord; toelichting bij de GGD.',
    },
  } satisfies Record<Party, { consent: ConsentValue; reason: string | null }>,
};

/** The user who speaks for each party in writing (the gemeente's casemanager for the gemeente). */
const ownUser: Record<Party, string> = {
  gemeente: 'casemanager',
  ind: 'ind',
  dtv: 'dtv',
  ngo: 'ngo',
  ggd: 'ggd',
};

interface Facts {
  org: Record<Party, number>;
  dossiers: number[];
  user(username: string): { id: number; organisationId: number };
  meetingId: number;
  date: string;
  itemOf(dossierId: number): number;
}

function facts(db: Db, today: string): Facts {
  const orgRows = db.prepare('SELECT id, kind FROM organisations ORDER BY sort_order, id').all() as {
    id: number;
    kind: string;
  }[];
  const orgOf = (kind: string) => orgRows.find((o) => o.kind === kind)!.id;
  const date = addDays(today, -7);
  const meeting = db
    .prepare("SELECT id FROM meetings WHERE date = ? AND state = 'afgerond' ORDER BY id LIMIT 1")
    .get(date) as { id: number };
  return {
    org: {
      gemeente: orgOf('gemeente'),
      ind: orgOf('ind'),
      dtv: orgOf('dtv'),
      ngo: orgOf('ngo'),
      ggd: orgOf('ggd'),
    },
    dossiers: (db.prepare('SELECT id FROM dossiers ORDER BY id').all() as { id: number }[]).map((r) => r.id),
    user: (username) => {
      const u = db.prepare('SELECT id, organisation_id FROM users WHERE username = ?').get(username) as {
        id: number;
        organisation_id: number;
      };
      return { id: u.id, organisationId: u.organisation_id };
    },
    meetingId: meeting.id,
    date,
    itemOf: (dossierId) =>
      (
        db
          .prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND dossier_id = ?')
          .get(meeting.id, dossierId) as { id: number }
      ).id,
  };
}

/** Writes the demo's earlier record; `now` is the instant of the audit records. */
export function addDemoRecord(db: Db, today: string, now: string): void {
  db.transaction(() => {
    const f = facts(db, today);
    const at = (date: string, time: string) => zonedTimeToInstant(date, time, DEFAULT_TIME_ZONE);
    const secretary = f.user('notulist');
    const chair = f.user('voorzitter');
    const audit = (
      who: { id: number; organisationId: number },
      action: string,
      entity: string,
      ids: number[],
    ) =>
      appendAudit(db, { at: now, userId: who.id, organisationId: who.organisationId, action, entity, ids });

    // Positions: written input the day before the meeting by the party itself (the GGD always, as it
    // sent written input; everyone for an item the table did not reach), the rest by the secretary.
    const recordedBy = new Map<string, number[]>();
    for (const item of lastWeek) {
      const dossierId = f.dossiers[item.dossier]!;
      const itemId = f.itemOf(dossierId);
      for (const [party, p] of Object.entries(item.positions) as [Party, PositionText][]) {
        const written = party === 'ggd' || item.discussedAt === null;
        const username = written ? ownUser[party] : 'notulist';
        const by = f.user(username);
        const id = insertPosition(db, {
          dossierId,
          itemId,
          organisationId: f.org[party],
          version: latestVersion(db, dossierId, f.org[party]) + 1,
          expectedVersion: 0,
          direction: p.direction,
          reasoning: p.reasoning,
          information: p.information ?? '',
          conditions: p.conditions ?? '',
          withheld: false,
          withheldReason: null,
          recordedBy: by.id,
          onBehalf: !written, // the secretary is no deelnemer: always on behalf (positions/access.ts)
          recordedAt: written ? at(addDays(f.date, -1), '15:00') : at(f.date, item.discussedAt!),
        });
        recordedBy.set(username, [...(recordedBy.get(username) ?? []), id]);
      }
    }
    for (const [username, ids] of recordedBy) audit(f.user(username), 'position.record', 'positions', ids);

    // The held decision, locked with its meeting; the dossier's timeline says why (as recordHeld does).
    const dossierId = f.dossiers[held.dossier]!;
    const decidedAt = at(f.date, '10:45');
    const number = nextDecisionNumber(db, Number(f.date.slice(0, 4)));
    const decisionId = Number(
      db
        .prepare(
          `INSERT INTO decisions (number, dossier_id, agenda_item_id, meeting_id, text, direction, review_date, state, locked, decided_at, version)
           VALUES (?, ?, ?, ?, ?, 'terugkeer', NULL, 'aangehouden', 1, ?, 2)`,
        )
        .run(number, dossierId, f.itemOf(dossierId), f.meetingId, held.text, decidedAt).lastInsertRowid,
    );
    const consent = db.prepare(
      'INSERT INTO consents (decision_id, organisation_id, consent, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [party, c] of Object.entries(held.consents) as [Party, (typeof held.consents)[Party]][])
      consent.run(decisionId, f.org[party], c.consent, c.reason, secretary.id, at(f.date, '10:40'));
    // Settled, so its table is frozen as settleDecision freezes it.
    freezeEvaluation(db, decisionRow(db, decisionId));
    addHistoryRow(db, dossierId, 'besluit', `${number}: concept`, `${number}: aangehouden`, {
      at: decidedAt,
      userId: chair.id,
      reason: `Besluit ${number} aangehouden: ${held.text}`,
      decisionId,
    });
    audit(chair, 'decision.create', 'decisions', [decisionId]);
    audit(chair, 'decision.aanhouden', 'decisions', [decisionId]);

    writeTimelines(db, f, at);
    audit(chair, 'dossier.update', 'dossiers', f.dossiers);
  })();
}

/**
 * Every dossier's timeline. A decision carried in the demo's signed meeting (Chen X.) ends its
 * dossier's timeline the way settling it in the app does, naming the decision.
 */
function writeTimelines(db: Db, f: Facts, at: (date: string, time: string) => string): void {
  const actor: Record<DemoActor, number> = {
    casemanager: f.user('casemanager').id,
    voorzitter: f.user('voorzitter').id,
  };
  const carried = db.prepare(
    "SELECT id, number, direction, decided_at FROM decisions WHERE dossier_id = ? AND state = 'gedragen'",
  );
  demoTimelines.forEach((timeline, i) => {
    const dossierId = f.dossiers[i]!;
    let state = { status: 'aangemeld', track: 'nog_te_bepalen' };
    const start = { at: at(timeline.referredAt, '09:00'), userId: actor.casemanager, reason: '' };
    addHistoryRow(db, dossierId, 'status', null, state.status, start);
    addHistoryRow(db, dossierId, 'track', null, state.track, start);
    for (const c of timeline.changes) {
      const facts = { at: at(c.date, '11:00'), userId: actor[c.by], reason: c.reason };
      if (c.status) addHistoryRow(db, dossierId, 'status', state.status, c.status, facts);
      if (c.track) addHistoryRow(db, dossierId, 'track', state.track, c.track, facts);
      state = { status: c.status ?? state.status, track: c.track ?? state.track };
    }
    for (const d of carried.all(dossierId) as CarriedRow[])
      addHistoryRow(db, dossierId, 'status', state.status, 'besluit_gedragen', {
        at: d.decided_at,
        userId: actor.voorzitter,
        reason: `Gedragen besluit ${d.number}: ${decisionDirectionLabels[DecisionDirection.parse(d.direction)]}`,
        decisionId: d.id,
      });
  });
}

interface CarriedRow {
  id: number;
  number: string;
  direction: string;
  decided_at: string;
}

import type { DossierBrief } from '../../../shared/contract/meetings';
import { ClientWish, DossierStatus, pseudonym, Track } from '../../../shared/domain/dossier';
import type { Db } from '../db/open';

interface Row {
  id: number;
  number: string;
  name: string;
  status: string;
  track: string;
  target_date: string | null;
  review_date: string | null;
  stuck: number;
  stuck_reason: string | null;
  on_hold: number;
  vulnerable: number;
  lead_ngo: string | null;
  regievoerder: string | null;
  casemanager: string | null;
  client_wish: string | null;
  client_wish_text: string | null;
  future_talk_date: string | null;
  last_contact_date: string | null;
}

/**
 * The chair's summary of a dossier in meeting mode, with its status and track timeline. Reads only
 * what the table discusses: no V-nummer, no date of birth, nothing from dossier_special.
 */
export function dossierBrief(db: Db, id: number): DossierBrief | null {
  const r = db
    .prepare(
      `SELECT d.id, d.number, d.name, d.status, d.track, d.target_date, d.review_date, d.stuck, d.stuck_reason,
              d.on_hold, d.vulnerable, o.name AS lead_ngo, d.regievoerder, d.casemanager, d.client_wish,
              d.client_wish_text, d.future_talk_date, d.last_contact_date
         FROM dossiers d LEFT JOIN organisations o ON o.id = d.lead_ngo_id WHERE d.id = ?`,
    )
    .get(id) as Row | undefined;
  if (!r) return null;
  const history = db
    .prepare(
      `SELECT at, field, from_value, to_value, reason FROM dossier_history
        WHERE dossier_id = ? AND field IN ('status', 'track') ORDER BY at, id`,
    )
    .all(id) as {
    at: string;
    field: 'status' | 'track';
    from_value: string | null;
    to_value: string;
    reason: string;
  }[];
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    pseudonym: pseudonym(r.number, r.name),
    status: DossierStatus.parse(r.status),
    track: Track.parse(r.track),
    targetDate: r.target_date,
    reviewDate: r.review_date,
    stuck: r.stuck === 1,
    stuckReason: r.stuck_reason,
    onHold: r.on_hold === 1,
    vulnerable: r.vulnerable === 1,
    leadNgo: r.lead_ngo,
    regievoerder: r.regievoerder,
    casemanager: r.casemanager,
    clientWish: ClientWish.safeParse(r.client_wish).data ?? null,
    clientWishText: r.client_wish_text,
    futureTalkDate: r.future_talk_date,
    lastContactDate: r.last_contact_date,
    history: history.map((h) => ({
      at: h.at,
      field: h.field,
      from: h.from_value,
      to: h.to_value,
      reason: h.reason,
    })),
  };
}

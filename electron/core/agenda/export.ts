import { reasonLabel } from '../../../shared/domain/agenda';
import type { AgendaExport } from '../../../shared/contract/meetings';
import { docxStyle, type DocxStyle } from '../../../shared/theme/docx';
import type { Db } from '../db/open';
import { organisationNames } from '../organisations/repo';
import { getSetting } from '../settings/settings';
import { itemLabel, listItems, meetingRow, stateOf } from '../meetings/repo';
import { meetingCutoff, proposeFromDb } from './propose';

/** "10:00" + 95 minutes → "11:35" (wraps past midnight, which a meeting never reaches). */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The agenda as it is sent to the parties: pseudonymised by construction. Dossiers appear only as
 * dossier number and initials (the item label); no V-nummer, name, date of birth or special-category
 * column is read. The DOCX is built from this model only, so it cannot contain more than the JSON.
 */
export function agendaExport(db: Db, meetingId: number): AgendaExport {
  const m = meetingRow(db, meetingId);
  const orgs = organisationNames(db);
  const userName = (id: number | null) =>
    id === null
      ? null
      : ((db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ??
        null);
  let minute = 0;
  const stored = listItems(db, meetingId);
  const proposed = stored.length === 0 && (m.state === 'gepland' || m.state === 'in_voorbereiding');
  const source = proposed ? proposedItems(db, meetingId) : stored;
  const items = source.map((item, i) => {
    const startsAt = addMinutes(m.time, minute);
    minute += item.plannedMinutes;
    return {
      number: i + 1,
      kind: item.kind,
      label: item.label,
      dossierNumber: item.dossierNumber,
      reasons: item.reasons.map((r) => reasonLabel(r, { organisationName: (id) => orgs.get(id) })),
      plannedMinutes: item.plannedMinutes,
      startsAt,
    };
  });
  return {
    proposed,
    meeting: {
      id: m.id,
      city: getSetting(db, 'city'),
      date: m.date,
      time: m.time,
      place: m.place,
      state: stateOf(m),
      chair: userName(m.chair_user_id),
      secretary: userName(m.secretary_user_id),
      cutoff: meetingCutoff(db, m.date),
    },
    items,
  };
}

/** The environment's house style for the agenda DOCX: its theme's heading colour and typeface. */
export function agendaDocxStyle(db: Db): DocxStyle {
  return docxStyle(getSetting(db, 'theme'));
}

/** The file name of an exported agenda, e.g. "agenda-2026-11-23.docx". */
export const agendaFileName = (date: string, ext: 'docx' | 'json') => `agenda-${date}.${ext}`;

/** The proposal in the shape of stored items (label, reasons, minutes): what an empty agenda would become. */
function proposedItems(db: Db, meetingId: number) {
  const p = proposeFromDb(db, meetingId);
  return p.items.map((i) => ({
    kind: i.kind,
    label: itemLabel(
      i.kind,
      i.title,
      i.dossierNumber,
      i.dossierId === null ? null : (p.names.get(i.dossierId) ?? ''),
    ),
    dossierNumber: i.dossierNumber,
    reasons: i.reasons,
    plannedMinutes: i.plannedMinutes,
  }));
}

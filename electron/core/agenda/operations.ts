import type { Handlers } from '../../../shared/contract/index';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { agendaItemKindLabels } from '../../../shared/domain/agenda';
import { isPermutationOf, orderAfterAccept, orderAfterAdd } from '../../../shared/domain/agenda-order';
import type { Db } from '../db/open';
import {
  badField,
  conflict,
  dossierByNumber,
  editMeeting,
  EDITABLE,
  type Change,
} from '../meetings/operations';
import {
  deleteItem,
  insertItem,
  itemHasWork,
  itemIdsInOrder,
  itemOf,
  listItems,
  renumber,
  setItemReasons,
  setPlannedMinutes,
} from '../meetings/repo';
import { itemKey, proposeFromDb, readAgendaSettings } from './propose';

/*
 * Changes to a meeting's stored agenda. Where items go is decided by the pure rules in
 * shared/domain/agenda-order.ts; this reads the agenda, asks them and writes the answer.
 */

type Input<M extends keyof Handlers> = Parameters<Handlers[M]>[0];
const agendaEdit = { states: EDITABLE, reason: 'finished', agenda: true } as const;

/** Puts the chosen proposed items on the agenda; items already there get their reasons brought up to date. */
export function acceptProposal(db: Db, input: Input<'meetings.agenda.accept'>): Change<MeetingDetail> {
  return editMeeting(db, input, agendaEdit, (row) => {
    const proposal = proposeFromDb(db, row.id).items;
    const index = new Map(proposal.map((p, i) => [itemKey(p), i]));
    const wanted = new Set(input.keys);
    input.keys.forEach((k, i) => {
      if (!index.has(k)) throw badField(`keys.${i}`, 'not_proposed', 'Not (or no longer) proposed');
    });
    const stored = listItems(db, row.id);
    const storedByKey = new Map(stored.map((s) => [itemKey(s), s]));
    const touched: number[] = [];
    const newIds = new Map<number, number>(); // proposal index → new item id
    proposal.forEach((p, k) => {
      const key = itemKey(p);
      if (!wanted.has(key)) return;
      const existing = storedByKey.get(key);
      if (existing) {
        // Already on the agenda: bring its reasons up to date (e.g. a request that came in later).
        setItemReasons(db, existing.id, p.reasons, p.carriedFrom);
        touched.push(existing.id);
      } else {
        const id = insertItem(db, row.id, 0, p);
        newIds.set(k, id);
        touched.push(id);
      }
    });
    const order = orderAfterAccept(
      stored.map((s) => index.get(itemKey(s)) ?? null),
      [...newIds.keys()],
    );
    renumber(
      db,
      order.map((slot) => ('stored' in slot ? stored[slot.stored]!.id : newIds.get(slot.proposed)!)),
    );
    return { action: 'agenda.accept', entity: 'agenda_items', ids: [row.id, ...touched] };
  });
}

/** Adds an item by hand, before the closing items. */
export function addItem(db: Db, input: Input<'meetings.agenda.add'>): Change<MeetingDetail> {
  return editMeeting(db, input, agendaEdit, (row) => {
    const settings = readAgendaSettings(db);
    const kind = input.kind;
    const items = listItems(db, row.id);
    let dossierId: number | null = null;
    if (kind === 'dossier') {
      const dossier = dossierByNumber(db, input.dossierNumber!, 'dossierNumber');
      if (items.some((i) => i.dossierId === dossier.id))
        throw badField('dossierNumber', 'already_on_agenda', 'Dossier already on the agenda');
      dossierId = dossier.id;
    }
    const title = kind === 'dossier' ? null : (input.title ?? agendaItemKindLabels[kind]);
    const id = insertItem(db, row.id, items.length + 1, {
      kind,
      dossierId,
      title,
      reasons: [],
      plannedMinutes: input.plannedMinutes ?? settings.minutesPerDossier,
      carriedFrom: null,
    });
    renumber(db, orderAfterAdd(items, { id, kind }));
    return { action: 'agenda.add', entity: 'agenda_items', ids: [row.id, id] };
  });
}

/** Removes an item that is not being discussed and has nothing recorded under it. */
export function removeItem(db: Db, input: Input<'meetings.agenda.remove'>): Change<MeetingDetail> {
  return editMeeting(db, input, agendaEdit, (row) => {
    itemOf(db, row.id, input.itemId);
    if (row.current_item_id === input.itemId) throw conflict('current_item', 'The item is being discussed');
    if (itemHasWork(db, input.itemId))
      throw conflict('item_has_work', 'Positions or decisions were recorded under this item');
    deleteItem(db, input.itemId);
    renumber(db, itemIdsInOrder(db, row.id));
    return { action: 'agenda.remove', entity: 'agenda_items', ids: [row.id, input.itemId] };
  });
}

export function reorderItems(db: Db, input: Input<'meetings.agenda.reorder'>): Change<MeetingDetail> {
  return editMeeting(db, input, agendaEdit, (row) => {
    if (!isPermutationOf(itemIdsInOrder(db, row.id), input.itemIds))
      throw badField('itemIds', 'not_a_permutation', 'Give every item of this agenda exactly once');
    renumber(db, input.itemIds);
    return { action: 'agenda.reorder', entity: 'agenda_items', ids: [row.id] };
  });
}

export function changePlannedMinutes(
  db: Db,
  input: Input<'meetings.agenda.setMinutes'>,
): Change<MeetingDetail> {
  return editMeeting(db, input, agendaEdit, (row) => {
    itemOf(db, row.id, input.itemId);
    setPlannedMinutes(db, input.itemId, input.plannedMinutes);
    return { action: 'agenda.update', entity: 'agenda_items', ids: [row.id, input.itemId] };
  });
}

import type { AgendaItemKind, AgendaItemStatus } from './agenda';

/*
 * The rules for the order and the status of the items on a stored agenda, as pure functions; the
 * backend reads the agenda, asks these, and writes the answer. Tests pin each rule
 * (test/unit/domain/agenda-order.test.ts).
 */

/** Rondvraag and sluiting close a meeting: items added by hand go before them. */
export const isClosingKind = (kind: AgendaItemKind): boolean => kind === 'rondvraag' || kind === 'sluiting';

/**
 * The agenda after adding one item by hand: before the closing items, so "rondvraag" and "sluiting"
 * stay last; a closing item itself goes at the very end. `items` are in agenda order.
 */
export function orderAfterAdd<Id>(
  items: readonly { id: Id; kind: AgendaItemKind }[],
  added: { id: Id; kind: AgendaItemKind },
): Id[] {
  if (isClosingKind(added.kind)) return [...items.map((i) => i.id), added.id];
  return [
    ...items.filter((i) => !isClosingKind(i.kind)).map((i) => i.id),
    added.id,
    ...items.filter((i) => isClosingKind(i.kind)).map((i) => i.id),
  ];
}

/** A place on the agenda: a stored item (its index in the stored list) or a newly accepted proposal. */
export type AgendaSlot = { stored: number } | { proposed: number };

/**
 * The agenda after accepting proposed items. `storedIndexes` gives, for each stored item in agenda
 * order, its index in the proposal (null when the proposal no longer has it); `added` the proposal
 * indexes of the accepted items not on the agenda yet. Each new item goes right after the last item
 * that comes earlier in the proposal, so the chair's own order of the stored items is kept, opening
 * stays first and rondvraag last.
 */
export function orderAfterAccept(
  storedIndexes: readonly (number | null)[],
  added: readonly number[],
): AgendaSlot[] {
  const order: [AgendaSlot, number | null][] = storedIndexes.map((k, i) => [{ stored: i }, k]);
  for (const k of [...added].sort((a, b) => a - b)) {
    let at = 0;
    order.forEach(([, idx], i) => {
      if (idx !== null && idx < k) at = i + 1;
    });
    order.splice(at, 0, [{ proposed: k }, k]);
  }
  return order.map(([slot]) => slot);
}

/** Whether `given` names every item of `current` exactly once (a reorder of the whole agenda). */
export function isPermutationOf(current: readonly number[], given: readonly number[]): boolean {
  const set = new Set(given);
  return set.size === given.length && set.size === current.length && current.every((x) => set.has(x));
}

/** Items whose discussion was not finished carry over to the next meeting ("doorgeschoven"). */
export const carriesOver = (kind: AgendaItemKind): boolean => kind === 'dossier' || kind === 'onderwerp';

/**
 * An item's status once the meeting ends: an open dossier or topic moves on to the next meeting, an
 * open procedural item (opening, rondvraag, …) simply counts as done; decided items keep theirs.
 */
export function statusAtEnd(kind: AgendaItemKind, status: AgendaItemStatus): AgendaItemStatus {
  if (status !== 'open') return status;
  return carriesOver(kind) ? 'doorgeschoven' : 'besproken';
}

import { describe, expect, it } from 'vitest';
import { isLate, type AgendaItemKind } from '../../../shared/domain/agenda';
import {
  isPermutationOf,
  orderAfterAccept,
  orderAfterAdd,
  statusAtEnd,
} from '../../../shared/domain/agenda-order';

const CUTOFF = '2026-03-09T11:00:00.000Z';

describe('isLate', () => {
  it('is on time up to and including the cut-off instant, late one millisecond after', () => {
    expect(isLate('2026-03-09T10:59:59.999Z', CUTOFF)).toBe(false);
    expect(isLate(CUTOFF, CUTOFF)).toBe(false);
    expect(isLate('2026-03-09T11:00:00.001Z', CUTOFF)).toBe(true);
  });

  it('compares instants, not strings: another offset for the same moment is the same moment', () => {
    expect(isLate('2026-03-09T12:00:00.000+01:00', CUTOFF)).toBe(false);
    expect(isLate('2026-03-09T12:30:00+01:00', CUTOFF)).toBe(true);
  });
});

const item = (id: number, kind: AgendaItemKind) => ({ id, kind });

describe('orderAfterAdd (an item added by hand)', () => {
  const agenda = [item(1, 'opening'), item(2, 'dossier'), item(3, 'rondvraag'), item(4, 'sluiting')];

  it('goes before rondvraag and sluiting', () => {
    expect(orderAfterAdd(agenda, item(9, 'onderwerp'))).toEqual([1, 2, 9, 3, 4]);
    expect(orderAfterAdd(agenda, item(9, 'dossier'))).toEqual([1, 2, 9, 3, 4]);
  });

  it('a closing item itself goes at the very end', () => {
    expect(orderAfterAdd(agenda, item(9, 'rondvraag'))).toEqual([1, 2, 3, 4, 9]);
  });

  it('goes last on an agenda without closing items', () => {
    expect(orderAfterAdd([item(1, 'opening')], item(9, 'dossier'))).toEqual([1, 9]);
  });
});

describe('orderAfterAccept (proposed items put on the agenda)', () => {
  it('puts each new item after the last stored item that comes earlier in the proposal', () => {
    // Proposal: 0 opening, 1 dossier A, 2 dossier B, 3 rondvraag, 4 sluiting; stored: opening, rondvraag, sluiting.
    expect(orderAfterAccept([0, 3, 4], [1, 2])).toEqual([
      { stored: 0 },
      { proposed: 1 },
      { proposed: 2 },
      { stored: 1 },
      { stored: 2 },
    ]);
  });

  it("keeps the chair's own order of stored items, and puts items nothing precedes first", () => {
    // Stored in the chair's order: B (2) before A (1); accepting opening (0) and C (3).
    expect(orderAfterAccept([2, 1], [3, 0])).toEqual([
      { proposed: 0 },
      { stored: 0 },
      { stored: 1 },
      { proposed: 3 },
    ]);
  });

  it('ignores stored items the proposal no longer has when placing new ones', () => {
    expect(orderAfterAccept([null, 0], [1])).toEqual([{ stored: 0 }, { stored: 1 }, { proposed: 1 }]);
    expect(orderAfterAccept([0, null], [1])).toEqual([{ stored: 0 }, { proposed: 1 }, { stored: 1 }]);
  });
});

describe('isPermutationOf', () => {
  it('accepts every item exactly once, in any order', () => {
    expect(isPermutationOf([1, 2, 3], [3, 1, 2])).toBe(true);
  });
  it('refuses a missing, doubled or foreign item', () => {
    expect(isPermutationOf([1, 2, 3], [1, 2])).toBe(false);
    expect(isPermutationOf([1, 2, 3], [1, 2, 2])).toBe(false);
    expect(isPermutationOf([1, 2, 3], [1, 2, 2, 3])).toBe(false);
    expect(isPermutationOf([1, 2, 3], [1, 2, 4])).toBe(false);
  });
});

describe('statusAtEnd (carry-over when the meeting ends)', () => {
  it('moves open dossiers and topics on to the next meeting', () => {
    expect(statusAtEnd('dossier', 'open')).toBe('doorgeschoven');
    expect(statusAtEnd('onderwerp', 'open')).toBe('doorgeschoven');
  });
  it('counts open procedural items as done', () => {
    for (const kind of ['opening', 'verslag', 'acties', 'rondvraag', 'sluiting'] as const)
      expect(statusAtEnd(kind, 'open')).toBe('besproken');
  });
  it('keeps the status of items the table dealt with', () => {
    expect(statusAtEnd('dossier', 'aangehouden')).toBe('aangehouden');
    expect(statusAtEnd('dossier', 'besproken')).toBe('besproken');
    expect(statusAtEnd('opening', 'doorgeschoven')).toBe('doorgeschoven');
  });
});

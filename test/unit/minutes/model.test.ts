import { describe, expect, it } from 'vitest';
import { minutesContentHash } from '../../../electron/core/minutes/content-hash';
import {
  actionList,
  decisionList,
  dossierLabel,
  initialsFromName,
} from '../../../electron/core/minutes/model';
import { demoMinutes } from './fixtures';

describe('minutes model', () => {
  it('names a dossier by number and initials', () => {
    expect(initialsFromName('Chen Xiu')).toBe('C.X.');
    expect(initialsFromName('Khaled Al-Hassan')).toBe('K.A.H.');
    expect(initialsFromName('  Grâce  Mbuyi Kabila ')).toBe('G.M.K.');
    expect(dossierLabel({ number: 'D-2026-0003', initials: 'C.X.' })).toBe('D-2026-0003 (C.X.)');
  });

  it('derives the besluitenlijst and actielijst from the items', () => {
    const model = demoMinutes();
    const decisions = decisionList(model);
    expect(decisions).toHaveLength(10);
    expect(decisions[0]).toMatchObject({
      number: '2026-010',
      item: 'D-2026-0001 (M.K.D.)',
      state: 'gedragen',
    });
    expect(decisions.find((d) => d.number === '2026-019')?.state).toBe('aangehouden');
    const actions = actionList(model);
    expect(actions).toHaveLength(20);
    expect(actions[0]).toMatchObject({ item: 'D-2026-0001 (M.K.D.)', organisation: 'VluchtelingenWerk' });
  });

  it('survives a JSON round trip unchanged', () => {
    const model = demoMinutes();
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('hashes the content, not the state, the signature page or the generation time', () => {
    const model = demoMinutes();
    const hash = minutesContentHash(model);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      minutesContentHash({
        ...model,
        state: 'ondertekend',
        signaturePage: null,
        generatedAt: '2027-01-01T00:00:00Z',
      }),
    ).toBe(hash);
    const reordered = Object.fromEntries(Object.entries(model).reverse()) as typeof model;
    expect(minutesContentHash(reordered)).toBe(hash);
    const changed = demoMinutes();
    const item = changed.items[1]!;
    if (item.kind !== 'dossier') throw new Error('fixture: item 1 is a dossier');
    item.positions[0]!.reasoning += '!';
    expect(minutesContentHash(changed)).not.toBe(hash);
    expect(minutesContentHash({ ...model, version: 3 })).not.toBe(hash);
  });
});

import { describe, expect, it } from 'vitest';
import { packMinutesDocx } from '../../../electron/core/minutes/build-docx';
import type { DossierItem } from '../../../electron/core/minutes/model';
import { restrictToDossier, restrictToOrganisation } from '../../../electron/core/minutes/restrict';
import { demoMinutes, organisations } from './fixtures';
import { docxText } from './read-docx';

const dossierItems = (items: ReturnType<typeof demoMinutes>['items']): DossierItem[] =>
  items.filter((i): i is DossierItem => i.kind === 'dossier');

describe('extract per organisation', () => {
  const full = demoMinutes();
  const extract = restrictToOrganisation(full, 'IND');

  it("keeps only the organisation's positions, consents and actions, and every decision", () => {
    const items = dossierItems(extract.items);
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(item.positions.map((p) => p.organisation)).toEqual(['IND']);
      expect(item.decision!.consents.map((c) => c.organisation)).toEqual(['IND']);
      expect(item.actions.every((a) => a.organisation === 'IND')).toBe(true);
    }
    expect(extract.items.filter((i) => i.kind === 'procedural')).toHaveLength(1);
    expect(extract.earlierOpenActions).toEqual([]);
    expect(extract.signaturePage).toBeNull();
    expect(extract.extract).toEqual({ organisation: 'IND', dossierNumber: null });
  });

  it('leaves out dossiers the organisation took no part in', () => {
    const model = demoMinutes();
    const first = dossierItems(model.items)[0]!;
    first.positions = first.positions.filter((p) => p.organisation !== 'Politie');
    first.decision!.consents = first.decision!.consents.filter((c) => c.organisation !== 'Politie');
    const items = dossierItems(restrictToOrganisation(model, 'Politie').items);
    expect(items.map((i) => i.dossier.number)).not.toContain(first.dossier.number);
    expect(items).toHaveLength(9);
  });

  it("prints no other organisation's positions or reasons", async () => {
    const text = docxText(await packMinutesDocx(extract));
    expect(text).toContain('Uittreksel voor IND');
    expect(text).toContain('IND ziet legalisatie als haalbare duurzame oplossing');
    expect(text).toContain('Nationaliteit nog niet vastgesteld.'); // IND's own abstention reason
    for (const other of organisations.filter((o) => o !== 'IND')) {
      expect(text).not.toContain(`${other} ziet`);
      expect(text).not.toContain(`${other} deelt`);
    }
    expect(text).not.toContain('Medicatie is in de hoofdstad beschikbaar'); // DT&V's objection
    expect(text).not.toContain('Lopend strafrechtelijk onderzoek'); // what the police withheld
    expect(text).not.toContain('Vaststelling en ondertekening');
    for (const item of dossierItems(full.items)) expect(text).toContain(item.decision!.text);
  });
});

describe('extract per dossier', () => {
  it('keeps one dossier and its earlier actions', () => {
    const model = demoMinutes();
    const number = dossierItems(model.items)[0]!.dossier.number;
    const extract = restrictToDossier(model, number);
    expect(extract.items).toHaveLength(1);
    expect(extract.earlierOpenActions).toHaveLength(1);
    expect(extract.extract).toEqual({ organisation: null, dossierNumber: number });
    expect(restrictToDossier(model, dossierItems(model.items)[1]!.dossier.number).earlierOpenActions).toEqual(
      [],
    );
  });

  it('composes with the organisation extract', async () => {
    const model = demoMinutes();
    const number = dossierItems(model.items)[3]!.dossier.number;
    const extract = restrictToDossier(restrictToOrganisation(model, 'DT&V'), number);
    expect(extract.extract).toEqual({ organisation: 'DT&V', dossierNumber: number });
    const text = docxText(await packMinutesDocx(extract));
    expect(text).toContain(`Uittreksel voor DT&V, dossier ${number}`);
    expect(text).toContain(number);
    expect(text).not.toContain(dossierItems(model.items)[4]!.dossier.number);
  });

  it('refuses a dossier that is not in the minutes', () => {
    expect(() => restrictToDossier(demoMinutes(), 'D-1999-0001')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

import { demoDossiers } from '../../../electron/core/demo/demo-dossiers';
import {
  initialsFromName,
  type ConsentValue,
  type DecisionState,
  type Direction,
  type DossierItem,
  type MinutesModel,
  type Position,
} from '../../../electron/core/minutes/model';

/**
 * Minutes models for tests and the benchmark. The dossiers come from the demo data, which does hold
 * V-nummers and health detail: the mapping here takes number and initials only, as the real model
 * builder must, so the tests can show nothing else reaches the document.
 */

export const organisations = ['Gemeente Demostad', 'IND', 'DT&V', 'VluchtelingenWerk', 'Politie'] as const;
export const writtenInputOrganisation = 'GGD';

const directions: Direction[] = ['legalisatie', 'terugkeer', 'doormigratie', 'tweesporen', 'stabilisatie'];

function positionsFor(index: number, direction: Direction): Position[] {
  const table: Position[] = organisations.map((organisation, o) => ({
    organisation,
    direction: o === 3 && index % 3 === 0 ? 'legalisatie' : direction,
    reasoning: `${organisation} ziet ${direction} als haalbare duurzame oplossing gezien het verloop van de procedures (dossier ${index + 1}).`,
    information: `${organisation} deelt de stand van zaken van de eigen gesprekken en het laatste contactmoment.`,
    conditions: o === 2 ? 'Eerst bescherming vaststellen, pas daarna een ambassadepresentatie.' : '',
    informationWithheld:
      o === 4 && index % 4 === 1 ? { reason: 'Lopend strafrechtelijk onderzoek; gedeeld met de IND.' } : null,
    recordedOnBehalf: null,
  }));
  table.push({
    organisation: writtenInputOrganisation,
    direction,
    reasoning: 'Medische belemmering: zie conclusie GGD; de onderbouwing ligt bij de GGD.',
    information: 'Conclusie kwetsbaarheidsscreening gedeeld.',
    conditions: '',
    informationWithheld: null,
    recordedOnBehalf: 'Schriftelijke inbreng, opgetekend door de secretaris.',
  });
  return table;
}

function consentFor(index: number, organisation: string): { value: ConsentValue; reason: string | null } {
  if (index % 10 === 9 && organisation === 'DT&V')
    return {
      value: 'bezwaar',
      reason: 'Medicatie is in de hoofdstad beschikbaar; geen medische belemmering.',
    };
  if (index % 5 === 1 && organisation === 'IND')
    return { value: 'onthouding', reason: 'Nationaliteit nog niet vastgesteld.' };
  if (index % 3 === 0 && organisation === 'VluchtelingenWerk')
    return {
      value: 'akkoord_met_voorbehoud',
      reason: 'Alleen als de cliënt zelf instemt met het vertrekplan.',
    };
  return { value: 'akkoord', reason: null };
}

function dossierItem(index: number, number: string, name: string): DossierItem {
  const direction = directions[index % directions.length]!;
  const consents = [...organisations, writtenInputOrganisation].map((organisation) => ({
    organisation,
    ...consentFor(index, organisation),
  }));
  const state: DecisionState = consents.some((c) => c.value === 'bezwaar')
    ? 'aangehouden'
    : index % 7 === 1
      ? 'geescaleerd'
      : 'gedragen';
  return {
    kind: 'dossier',
    number: index + 2,
    dossier: { number, initials: initialsFromName(name) },
    carriedOver: index % 8 === 5,
    positions: positionsFor(index, direction),
    decision: {
      number: `2026-${String(index + 10).padStart(3, '0')}`,
      text: `De tafel kiest voor ${direction}; de casemanager bespreekt dit besluit met de cliënt.`,
      direction,
      reviewDate: '2026-05-12',
      state,
      consents,
    },
    actions: [
      {
        what: `Gesprek met cliënt over ${direction} voeren`,
        organisation: 'VluchtelingenWerk',
        person: 'N. Noor',
        dueDate: '2026-04-28',
        status: 'open',
        statusReason: null,
      },
      {
        what: 'Stand van de procedure navragen',
        organisation: 'IND',
        person: 'I. Ingen',
        dueDate: '2026-04-21',
        status: 'open',
        statusReason: null,
      },
    ],
  };
}

export function minutesFor(dossiers: { number: string; name: string }[]): MinutesModel {
  return {
    city: 'Demostad',
    meeting: { date: '2026-04-14', startTime: '09:30', endTime: '11:30', place: 'Stadskantoor, zaal 3.12' },
    chair: { name: 'Vera Voorzitter', organisation: 'Gemeente Demostad' },
    secretary: { name: 'Sam Secretaris', organisation: 'Gemeente Demostad' },
    version: 2,
    state: 'vastgesteld',
    classification: 'Vertrouwelijk',
    generatedAt: '2026-04-21T10:15:00.000Z',
    attendance: [
      {
        organisation: 'Gemeente Demostad',
        status: 'aanwezig',
        representatives: ['Vera Voorzitter', 'Sam Secretaris'],
      },
      { organisation: 'IND', status: 'aanwezig', representatives: ['Ilse Ingen'] },
      { organisation: 'DT&V', status: 'aanwezig', representatives: ['Daan Terpstra'] },
      { organisation: 'VluchtelingenWerk', status: 'aanwezig', representatives: ['Noor Nijland'] },
      { organisation: 'Politie', status: 'aanwezig', representatives: ['Paul Post'] },
      { organisation: 'IOM', status: 'afwezig_met_bericht', representatives: [] },
      { organisation: writtenInputOrganisation, status: 'schriftelijke_inbreng', representatives: [] },
    ],
    items: [
      {
        kind: 'procedural',
        number: 1,
        title: 'Opening en vaststelling agenda',
        notes: 'De voorzitter opent het overleg; de agenda wordt ongewijzigd vastgesteld.',
        decision: null,
        actions: [],
      },
      ...dossiers.map((d, i) => dossierItem(i, d.number, d.name)),
    ],
    earlierOpenActions: [
      {
        what: 'Reisdocument aanvragen na afronding beschermingsvraag',
        organisation: 'DT&V',
        person: 'D. Terpstra',
        dueDate: '2026-04-07',
        status: 'uitgesteld',
        statusReason: 'Wacht op uitkomst herhaalde aanvraag.',
        meetingDate: '2026-03-31',
        dossier: {
          number: dossiers[0]?.number ?? 'D-2026-0001',
          initials: initialsFromName(dossiers[0]?.name ?? 'X'),
        },
      },
    ],
    signaturePage: {
      contentSha256: 'a'.repeat(64),
      auditHeadAtAdoption: 'b'.repeat(64),
      adoptedOn: '2026-04-21',
      signers: [
        { role: 'voorzitter', name: 'Vera Voorzitter', organisation: 'Gemeente Demostad' },
        { role: 'secretaris', name: 'Sam Secretaris', organisation: 'Gemeente Demostad' },
      ],
    },
    extract: null,
  };
}

/** The demo meeting: the ten demo dossiers, numbered as the demo environment numbers them. */
export function demoMinutes(): MinutesModel {
  return minutesFor(
    demoDossiers.map((d, i) => ({
      number: `D-${d.referredAt.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
      name: d.name,
    })),
  );
}

/** A heavy meeting: 40 dossiers, the demo people over and over with their own numbers. */
export function largeMinutes(count = 40): MinutesModel {
  return minutesFor(
    Array.from({ length: count }, (_, i) => ({
      number: `D-2026-${String(i + 100).padStart(4, '0')}`,
      name: demoDossiers[i % demoDossiers.length]!.name,
    })),
  );
}

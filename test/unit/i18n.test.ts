import { describe, expect, it } from 'vitest';
import { agendaItemKinds, actionStatuses } from '../../shared/domain/agenda';
import {
  consentValues,
  DecisionDirection,
  decisionStates,
  PositionDirection,
  presences,
} from '../../shared/domain/consent';
import {
  dossierStatuses,
  endedByValues,
  healthAnswers,
  outcomeCategories,
  outcomeSubkinds,
  ProcedureKind,
  Sex,
  shelters,
  tracks,
} from '../../shared/domain/dossier';
import { domainLabelsEn, domainLabelsNl, agendaItemLabel } from '../../renderer/src/i18n/domain';
import { en } from '../../renderer/src/i18n/en';
import { nl } from '../../renderer/src/i18n/nl';
import { formatDate, formatMoment, formatShortDate } from '../../renderer/src/i18n/dates';

/*
 * The English interface must be complete: a Dutch text left in the English dictionary is what a
 * reviewer finds on screen. Identical texts are allowed only for names and abbreviations that both
 * languages use as they are.
 */
const sameInBothLanguages = new Set([
  'LVV Overleg',
  'IND',
  'DT&V',
  'GGD',
  'IOM',
  'COA',
  'Ctrl+Shift+L',
  'min', // the unit of minutes
  // Words English shares with Dutch.
  'Status',
  'Intake',
  'Opening',
  'Open',
  'open',
  'Filters',
  'Agenda',
  'Procedures',
  'Projector',
]);
/** A text of placeholders and punctuation only ("{name} — {org}") has nothing to translate. */
const wordless = (s: string): boolean => !/\p{L}/u.test(s.replace(/\{\w+\}/g, ''));

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the English dictionary', () => {
  const keys = Object.keys(nl) as (keyof typeof nl)[];

  it('has an English text for every Dutch key, different from the Dutch unless a name or abbreviation', () => {
    const untranslated = keys.filter((k) => {
      const text = en[k];
      return !text || (text === nl[k] && !sameInBothLanguages.has(text) && !wordless(text));
    });
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of the Dutch text', () => {
    const mismatched = keys.filter((k) => {
      const missing = placeholders(nl[k]).filter((p) => !placeholders(en[k]).includes(p));
      return missing.length > 0;
    });
    expect(mismatched).toEqual([]);
  });

  it('has no keys that Dutch lacks', () => {
    expect(Object.keys(en).filter((k) => !Object.hasOwn(nl, k))).toEqual([]);
  });
});

describe('domain labels', () => {
  // The codes from the schemas themselves, so a code added to the domain is checked here too.
  const vocabularies: [keyof typeof domainLabelsEn, readonly string[]][] = [
    ['dossierStatus', dossierStatuses],
    ['track', tracks],
    ['shelter', shelters],
    ['sex', Sex.options],
    ['healthAnswer', healthAnswers],
    ['outcome', outcomeCategories],
    ['endedBy', endedByValues],
    ['procedureKind', ProcedureKind.options],
    ['presence', presences],
    ['positionDirection', PositionDirection.options],
    ['decisionDirection', DecisionDirection.options],
    ['decisionState', decisionStates],
    ['consent', consentValues],
    ['agendaItemKind', agendaItemKinds],
    ['actionStatus', actionStatuses],
  ];

  it.each(vocabularies)('has an English and a Dutch label for every %s code', (name, codes) => {
    const en = domainLabelsEn[name] as Record<string, string>;
    const nl = domainLabelsNl[name] as Record<string, string>;
    expect(codes.filter((c) => !en[c]?.trim())).toEqual([]);
    expect(codes.filter((c) => !nl[c]?.trim())).toEqual([]);
    // English differs from Dutch except for words both languages share.
    expect(codes.filter((c) => en[c] === nl[c] && !sameInBothLanguages.has(en[c]!))).toEqual([]);
  });

  it('has an English label for every outcome sub-kind', () => {
    for (const category of outcomeCategories) {
      const en: Record<string, string> = domainLabelsEn.outcomeSubkinds[category];
      expect(Object.keys(en).sort()).toEqual(Object.keys(outcomeSubkinds[category]).sort());
    }
  });

  it('keeps the Dutch outcome labels of the Perspectief evaluation', () => {
    expect(domainLabelsNl.outcome.TERUGKEER).toBe(
      'terugkeer naar land van herkomst (gecontroleerd en aantoonbaar)',
    );
    expect(domainLabelsNl.outcome.OVERIG).toBe('overig (niet MOB)');
  });

  it('shows a procedural agenda item with its standard title in the chosen language, a typed title as typed', () => {
    expect(agendaItemLabel({ kind: 'rondvraag', label: 'Rondvraag' }, 'en')).toBe('Any other business');
    expect(agendaItemLabel({ kind: 'rondvraag', label: 'Rondvraag' }, 'nl')).toBe('Rondvraag');
    expect(agendaItemLabel({ kind: 'sluiting', label: 'Afsluiting en borrel' }, 'en')).toBe(
      'Afsluiting en borrel',
    );
    expect(agendaItemLabel({ kind: 'dossier', label: 'D-2026-0001 (M.K.D.)' }, 'en')).toBe(
      'D-2026-0001 (M.K.D.)',
    );
  });
});

describe('dates', () => {
  it('writes a date in words in either language', () => {
    expect(formatDate('2026-11-23', 'nl')).toBe('23 november 2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23 November 2026');
    expect(formatDate('1968-04-12', 'nl')).toBe('12 april 1968');
  });

  it('writes a table date numerically', () => {
    expect(formatShortDate('2026-08-04', 'nl')).toBe('04-08-2026');
    expect(formatShortDate('2026-08-04', 'en')).toBe('04/08/2026');
  });

  it('shows an instant in Amsterdam time, whatever the zone of the computer', () => {
    // 23:30 UTC on 31 March (summer time) is 01:30 on 1 April in Amsterdam.
    expect(formatMoment('2026-03-31T23:30:00.000Z', 'nl')).toBe('1 april 2026, 01:30');
    expect(formatMoment('2026-03-31T23:30:00.000Z', 'en')).toBe('1 April 2026, 01:30');
  });
});

import { useMemo } from 'react';
import {
  actionStatusLabels,
  agendaItemKindLabels,
  type ActionStatus,
  type AgendaItemKind,
} from '../../../shared/domain/agenda';
import {
  consentLabels,
  decisionDirectionLabels,
  decisionStateLabels,
  positionDirectionLabels,
  presenceLabels,
  type ConsentValue,
  type DecisionDirection,
  type DecisionState,
  type PositionDirection,
  type Presence,
} from '../../../shared/domain/consent';
import {
  clientWishLabels,
  dossierStatusLabels,
  endedByLabels,
  healthAnswerLabels,
  mobReasonLabels,
  permitGroundLabels,
  stuckReasonLabels,
  outcomeLabels,
  outcomeSubkinds,
  procedureKindLabels,
  sexLabels,
  shelterLabels,
  trackLabels,
  type ClientWish,
  type DossierStatus,
  type EndedBy,
  type HealthAnswer,
  type MobReason,
  type OutcomeCategory,
  type PermitGround,
  type StuckReason,
  type ProcedureKind,
  type Sex,
  type Shelter,
  type Track,
} from '../../../shared/domain/dossier';
import { countryName, isCountryCode } from '../../../shared/domain/countries';
import { useLocale, type Locale } from './index';

/*
 * Labels for the domain's codes in the UI's language. Dutch comes unchanged from shared/domain (the
 * outcome labels there are the Perspectief evaluation's exact wording, see domain.md); English is
 * here, typed per code so that a new code without an English label fails to compile.
 */

type SubkindLabels = {
  readonly [C in OutcomeCategory]: Readonly<Record<keyof (typeof outcomeSubkinds)[C], string>>;
};

export interface DomainLabels {
  dossierStatus: Readonly<Record<DossierStatus, string>>;
  track: Readonly<Record<Track, string>>;
  shelter: Readonly<Record<Shelter, string>>;
  sex: Readonly<Record<Sex, string>>;
  healthAnswer: Readonly<Record<HealthAnswer, string>>;
  outcome: Readonly<Record<OutcomeCategory, string>>;
  outcomeSubkinds: SubkindLabels;
  endedBy: Readonly<Record<EndedBy, string>>;
  permitGround: Readonly<Record<PermitGround, string>>;
  mobReason: Readonly<Record<MobReason, string>>;
  stuckReason: Readonly<Record<StuckReason, string>>;
  clientWish: Readonly<Record<ClientWish, string>>;
  procedureKind: Readonly<Record<ProcedureKind, string>>;
  presence: Readonly<Record<Presence, string>>;
  positionDirection: Readonly<Record<PositionDirection, string>>;
  decisionDirection: Readonly<Record<DecisionDirection, string>>;
  decisionState: Readonly<Record<DecisionState, string>>;
  consent: Readonly<Record<ConsentValue, string>>;
  agendaItemKind: Readonly<Record<AgendaItemKind, string>>;
  actionStatus: Readonly<Record<ActionStatus, string>>;
}

export const domainLabelsNl: DomainLabels = {
  dossierStatus: dossierStatusLabels,
  track: trackLabels,
  shelter: shelterLabels,
  sex: sexLabels,
  healthAnswer: healthAnswerLabels,
  outcome: outcomeLabels,
  outcomeSubkinds,
  endedBy: endedByLabels,
  permitGround: permitGroundLabels,
  mobReason: mobReasonLabels,
  stuckReason: stuckReasonLabels,
  clientWish: clientWishLabels,
  procedureKind: procedureKindLabels,
  presence: presenceLabels,
  positionDirection: positionDirectionLabels,
  decisionDirection: decisionDirectionLabels,
  decisionState: decisionStateLabels,
  consent: consentLabels,
  agendaItemKind: agendaItemKindLabels,
  actionStatus: actionStatusLabels,
};

const directionsEn = {
  legalisatie: 'Legalisation',
  doormigratie: 'Onward migration',
  terugkeer: 'Return',
  stabilisatie: 'Stabilisation',
  tweesporen: 'Two-track',
  nader_onderzoek: 'Further investigation needed',
} as const;

export const domainLabelsEn: DomainLabels = {
  dossierStatus: {
    aangemeld: 'Referred',
    intake: 'Intake',
    richting_bepalen: 'Setting direction',
    in_traject: 'On a track',
    besluit_gedragen: 'Decision carried',
    uitvoering: 'In execution',
    uitgestroomd: 'Outflow',
    gesloten: 'Closed',
  },
  track: {
    nog_te_bepalen: 'To be determined',
    stabilisatie: 'Stabilisation',
    legalisatie: 'Legalisation',
    terugkeer: 'Return',
    doormigratie: 'Onward migration',
    tweesporen: 'Two-track',
  },
  shelter: {
    bbb: 'BBB (bed, bath, bread)',
    '24-uursopvang': '24-hour shelter',
    leefgeld: 'Living allowance',
    geen: 'None',
  },
  sex: { m: 'Male', v: 'Female', x: 'Other', onbekend: 'Unknown' },
  healthAnswer: { ja: 'Yes', nee: 'No', onbekend: 'Unknown' },
  outcome: {
    TERUGKEER: 'return to the country of origin (controlled and demonstrable)',
    VERBLIJFSVERGUNNING: '(temporary) residence permit obtained',
    DOORMIGRATIE: 'onward migration or Dublin transfer',
    MOB: 'left, destination unknown (MOB)',
    OVERIG: 'other (not MOB)',
  },
  outcomeSubkinds: {
    TERUGKEER: {
      zelfstandig_aantoonbaar: 'independent, demonstrable (with or without IOM/REAN support)',
      gedwongen: 'forced (deportation)',
    },
    VERBLIJFSVERGUNNING: {},
    DOORMIGRATIE: {},
    MOB: { vertrek_zonder_toezicht: 'departure without supervision (left the last known address)' },
    OVERIG: {
      vbl: 'VBL (restricted-freedom location)',
      detentie_ongewenstverklaring: 'detention / declared undesirable',
      azc_andere_opvang: 'asylum seekers’ centre (AZC) or other shelter',
      mbb: 'known destination (MBB)',
    },
  },
  endedBy: {
    organisatie: 'The organisation',
    gemeente: 'The municipality',
    client: 'The client',
    wederzijds: 'By mutual agreement',
    onbekend: 'Unknown',
  },
  permitGround: {
    asiel_bepaalde_tijd: 'Asylum, temporary (art. 8(c) Aliens Act)',
    asiel_onbepaalde_tijd: 'Asylum, permanent (art. 8(d) Aliens Act)',
    regulier_bepaalde_tijd: 'Regular, temporary (art. 8(a) Aliens Act)',
    gemeenschapsrecht: 'EU law (art. 8(e) Aliens Act)',
    gezinsleven: 'Regular: family life (art. 8 ECHR, Chavez)',
    buitenschuld: 'Regular: no-fault (buitenschuld)',
    medisch: 'Medical: stay of departure (art. 64 Aliens Act)',
    schrijnend: 'Regular: compelling humanitarian grounds',
    mensenhandel: 'Regular: human trafficking',
    overig_regulier: 'Regular: other ground',
  },
  mobReason: {
    angst_terugkeer: 'Fear of return or deportation',
    einde_opvang: 'End or loss of shelter',
    netwerk_elders: 'Staying with own network elsewhere',
    dreigende_bewaring: 'Imminent immigration detention',
    werk_elders: 'Work elsewhere (informal)',
    onbekend: 'Reason unknown',
  },
  stuckReason: {
    geen_reisdocumenten: 'No travel documents (no laissez-passer)',
    identiteit_niet_aantoonbaar: 'Identity or nationality not provable',
    niet_uitzetbaar: 'Not deportable',
    langlopende_procedure: 'Long-pending procedure (no-fault, humanitarian)',
    medische_belemmering: 'Medical obstacle',
    instanties_blokkeren: 'Agencies block each other',
    overig: 'Other reason',
  },
  clientWish: {
    verblijf_nl: 'Wants to stay in the Netherlands (legalisation)',
    terugkeer: 'Wants to return to the country of origin',
    doormigratie: 'Wants to migrate onward to another country',
    twijfelt: 'Still in doubt, does not know',
    niet_besproken: 'Not discussed yet',
  },
  procedureKind: {
    asiel_eerste: 'First asylum application',
    asiel_herhaald: 'Repeat asylum application (HASA)',
    regulier_gezin: 'Regular: family reunification / family life',
    regulier_schrijnend: 'Regular: compelling humanitarian grounds',
    regulier_mensenhandel: 'Regular: human trafficking',
    regulier_medisch: 'Regular: medical grounds',
    buitenschuld: 'No-fault (buitenschuld)',
    voortgezet_verblijf: 'Continued residence',
    beroep_rechtbank: 'Appeal (district court)',
    hoger_beroep_rvs: 'Further appeal (Council of State)',
    ehrm: 'ECtHR',
    overig: 'Other',
  },
  presence: {
    aanwezig: 'Present',
    afwezig_met_bericht: 'Absent with apologies',
    schriftelijke_inbreng: 'Written input',
  },
  positionDirection: { ...directionsEn, geen_standpunt: 'No position' },
  decisionDirection: { ...directionsEn, aanhouden: 'Hold' },
  decisionState: {
    concept: 'Draft',
    gedragen: 'Carried',
    voorlopig_gedragen: 'Provisionally carried',
    aangehouden: 'Held',
    geescaleerd: 'Escalated',
  },
  consent: {
    akkoord: 'Agree',
    akkoord_met_voorbehoud: 'Agree with reservation',
    onthouding: 'Abstain',
    bezwaar: 'Object',
  },
  agendaItemKind: {
    opening: 'Opening',
    verslag: 'Adoption of the minutes of the previous meeting',
    acties: 'Action items of the previous meeting',
    uitstroom: 'Outflow since the previous meeting',
    dossier: 'Case file',
    onderwerp: 'Topic',
    rondvraag: 'Any other business',
    sluiting: 'Closing',
  },
  actionStatus: {
    open: 'Open',
    gedaan: 'Done',
    vervallen: 'Lapsed (circumstances changed)',
    niet_gedaan: 'Not done',
  },
};

export const domainLabels = (locale: Locale): DomainLabels =>
  locale === 'en' ? domainLabelsEn : domainLabelsNl;

/** A country's name in the UI's language: Dutch from the ISO list in shared/, English from Intl. */
export function countryLabel(code: string, locale: Locale): string {
  if (locale === 'nl' || !isCountryCode(code)) return countryName(code);
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? countryName(code);
}

/** The domain labels in the UI's language. */
export function useLabels(): DomainLabels {
  return domainLabels(useLocale((s) => s.locale));
}

/**
 * What to show for an agenda item. The backend stores procedural items with their standard Dutch
 * title (and sends it as `label`); such a title is shown by kind in the UI's language. A title the
 * chair typed, and every dossier pseudonym, is shown as it is.
 */
export function agendaItemLabel(item: { kind: string; label: string }, locale: Locale): string {
  const kind = item.kind as AgendaItemKind;
  const standard = Object.hasOwn(agendaItemKindLabels, kind) && kind !== 'dossier' && kind !== 'onderwerp';
  return standard && item.label === agendaItemKindLabels[kind]
    ? domainLabels(locale).agendaItemKind[kind]
    : item.label;
}

/** `agendaItemLabel` for the current language, stable per language. */
export function useAgendaLabel(): (item: { kind: string; label: string }) => string {
  const locale = useLocale((s) => s.locale);
  return useMemo(() => (item) => agendaItemLabel(item, locale), [locale]);
}

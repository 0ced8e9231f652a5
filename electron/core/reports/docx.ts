import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import type { MonitoringReport } from '../../../shared/contract/reports';
import {
  endedByLabels,
  outcomeLabels,
  outcomeSubkinds,
  permitGroundLabels,
  stuckReasonLabels,
  trackLabels,
  type EndedBy,
  type OutcomeCategory,
  type PermitGround,
  type StuckReason,
  type Track,
} from '../../../shared/domain/dossier';
import { defaultDocxStyle, type DocxStyle } from '../../../shared/theme/docx';
import { heading, keyValueTable, para, spacer, table, TABLE_TEXT_STYLE } from '../minutes/docx-blocks';
import { formatLongDate, formatShortDate } from '../minutes/labels';

/*
 * The "monitoringsrapportage" for the koepel or the ministry: every table of the reports screen with
 * its numbers, in the minutes' house style (same blocks, the theme's typeface and heading colour).
 * Built from the MonitoringReport only, so it holds counts and organisation names, never a name or a
 * V-nummer. Dutch only: the document goes to Dutch bodies, as the minutes do.
 */

type Block = Paragraph | Table;

const pct = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
const months = (m: number | null): string =>
  m === null ? '—' : m.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/** The Dutch label of an outcome row's code, as the screen words it. */
export function outcomeRowLabel(code: string): string {
  const fixed: Record<string, string> = {
    totaal: 'Totaal in de periode',
    in_begeleiding: 'Nog in begeleiding',
    uitgestroomd: 'Uitgestroomd',
    ONVOLLEDIG: 'Onvolledig (uitkomst niet vastgelegd)',
    'MOB.overig': 'overige MOB',
  };
  if (fixed[code]) return fixed[code];
  const [cat, sub] = code.split('.') as [OutcomeCategory, string | undefined];
  if (!sub) return outcomeLabels[cat] ?? code;
  if (sub === 'onbekend') return 'vorm of grond niet vastgelegd';
  if (cat === 'VERBLIJFSVERGUNNING') return permitGroundLabels[sub as PermitGround] ?? sub;
  const subs: Record<string, string> = outcomeSubkinds[cat] ?? {};
  return subs[sub] ?? sub;
}

const trackLabel = (t: string) => (t === 'alle' ? 'Alle trajecten' : (trackLabels[t as Track] ?? t));
const endedByLabel = (c: string) =>
  c === 'niet_vastgelegd' ? 'Niet vastgelegd' : (endedByLabels[c as EndedBy] ?? c);
const stuckLabel = (c: string) =>
  c === 'niet_gekozen'
    ? 'Geen reden gekozen (alleen toelichting)'
    : (stuckReasonLabels[c as StuckReason] ?? c);

const none = () => para('Geen.', { italics: true });

function definitions(r: MonitoringReport): Block[] {
  return [
    heading('Begrippen', 2),
    para(
      'Populatie van de periode: iedereen die op of vóór de laatste dag van de periode is aangemeld en niet vóór de eerste dag is uitgestroomd. Wie op de laatste dag uitstroomt, telt mee als uitgestroomd; wie na de periode is aangemeld, telt niet mee.',
    ),
    para(
      'Terugkeer telt alleen als die gecontroleerd en aantoonbaar is: zelfstandig aantoonbaar (met of zonder steun van IOM/REAN) of gedwongen (uitzetting), zoals in de evaluatie van het programma Perspectief.',
    ),
    para(
      '"Vertrek zonder toezicht" (DT&V) betekent alleen dat iemand het laatst bekende adres heeft verlaten. Dat is geen terugkeer: het telt bij MOB (met onbekende bestemming vertrokken) en staat daar apart.',
    ),
    para(
      `Onvolledig: uitgestroomd zonder de feiten die geteld worden (uitkomst, vorm, datum, wie beëindigde), bijvoorbeeld van vóór het uitstroomformulier of geïmporteerd. Doorlooptijd in maanden vanaf de intake (of de aanmelding); de termijn van de gemeente is ${r.termMonths} maanden. Vastgelopen dossiers, escalaties en verlopen acties zijn de stand op ${formatLongDate(r.today)}.`,
    ),
  ];
}

function body(r: MonitoringReport): Block[] {
  const d = r.duration;
  const categories = [
    'TERUGKEER',
    'VERBLIJFSVERGUNNING',
    'DOORMIGRATIE',
    'MOB',
    'OVERIG',
    'ONVOLLEDIG',
  ] as const;
  // Soft hyphens (U+00AD) let the narrow headers break inside a word where Dutch would.
  const categoryHeader: Record<(typeof categories)[number], string> = {
    TERUGKEER: 'Terug\u00ADkeer',
    VERBLIJFSVERGUNNING: 'Vergun\u00ADning',
    DOORMIGRATIE: 'Door\u00ADmigratie',
    MOB: 'MOB',
    OVERIG: 'Overig',
    ONVOLLEDIG: 'Onvol\u00ADledig',
  };
  const trackShare = 0.84 / (categories.length + 1);
  return [
    heading('Uitstroom naar uitkomst', 2),
    table(
      [
        { header: 'Uitkomst', share: 0.5 },
        { header: 'Aantal', share: 0.12 },
        { header: '% van allen', share: 0.15 },
        { header: '% van uitgestroomden', share: 0.23 },
      ],
      r.outcomes.map((o) => [
        o.level === 'sub' ? `   ${outcomeRowLabel(o.code)}` : outcomeRowLabel(o.code),
        String(o.n),
        pct(o.shareOfAll),
        pct(o.shareOfLeft),
      ]),
    ),
    spacer(),
    heading('Doorlooptijd', 2),
    table(
      [
        { header: 'Groep', share: 0.46 },
        { header: 'Aantal', share: 0.18 },
        { header: 'Gemiddeld (maanden)', share: 0.18 },
        { header: 'Mediaan (maanden)', share: 0.18 },
      ],
      [
        ['Uitgestroomd', String(d.left.n), months(d.left.meanMonths), months(d.left.medianMonths)],
        [
          'Nog in begeleiding (tot het eind van de periode)',
          String(d.stillIn.n),
          months(d.stillIn.meanMonths),
          months(d.stillIn.medianMonths),
        ],
      ],
    ),
    spacer(),
    table(
      [
        { header: 'Uitgestroomd binnen', share: 0.6 },
        { header: 'Aantal', share: 0.2 },
        { header: '% van uitgestroomden', share: 0.2 },
      ],
      [
        ...d.within.map((w) => [`binnen ${w.months} maanden`, String(w.n), pct(w.share)]),
        [
          `binnen de termijn van de gemeente (${r.termMonths} maanden)`,
          String(d.withinTerm.n),
          pct(d.withinTerm.share),
        ],
      ],
    ),
    spacer(),
    heading('Instroom en uitstroom per kwartaal', 2),
    r.flow.length === 0
      ? none()
      : table(
          [
            { header: 'Kwartaal', share: 0.4 },
            { header: 'Instroom', share: 0.3 },
            { header: 'Uitstroom', share: 0.3 },
          ],
          r.flow.map((q) => [q.quarter, String(q.inflow), String(q.outflow)]),
        ),
    spacer(),
    heading('Uitkomst per traject', 2),
    table(
      [
        { header: 'Traject', share: 0.16 },
        { header: 'Nog in bege\u00ADleiding', share: trackShare },
        ...categories.map((c) => ({ header: categoryHeader[c], share: trackShare })),
      ],
      r.byTrack.map((t) => [
        trackLabel(t.track),
        String(t.inBegeleiding),
        ...categories.map((c) => String(t[c])),
      ]),
    ),
    spacer(),
    heading('Wie beëindigde het traject', 2),
    table(
      [
        { header: 'Beëindigd door', share: 0.5 },
        { header: 'Alle uitgestroomden', share: 0.25 },
        { header: 'Bij MOB', share: 0.25 },
      ],
      r.endedBy.map((e, i) => [endedByLabel(e.code), String(e.n), String(r.endedByMob[i]?.n ?? 0)]),
    ),
    spacer(),
    heading(`Op dit moment (${formatLongDate(r.today)})`, 2),
    para('Vastgelopen dossiers naar reden', { bold: true }),
    r.stuck.length === 0
      ? none()
      : table(
          [
            { header: 'Reden', share: 0.75 },
            { header: 'Aantal', share: 0.25 },
          ],
          r.stuck.map((s) => [stuckLabel(s.code), String(s.n)]),
        ),
    spacer(),
    para('Openstaande escalaties', { bold: true }),
    r.escalations.length === 0
      ? none()
      : table(
          [
            { header: 'Voorgelegd aan', share: 0.5 },
            { header: 'Aantal', share: 0.2 },
            { header: 'Oudste sinds', share: 0.3 },
          ],
          r.escalations.map((e) => [e.body, String(e.n), formatShortDate(e.oldest)]),
        ),
    spacer(),
    para('Verlopen actiepunten per organisatie', { bold: true }),
    r.overdueActions.length === 0
      ? none()
      : table(
          [
            { header: 'Organisatie', share: 0.75 },
            { header: 'Aantal', share: 0.25 },
          ],
          r.overdueActions.map((a) => [a.organisation, String(a.n)]),
        ),
    spacer(),
  ];
}

export function buildReportsDocument(
  r: MonitoringReport,
  city: string,
  style: DocxStyle = defaultDocxStyle,
): Document {
  const title = `Monitoringsrapportage LVV ${city}`;
  return new Document({
    creator: 'LVV Overleg',
    title,
    styles: {
      default: {
        document: { run: { font: style.font, size: 20 }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { font: style.font, size: 30, bold: true, color: style.headingColour },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: style.font, size: 25, bold: true, color: style.headingColour },
          paragraph: { spacing: { before: 240, after: 100 } },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT_STYLE,
          name: 'Tabeltekst',
          run: { size: 18 },
          paragraph: { spacing: { after: 30 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${title} – pagina `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [
          heading(title, 1),
          keyValueTable([
            ['Periode', `${formatLongDate(r.query.from)} tot en met ${formatLongDate(r.query.to)}`],
            ['Traject', trackLabel(r.query.track)],
            ['Populatie', `${r.population} dossiers in de periode, van wie ${r.left} uitgestroomd`],
            ['Rubricering', 'Geaggregeerd: geen namen, geen V-nummers'],
          ]),
          spacer(),
          ...body(r),
          ...definitions(r),
        ],
      },
    ],
  });
}

export async function reportsDocx(r: MonitoringReport, city: string, style?: DocxStyle): Promise<Buffer> {
  return Packer.toBuffer(buildReportsDocument(r, city, style));
}

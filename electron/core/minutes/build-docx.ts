import {
  AlignmentType,
  Document,
  Footer,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  TextWrappingType,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type Table,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { writeFileAtomic } from '../storage/atomic';
import { normaliseZipTimestamps } from './zip-timestamps';
import {
  heading,
  keyValueTable,
  labelled,
  para,
  spacer,
  table,
  TABLE_TEXT_STYLE,
  TEXT_WIDTH_TWIPS,
  type CellContent,
} from './docx-blocks';
import {
  actionStatusLabel,
  attendanceLabel,
  consentLabel,
  decisionStateLabel,
  directionLabel,
  formatLongDate,
  formatShortDate,
  minutesStateLabel,
} from './labels';
import { defaultDocxStyle, type DocxStyle } from '../../../shared/theme/docx';
import {
  actionList,
  decisionList,
  decisionStatusText,
  dossierLabel,
  type Action,
  type AttendanceEntry,
  type Decision,
  type DossierContext,
  type MinutesItem,
  type MinutesModel,
  type Position,
  type SignaturePage,
} from './model';

type Block = Paragraph | Table;

function minutesTitle(model: MinutesModel): string {
  return `Verslag dossieroverleg LVV ${model.city}`;
}

function extractLine(model: MinutesModel): string | null {
  const scope = model.extract;
  if (!scope) return null;
  const parts = [
    scope.organisation ? `voor ${scope.organisation}` : null,
    scope.dossierNumber ? `dossier ${scope.dossierNumber}` : null,
  ].filter((p) => p !== null);
  return `Uittreksel ${parts.join(', ')}`;
}

function titleBlock(model: MinutesModel): Block[] {
  const m = model.meeting;
  const time = m.endTime ? `${m.startTime} – ${m.endTime} uur` : `${m.startTime} uur`;
  const extract = extractLine(model);
  return [
    heading(minutesTitle(model), 1),
    ...(extract ? [para(extract, { italics: true })] : []),
    keyValueTable([
      ['Datum', formatLongDate(m.date)],
      ['Tijd', time],
      ['Plaats', m.place],
      ['Voorzitter', `${model.chair.name} (${model.chair.organisation})`],
      ['Secretaris', `${model.secretary.name} (${model.secretary.organisation})`],
      ['Versie', `${model.version} – ${minutesStateLabel[model.state]}`],
      ['Rubricering', model.classification],
    ]),
    spacer(),
  ];
}

function attendanceSection(model: MinutesModel): Block[] {
  return [
    heading('Aanwezigheid', 2),
    table(
      [
        { header: 'Organisatie', share: 0.3 },
        { header: 'Aanwezigheid', share: 0.25 },
        { header: 'Vertegenwoordigd door', share: 0.45 },
      ],
      model.attendance.map((a) => [a.organisation, attendanceLabel[a.status], representedBy(a)]),
    ),
    spacer(),
  ];
}

/** The names at the table; never a bare dash for a party whose input the notulist wrote down. */
function representedBy(a: AttendanceEntry): string {
  if (a.representatives.length > 0) return a.representatives.join(', ');
  if (a.recordedBy?.length)
    return `Namen niet vastgelegd; inbreng opgetekend door ${a.recordedBy.join(', ')}`;
  return a.status === 'afwezig_met_bericht' ? '—' : 'Namen niet vastgelegd';
}

function positionDetails(p: Position): Paragraph[] {
  return [
    ...(p.earlierDate
      ? [
          para(`Laatste standpunt, van ${formatShortDate(p.earlierDate)} (niet opnieuw ingebracht).`, {
            italics: true,
            style: TABLE_TEXT_STYLE,
          }),
        ]
      : []),
    ...(p.reasoning ? [labelled('Motivering', p.reasoning, TABLE_TEXT_STYLE)] : []),
    ...(p.information ? [labelled('Informatie', p.information, TABLE_TEXT_STYLE)] : []),
    ...(p.conditions ? [labelled('Voorwaarden', p.conditions, TABLE_TEXT_STYLE)] : []),
    ...(p.informationWithheld
      ? [labelled('Informatie niet gedeeld', p.informationWithheld.reason, TABLE_TEXT_STYLE)]
      : []),
    ...(p.recordedOnBehalf ? [para(p.recordedOnBehalf, { italics: true, style: TABLE_TEXT_STYLE })] : []),
  ];
}

function positionsBlock(positions: Position[]): Block[] {
  if (positions.length === 0) return [];
  return [
    heading('Standpunten', 3),
    table(
      [
        { header: 'Organisatie', share: 0.2 },
        { header: 'Richting', share: 0.14 },
        { header: 'Standpunt', share: 0.66 },
      ],
      positions.map((p) => [p.organisation, directionLabel[p.direction], positionDetails(p)]),
    ),
    spacer(),
  ];
}

function escalationLine(decision: Decision): Paragraph[] {
  const e = decision.escalation;
  if (!e) return [];
  const how = e.consensus ? 'in overeenstemming van de tafel' : 'zonder overeenstemming';
  return [
    labelled('Voorgelegd aan', `${e.body} (${how})`),
    ...(e.question ? [labelled('Vraag', e.question)] : []),
  ];
}

function decisionBlock(decision: Decision): Block[] {
  const review = decision.reviewDate ? ` · evaluatiedatum ${formatShortDate(decision.reviewDate)}` : '';
  return [
    heading(`Besluit ${decision.number}`, 3),
    para(decision.text),
    labelled(
      'Richting',
      `${directionLabel[decision.direction]} · ${decisionStatusText(decision, decisionStateLabel[decision.state])}${review}`,
    ),
    ...escalationLine(decision),
    ...(decision.consents.length > 0
      ? [
          table(
            [
              { header: 'Organisatie', share: 0.22 },
              { header: 'Instemming', share: 0.24 },
              { header: 'Reden', share: 0.54 },
            ],
            decision.consents.map((c) => [c.organisation, consentLabel[c.value], c.reason ?? '—']),
          ),
          spacer(),
        ]
      : []),
  ];
}

const actionColumns = [
  { header: 'Actie', share: 0.34 },
  { header: 'Organisatie', share: 0.2 },
  { header: 'Wie', share: 0.14 },
  { header: 'Uiterlijk', share: 0.13 },
  { header: 'Status', share: 0.19 },
];

function statusText(a: Action): string {
  return a.statusReason ? `${actionStatusLabel[a.status]}: ${a.statusReason}` : actionStatusLabel[a.status];
}

function actionCells(a: Action): CellContent[] {
  return [a.what, a.organisation, a.person, formatShortDate(a.dueDate), statusText(a)];
}

function actionsBlock(actions: Action[]): Block[] {
  if (actions.length === 0) return [];
  return [heading('Actiepunten', 3), table(actionColumns, actions.map(actionCells)), spacer()];
}

function itemSection(item: MinutesItem): Block[] {
  if (item.kind === 'procedural') {
    return [
      heading(`${item.number}. ${item.title}`, 2),
      ...(item.notes ? [para(item.notes)] : []),
      ...(item.decision ? decisionBlock(item.decision) : []),
      ...actionsBlock(item.actions),
    ];
  }
  // A dossier discussed without a decision: the note says what was discussed; only without one does
  // the minutes fall back to "Geen besluit genomen".
  const noDecision = item.deferred
    ? 'Niet afgerond; doorgeschoven naar het volgende overleg.'
    : item.note
      ? null
      : 'Geen besluit genomen.';
  return [
    heading(`${item.number}. Dossier ${dossierLabel(item.dossier)}`, 2),
    ...(item.context ? [para(contextLine(item.context), { italics: true })] : []),
    ...(item.carriedOver ? [para('Doorgeschoven van een eerder overleg.', { italics: true })] : []),
    ...(item.note ? [labelled('Voortgang', item.note)] : []),
    ...positionsBlock(item.positions),
    ...(item.decision
      ? decisionBlock(item.decision)
      : noDecision
        ? [para(noDecision, { italics: true })]
        : []),
    ...actionsBlock(item.actions),
  ];
}

/** "Traject: Legalisatie · Status: In traject · Streefdatum: 01-06-2026". */
function contextLine(c: DossierContext): string {
  return [
    `Traject: ${c.track}`,
    `Status: ${c.status}`,
    `Streefdatum: ${c.targetDate ? formatShortDate(c.targetDate) : 'geen'}`,
  ].join(' · ');
}

function decisionListSection(model: MinutesModel): Block[] {
  const rows = decisionList(model);
  return [
    heading('Besluitenlijst', 1, true),
    rows.length === 0
      ? para('Geen besluiten.')
      : table(
          [
            { header: 'Nr.', share: 0.11 },
            { header: 'Agendapunt', share: 0.2 },
            { header: 'Besluit', share: 0.35 },
            { header: 'Richting', share: 0.12 },
            { header: 'Status', share: 0.11 },
            { header: 'Herbeoord.', share: 0.11 },
          ],
          rows.map((r) => [
            r.number,
            r.item,
            r.text,
            directionLabel[r.direction],
            decisionStatusText(r, decisionStateLabel[r.state]),
            formatShortDate(r.reviewDate),
          ]),
        ),
    spacer(),
  ];
}

function actionListSection(model: MinutesModel): Block[] {
  const rows = actionList(model);
  return [
    heading('Actielijst', 1),
    rows.length === 0
      ? para('Geen actiepunten.')
      : table(
          [
            { header: 'Agendapunt', share: 0.16 },
            { header: 'Actie', share: 0.27 },
            { header: 'Organisatie', share: 0.17 },
            { header: 'Wie', share: 0.11 },
            { header: 'Uiterlijk', share: 0.12 },
            { header: 'Status', share: 0.17 },
          ],
          rows.map((r) => [r.item, ...actionCells(r)]),
        ),
    spacer(),
  ];
}

function earlierActionsSection(model: MinutesModel): Block[] {
  if (model.earlierOpenActions.length === 0) return [];
  return [
    heading('Openstaande actiepunten uit eerdere overleggen', 1),
    table(
      [
        { header: 'Overleg', share: 0.12 },
        { header: 'Dossier', share: 0.15 },
        { header: 'Actie', share: 0.2 },
        { header: 'Organisatie', share: 0.15 },
        { header: 'Wie', share: 0.09 },
        { header: 'Uiterlijk', share: 0.12 },
        { header: 'Status', share: 0.17 },
      ],
      model.earlierOpenActions.map((a) => [
        formatShortDate(a.meetingDate),
        a.dossier ? dossierLabel(a.dossier) : '—',
        ...actionCells(a),
      ]),
    ),
    spacer(),
  ];
}

function signatureSection(page: SignaturePage): Block[] {
  return [
    heading('Vaststelling en ondertekening', 1, true),
    para(
      `Dit verslag is vastgesteld op ${formatLongDate(page.adoptedOn)}. De voorzitter en de secretaris ondertekenen ` +
        'het met een digitale handtekening (CAdES, een .p7s-bestand per ondertekenaar) over de exacte bytes van dit ' +
        'bestand. Elke ontvanger kan die controleren met de app of met openssl cms -verify.',
    ),
    keyValueTable([
      ['SHA-256 van de inhoud', page.contentSha256],
      ['Auditketen bij vaststelling', page.auditHeadAtAdoption],
    ]),
    spacer(),
    table(
      [
        { header: 'Rol', share: 0.2 },
        { header: 'Naam', share: 0.35 },
        { header: 'Organisatie', share: 0.45 },
      ],
      page.signers.map((s) => [
        s.role === 'voorzitter' ? 'Voorzitter' : 'Secretaris',
        s.name,
        s.organisation,
      ]),
    ),
  ];
}

/**
 * "CONCEPT" across the middle of every page of minutes that are not adopted: a floating shape behind the
 * text, anchored to the page from the header (so it repeats), light grey, with no text wrapping around
 * it; the words on the page stay where they are.
 */
function conceptWatermark(): Paragraph {
  return new Paragraph({
    children: [
      new ShapeRun({
        type: 'rectangle',
        transformation: { width: 720, height: 170 },
        line: 'none',
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'CONCEPT', size: 176, bold: true, color: 'D0D0D0' })],
          }),
        ],
        floating: {
          horizontalPosition: {
            relative: HorizontalPositionRelativeFrom.PAGE,
            align: HorizontalPositionAlign.CENTER,
          },
          verticalPosition: {
            relative: VerticalPositionRelativeFrom.PAGE,
            align: VerticalPositionAlign.CENTER,
          },
          behindDocument: true,
          allowOverlap: true,
          wrap: { type: TextWrappingType.NONE },
        },
        altText: { name: 'Watermerk', description: 'Concept', title: 'CONCEPT' },
      }),
    ],
  });
}

function pageHeader(model: MinutesModel): Header {
  const concept = model.state === 'concept' || model.state === 'correctieronde';
  return new Header({
    children: [
      ...(concept ? [conceptWatermark()] : []),
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        children: [
          new TextRun({
            text: `${minutesTitle(model)}, ${formatLongDate(model.meeting.date)}`,
            size: 16,
            color: '555555',
          }),
          new TextRun({ text: `\t${model.classification}`, bold: true, size: 18, color: 'A00000' }),
        ],
      }),
    ],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES],
            size: 16,
          }),
        ],
      }),
    ],
  });
}

interface DocumentProperties {
  title: string;
  subject: string;
  keywords: string;
  description: string;
}

function documentProperties(model: MinutesModel): DocumentProperties {
  const { city, meeting, version, classification } = model;
  return {
    title: `${minutesTitle(model)} ${formatLongDate(meeting.date)}`,
    subject: `Dossieroverleg ${city}, ${meeting.date}, versie ${version}`,
    keywords: [
      'LVV',
      'dossieroverleg',
      'verslag',
      city,
      meeting.date,
      `versie ${version}`,
      classification,
    ].join('; '),
    description: extractLine(model) ?? minutesStateLabel[model.state],
  };
}

/**
 * The pure part: model in, document out. Nothing here reads the clock, the disk or the database; the
 * house style (heading colour, typeface) is handed in, so the same model and style give the same bytes.
 */
export function buildMinutesDocument(model: MinutesModel, style: DocxStyle = defaultDocxStyle): Document {
  return new Document({
    creator: 'LVV Overleg',
    lastModifiedBy: model.secretary.name,
    ...documentProperties(model),
    revision: model.version,
    customProperties: [
      { name: 'Vergaderdatum', value: model.meeting.date },
      { name: 'Versie', value: String(model.version) },
      { name: 'Status', value: minutesStateLabel[model.state] },
      { name: 'Rubricering', value: model.classification },
    ],
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
        heading3: {
          run: {
            font: style.font,
            size: 22,
            bold: true,
            color: style.headingColour === defaultDocxStyle.headingColour ? '2E5496' : style.headingColour,
          },
          paragraph: { spacing: { before: 160, after: 80 } },
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
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter() },
        children: [
          ...titleBlock(model),
          ...attendanceSection(model),
          heading('Agendapunten', 1),
          ...model.items.flatMap(itemSection),
          ...decisionListSection(model),
          ...actionListSection(model),
          ...earlierActionsSection(model),
          ...(model.signaturePage ? signatureSection(model.signaturePage) : []),
        ],
      },
    ],
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * docProps/core.xml with created/modified taken from the model: the docx package stamps the current
 * time there, which would make two exports of the same minutes differ.
 */
function coreProperties(model: MinutesModel): string {
  const doc = documentProperties(model);
  const at = new Date(model.generatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title>` +
    `<dc:subject>${escapeXml(doc.subject)}</dc:subject>` +
    '<dc:creator>LVV Overleg</dc:creator>' +
    `<cp:keywords>${escapeXml(doc.keywords)}</cp:keywords>` +
    `<dc:description>${escapeXml(doc.description)}</dc:description>` +
    `<cp:lastModifiedBy>${escapeXml(model.secretary.name)}</cp:lastModifiedBy>` +
    `<cp:revision>${model.version}</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The DOCX bytes of the minutes: the same model (and house style) gives the same bytes. */
export async function packMinutesDocx(
  model: MinutesModel,
  style: DocxStyle = defaultDocxStyle,
): Promise<Uint8Array> {
  const overrides = [{ path: 'docProps/core.xml', data: coreProperties(model) }];
  const buffer = await Packer.toBuffer(buildMinutesDocument(model, style), false, overrides);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  normaliseZipTimestamps(bytes, new Date(model.generatedAt));
  return bytes;
}

/** Builds and writes the minutes atomically; returns the exact bytes written (what gets signed). */
export async function writeMinutesDocx(
  model: MinutesModel,
  file: string,
  style: DocxStyle = defaultDocxStyle,
): Promise<Uint8Array> {
  const bytes = await packMinutesDocx(model, style);
  writeFileAtomic(file, bytes);
  return bytes;
}

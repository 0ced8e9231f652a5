import { Document, Packer, Paragraph } from 'docx';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/agenda';
import { formatDateNl, localDate } from '../../../shared/domain/dates';
import type { AgendaExport } from '../../../shared/contract/meetings';
import { defaultDocxStyle, type DocxStyle } from '../../../shared/theme/docx';
import { heading, keyValueTable, para, spacer, table, TABLE_TEXT_STYLE } from '../minutes/docx-blocks';
import { writeFileAtomic } from '../storage/atomic';

/** "2026-11-22T11:00:00.000Z" → "22 november 2026, 12:00" in the city's time zone. */
function localMoment(instant: string): string {
  const time = new Intl.DateTimeFormat('nl-NL', {
    timeZone: DEFAULT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${formatDateNl(localDate(instant, DEFAULT_TIME_ZONE))}, ${time}`;
}

/**
 * The pure part: the (already pseudonymised) export model in, the document out, in the environment's
 * house style (heading colour and typeface from its theme).
 */
export function buildAgendaDocument(model: AgendaExport, style: DocxStyle = defaultDocxStyle): Document {
  const m = model.meeting;
  const totalMinutes = model.items.reduce((sum, i) => sum + i.plannedMinutes, 0);
  return new Document({
    creator: 'LVV Overleg',
    title: `Agenda dossieroverleg LVV ${m.city} ${m.date}`,
    description: 'Gepseudonimiseerd: dossiernummer en initialen',
    styles: {
      default: {
        document: { run: { font: style.font, size: 20 }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: style.font, size: 30, bold: true, color: style.headingColour } },
      },
      paragraphStyles: [{ id: TABLE_TEXT_STYLE, name: 'Tabeltekst', run: { size: 18 } }],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          heading(`Agenda dossieroverleg LVV ${m.city}`, 1),
          ...(model.proposed
            ? [para('Voorgestelde agenda: nog niet vastgesteld door de voorzitter.', { bold: true })]
            : []),
          keyValueTable([
            ['Datum', formatDateNl(m.date)],
            ['Tijd', `${m.time} uur (geplande duur ${totalMinutes} minuten)`],
            ['Plaats', m.place || '—'],
            ['Voorzitter', m.chair ?? '—'],
            ['Secretaris', m.secretary ?? '—'],
            ['Verzoeken tot bespreking', `uiterlijk ${localMoment(m.cutoff)}`],
          ]),
          spacer(),
          para(
            'Dossiers staan op deze agenda alleen met dossiernummer en initialen. Verspreid deze agenda alleen onder de deelnemende partijen.',
            { italics: true },
          ),
          table(
            [
              { header: 'Nr.', share: 0.07 },
              { header: 'Onderwerp', share: 0.3 },
              { header: 'Reden', share: 0.43 },
              { header: 'Aanvang', share: 0.1 },
              { header: 'Minuten', share: 0.1 },
            ],
            model.items.map((i) => [
              String(i.number),
              i.label,
              i.reasons.length > 0
                ? i.reasons.map((r) => new Paragraph({ text: r, style: TABLE_TEXT_STYLE }))
                : '',
              i.startsAt,
              String(i.plannedMinutes),
            ]),
          ),
        ],
      },
    ],
  });
}

export async function agendaDocxBytes(
  model: AgendaExport,
  style: DocxStyle = defaultDocxStyle,
): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildAgendaDocument(model, style)));
}

/** Writes the agenda DOCX so a reader sees the old file or the whole new one, never half. */
export async function writeAgendaDocx(
  model: AgendaExport,
  target: string,
  style: DocxStyle = defaultDocxStyle,
): Promise<void> {
  writeFileAtomic(target, await agendaDocxBytes(model, style), 0o600);
}

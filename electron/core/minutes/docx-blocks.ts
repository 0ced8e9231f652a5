import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** Small building blocks for the minutes, so build-docx.ts reads as the document's outline. */

/** A4 (11906 twips) minus two 2 cm margins: the width every table fills. */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;

const HEADER_FILL = 'DCE6F0';
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '9AA7B5' } as const;

export function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text, heading: levels[level], pageBreakBefore, keepNext: true });
}

/** Paragraph style of text in tables: a point smaller than body text, so five-column tables stay readable. */
export const TABLE_TEXT_STYLE = 'Tabeltekst';

interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  /** Paragraph style id; body text when left out. */
  style?: string;
}

// Formatting is only written when it is on: every explicit "off" is another XML element to build and parse.
function run(text: string, bold?: boolean, italics?: boolean): TextRun {
  return new TextRun({ text, bold: bold || undefined, italics: italics || undefined });
}

export function para(text: string, options: TextOptions = {}): Paragraph {
  return new Paragraph({ children: [run(text, options.bold, options.italics)], style: options.style });
}

/** "Label: value" with the label in bold; the usual line in a position or decision. */
export function labelled(label: string, value: string, style?: string): Paragraph {
  return new Paragraph({ children: [run(`${label}: `, true), run(value)], style });
}

export type CellContent = string | Paragraph[];

export interface Column {
  header: string;
  /** Share of the text width; the shares of a table add up to 1. */
  share: number;
}

function cell(content: CellContent, isHeader: boolean): TableCell {
  const children =
    typeof content === 'string'
      ? [para(content, { bold: isHeader, style: TABLE_TEXT_STYLE })]
      : content.length > 0
        ? content
        : [para('', { style: TABLE_TEXT_STYLE })];
  return new TableCell({
    children,
    ...(isHeader ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
  });
}

/** Table-wide properties: fixed twips widths (LibreOffice and Word then agree), one border and margin set. */
function tableFrame(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 100, right: 100 },
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
  });
}

/** Left plus right cell margin (tableFrame), and a little room for a font wider than estimated. */
const CELL_PADDING_TWIPS = 2 * 100 + 80;

/**
 * The width a word needs in table text (9 pt): an estimate per character, on the generous side, so that LibreOffice and Word never have to split a word over two lines ("Gedrage/n").
 * Bold (the header row) runs a little wider.
 */
export function wordWidthTwips(word: string, bold = false): number {
  let ems = 0;
  // Widths of DejaVu Sans, the widest common fallback (LibreOffice uses it where Calibri is missing).
  for (const ch of word)
    ems += /[mwMW@%]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.78 : /[iljtfr.,:;'|!()\- ]/.test(ch) ? 0.4 : 0.65;
  return Math.ceil(ems * 180 * (bold ? 1.12 : 1));
}

function longestWordTwips(text: string, bold: boolean): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => wordWidthTwips(w, bold)));
}

/**
 * Column widths in twips from the shares, widened where a column's longest word would not fit and
 * paid for by the columns with room to spare (in proportion to that room). Only plain-text cells are
 * measured; paragraph cells hold running text in the wide columns.
 */
export function fitColumnWidths(columns: Column[], rows: CellContent[][]): number[] {
  const widths = columns.map((c) => Math.round(c.share * TEXT_WIDTH_TWIPS));
  const needed = columns.map(
    (c, i) =>
      Math.max(
        longestWordTwips(c.header, true),
        ...rows.map((r) => (typeof r[i] === 'string' ? longestWordTwips(r[i], false) : 0)),
      ) + CELL_PADDING_TWIPS,
  );
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, needed[i]! - w), 0);
  if (short === 0) return widths;
  const spare = widths.map((w, i) => Math.max(0, w - needed[i]!));
  const totalSpare = spare.reduce((a, b) => a + b, 0);
  // When the words cannot all fit, the widths follow what each column needs.
  if (totalSpare < short) {
    const total = needed.reduce((a, b) => a + b, 0);
    return needed.map((n) => Math.floor((n / total) * TEXT_WIDTH_TWIPS));
  }
  return widths.map((w, i) =>
    needed[i]! > w ? needed[i]! : w - Math.ceil((spare[i]! / totalSpare) * short),
  );
}

/** A full-width table with a header row that repeats on every page. */
export function table(columns: Column[], rows: CellContent[][]): Table {
  const widths = fitColumnWidths(columns, rows);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, true)),
  });
  // Body rows may break over a page: with "cantSplit" LibreOffice 7 drops a whole row that meets a page
  // end after a repeated header (a party's position vanished from the PDF; the word-count test found it).
  const bodyRows = rows.map((row) => new TableRow({ children: row.map((content) => cell(content, false)) }));
  return tableFrame(widths, [headerRow, ...bodyRows]);
}

/** Two columns, label and value, no header: the title block and the signature details. */
export function keyValueTable(rows: [string, string][], labelShare = 0.3): Table {
  const widths = [Math.round(labelShare * TEXT_WIDTH_TWIPS), Math.round((1 - labelShare) * TEXT_WIDTH_TWIPS)];
  return tableFrame(
    widths,
    rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [cell([para(label, { bold: true, style: TABLE_TEXT_STYLE })], false), cell(value, false)],
        }),
    ),
  );
}

/** Empty paragraph after a table: Word glues consecutive tables together otherwise. */
export function spacer(): Paragraph {
  return new Paragraph('');
}

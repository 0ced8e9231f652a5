import { parseColour } from './colour';
import { themeTokens, type ThemeChoice } from './themes';

/*
 * The house style of the documents the app writes (minutes and agenda DOCX): the heading colour and
 * the typeface. A city theme gives them from its tokens (primary colour, document font); the neutral
 * default keeps the documents as they always were (Calibri, dark blue headings).
 */

export interface DocxStyle {
  /** Body and heading typeface, as Word names it. */
  font: string;
  /** Heading colour, RRGGBB as WordprocessingML writes it. */
  headingColour: string;
}

export const defaultDocxStyle: DocxStyle = { font: 'Calibri', headingColour: '1F3864' };

const genericFamilies = /^(serif|sans-serif|monospace|cursive|fantasy|system-ui|ui-[a-z-]+|emoji|math)$/i;

/** The first named family of a CSS font stack, as an office suite knows it ("Noto Sans Variable" → "Noto Sans"). */
export function docxFont(fontFamily: string): string | undefined {
  for (const part of fontFamily.split(',')) {
    const name = part
      .trim()
      .replace(/^['"]|['"]$/g, '')
      .replace(/\s+Variable$/i, '')
      .trim();
    if (name && !genericFamilies.test(name)) return name;
  }
  return undefined;
}

/** An opaque CSS colour as RRGGBB; undefined for anything a document cannot show as such. */
export function docxColour(value: string): string | undefined {
  const c = parseColour(value.trim());
  if (!c || c.alpha < 1) return undefined;
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0').toUpperCase();
  return `${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

export function docxStyle(choice: ThemeChoice): DocxStyle {
  if (choice.id === 'standaard') return defaultDocxStyle;
  const { app } = themeTokens(choice);
  return {
    font: docxFont(app.fontFamily) ?? defaultDocxStyle.font,
    headingColour: docxColour(app.primary) ?? defaultDocxStyle.headingColour,
  };
}

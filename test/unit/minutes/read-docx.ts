import { strFromU8, unzipSync } from 'fflate';

/** One part of a DOCX (a ZIP) as text, e.g. "word/document.xml". */
export function docxPart(docx: Uint8Array, part: string): string {
  const file = unzipSync(docx, { filter: (f) => f.name === part })[part];
  if (!file) throw new Error(`${part} is not in the DOCX`);
  return strFromU8(file);
}

/** The visible text of a WordprocessingML part: one line per paragraph, tags stripped, entities decoded. */
export function docxText(docx: Uint8Array, part = 'word/document.xml'): string {
  return docxPart(docx, part)
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

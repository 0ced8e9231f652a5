import { isXmlSafe } from '../../../shared/text';
import { zipEntry, zipEntryNames } from './zip-read';

/*
 * A well-formedness check of the XML parts of a DOCX, run before minutes are adopted (issue 11): one
 * character XML cannot carry made the adopted, signed minutes a file LibreOffice refuses. It checks
 * what a conforming parser would reject in what the docx package writes: the encoding (UTF-8), the
 * characters (XML 1.0 Char), the markup (tags, attributes, comments, CDATA, processing instructions)
 * and that tags nest and close, and entity references in text. It does not read DTDs (a DOCX has none).
 */

const name = '[A-Za-z_][\\w:.-]*';
const attribute = `\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
const token = new RegExp(
  `<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|</(${name})\\s*>|<(${name})((?:${attribute})*)\\s*(/?)>`,
  'y',
);
const entity = /&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);/y;

/** Why this text is not well-formed XML, or null when it is. */
export function xmlProblem(xml: string): string | null {
  if (!isXmlSafe(xml)) return 'a character XML cannot carry';
  const open: string[] = [];
  let rootClosed = false;
  let i = 0;
  while (i < xml.length) {
    const c = xml[i];
    if (c === '<') {
      token.lastIndex = i;
      const m = token.exec(xml);
      if (!m) return `malformed markup at ${i}`;
      const [whole, closing, opening, , selfClosing] = m;
      if (closing) {
        if (open.pop() !== closing) return `unexpected </${closing}> at ${i}`;
        if (open.length === 0) rootClosed = true;
      } else if (opening) {
        if (rootClosed) return `content after the root element at ${i}`;
        if (!selfClosing) open.push(opening);
        else if (open.length === 0) rootClosed = true;
      }
      i += whole.length;
    } else if (c === '&') {
      entity.lastIndex = i;
      const m = entity.exec(xml);
      if (!m) return `bare & at ${i}`;
      // A character reference must name a character XML can carry (WFC: Legal Character).
      const ref = /^&#(x?)([0-9A-Fa-f]+);$/.exec(m[0]);
      if (ref) {
        const code = parseInt(ref[2]!, ref[1] ? 16 : 10);
        const legal =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (!legal) return `reference to an illegal character at ${i}`;
      }
      i += m[0].length;
    } else i++;
  }
  if (open.length) return `unclosed <${open[open.length - 1]}>`;
  return null;
}

/** The first problem in any XML part of the DOCX ("word/document.xml: …"), or null when all parse. */
export function docxXmlProblem(docx: Uint8Array): string | null {
  const names = zipEntryNames(docx);
  if (!names.includes('word/document.xml')) return 'no word/document.xml';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const part of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
    const bytes = zipEntry(docx, part);
    if (!bytes) return `${part}: unreadable`;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return `${part}: not UTF-8`;
    }
    const problem = xmlProblem(text);
    if (problem) return `${part}: ${problem}`;
  }
  return null;
}

/*
 * Text the app can carry (issue 11). Every text of the contract ends up somewhere as XML (the
 * minutes and the agenda are DOCX), and XML 1.0 cannot carry every UTF-16 string: not the C0 control
 * characters other than tab, line feed and carriage return, not U+FFFE/U+FFFF, and not a lone surrogate
 * half. One such character in a position made the adopted, doubly signed minutes ill-formed XML that
 * LibreOffice refuses while both signatures verify. The dispatcher therefore refuses such text at the
 * boundary, for every method (shared/dispatcher.ts), before any handler sees it.
 */

/**
 * A character XML 1.0 cannot carry (the Char production), or a surrogate half without its partner.
 * Without the u flag the regex sees UTF-16 code units, which is what finds lone surrogates.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const xmlUnsafe =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** Whether XML 1.0 can carry this text as character data. */
export function isXmlSafe(text: string): boolean {
  return !xmlUnsafe.test(text);
}

/**
 * The paths (dot-separated, as in field errors) of every string in a JSON value that XML cannot
 * carry; object keys count too (a key is text that may be printed). At most `limit` paths.
 */
export function unsafeTextPaths(value: unknown, limit = 10): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string[], depth: number): void => {
    if (out.length >= limit || depth > 64) return;
    if (typeof v === 'string') {
      if (!isXmlSafe(v)) out.push(path.join('.'));
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, String(i)], depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isXmlSafe(k)) out.push([...path, '(key)'].join('.'));
        walk(x, [...path, k], depth + 1);
      }
    }
  };
  walk(value, [], 0);
  return out;
}

/**
 * Text for a terminal line: control characters (C0, DEL, C1) and the bidirectional overrides that can
 * make a line read differently from what it says are replaced by U+FFFD, so a name inside a
 * certificate or a file name cannot move the cursor, clear the screen or fake a "GELDIG".
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
}

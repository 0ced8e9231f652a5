import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };

/*
 * Countries as a pick-list, so return and onward-migration destinations can be counted: ISO 3166-1
 * alpha-2 codes with their Dutch short names from the maintained i18n-iso-countries data (the same
 * list the CBS and IND use, in the names Dutch readers know). English names come from Intl in the UI.
 * Stored as the code; shown as the name.
 */

type Entry = string | readonly string[];
const data = (nl as { countries: Record<string, Entry> }).countries;

/** The short Dutch name: the package lists the official name first and the short one last. */
const shortName = (e: Entry): string => (typeof e === 'string' ? e : e[e.length - 1]!);

const collator = new Intl.Collator('nl');

/** Every ISO 3166-1 alpha-2 code with its Dutch name, sorted by name. */
export const countries: readonly { code: string; name: string }[] = Object.entries(data)
  .map(([code, e]) => ({ code, name: shortName(e) }))
  .sort((a, b) => collator.compare(a.name, b.name));

const byCode = new Map(countries.map((c) => [c.code, c.name]));

export const isCountryCode = (code: string): boolean => byCode.has(code);

/** The Dutch name for a code, or the code itself when it is not one (old free text stays readable). */
export const countryName = (code: string): string => byCode.get(code) ?? code;

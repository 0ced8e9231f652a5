import {
  importFieldLabels,
  importReasonMessages,
  type ImportField,
  type ImportReason,
} from '../../../../shared/domain/register-import';

/*
 * Texts of "Register importeren". The Dutch reasons and column names come from the domain (the
 * command line prints the same sentences), so the two cannot drift apart; English has its own list.
 */

type ReasonTexts = { [K in ImportReason as `import.reason.${K}`]: string };
type FieldTexts = { [K in ImportField as `import.field.${K}`]: string };

const reasonNl = Object.fromEntries(
  Object.entries(importReasonMessages).map(([code, text]) => [`import.reason.${code}`, text]),
) as ReasonTexts;
const fieldNl = Object.fromEntries(
  Object.entries(importFieldLabels).map(([f, text]) => [`import.field.${f}`, text]),
) as FieldTexts;

const reasonEn: ReasonTexts = {
  'import.reason.required': '{field} is missing.',
  'import.reason.too_long': '{field} is too long.',
  'import.reason.v_number_chars': 'A V-number consists of digits only.',
  'import.reason.v_number_length': 'A V-number has exactly 10 digits.',
  'import.reason.v_number_twice_in_file': 'This V-number is also on line {line} of the file.',
  'import.reason.v_number_in_register': 'This V-number already belongs to dossier {number}.',
  'import.reason.date_format': '{field}: write the date as 7-12-2026 or 2026-12-07.',
  'import.reason.date_impossible': '{field}: this date does not exist.',
  'import.reason.date_too_early': '{field}: a date before 1900 is not possible.',
  'import.reason.date_too_late': '{field}: a date after 2199 is not possible.',
  'import.reason.birth_in_future': 'The date of birth is in the future.',
  'import.reason.track_unknown':
    'Unknown track; choose from: Nog te bepalen, Stabilisatie, Legalisatie, Terugkeer, Doormigratie, Tweesporen.',
  'import.reason.status_unknown':
    'Unknown status; choose from: Aangemeld, Intake, Richting bepalen, In traject, Besluit gedragen, Uitvoering, Uitgestroomd, Gesloten.',
  'import.reason.invalid': '{field} is not valid.',
};

const fieldEn: FieldTexts = {
  'import.field.name': 'Name',
  'import.field.vNumber': 'V-number',
  'import.field.birthDate': 'Date of birth',
  'import.field.nationality': 'Nationality',
  'import.field.track': 'Track',
  'import.field.status': 'Status',
  'import.field.casemanager': 'Case manager',
  'import.field.referredAt': 'Referral date',
};

export const registerImportNl = {
  ...reasonNl,
  ...fieldNl,
  'import.open': 'Register importeren',
  'import.title': 'Register importeren',
  'import.intro':
    'Neem het bestaande register over uit Excel (XLSX) of een CSV-bestand. U ziet eerst per regel wat er gebeurt; er wordt pas iets opgeslagen als u op Importeren drukt.',
  'import.file': 'Bestand (CSV of XLSX)',
  'import.file.help':
    'Hoogstens 10 MB. De eerste regel met tekst bevat de kolomnamen, zoals Naam, V-nummer, Geboortedatum en Datum aanmelding.',
  'import.reading': 'Het bestand wordt gelezen en gecontroleerd…',
  'import.error.file_empty': 'Dit bestand is leeg of heeft geen regel met kolomnamen.',
  'import.error.file_xls': 'Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of .csv.',
  'import.error.file_unreadable': 'Dit bestand kan niet als Excel-bestand (.xlsx) worden gelezen.',
  'import.error.file_type': 'Dit is geen CSV- of XLSX-bestand.',
  'import.error.too_many_rows': 'Dit bestand heeft meer dan 20.000 regels. Splits het in delen.',
  'import.error.too_many_columns': 'Dit bestand heeft meer dan 100 kolommen.',
  'import.error.file_too_large': 'Dit bestand is groter dan 10 MB.',
  'import.error.file_unpacked_too_large':
    'Dit Excel-bestand is uitgepakt veel groter dan een register kan zijn; het wordt niet geopend.',
  'import.mapping.title': 'Kolommen',
  'import.mapping.help':
    'Herkend aan de kolomnamen in het bestand. Kies zelf een andere kolom als de herkenning niet klopt.',
  'import.mapping.none': '— niet gebruiken —',
  'import.mapping.column': 'Kolom {letter}: {header}',
  'import.mapping.recognised': 'Herkend: kolom {letter}',
  'import.mapping.notFound': 'Niet herkend in het bestand',
  'import.mapping.twice': 'Deze kolom is al gekozen voor een ander veld.',
  'import.mapping.missing': '{field} is aan geen kolom gekoppeld: dan wordt elke regel geweigerd.',
  'import.ignored': 'Niet gebruikte kolommen: {columns}.',
  'import.summary': '{rows} regels: {ok} in orde, {refused} geweigerd, {empty} leeg.',
  'import.sheet': 'Werkblad "{sheet}".',
  'import.filter': 'Toon',
  'import.filter.all': 'Alle regels',
  'import.filter.refused': 'Alleen geweigerde regels',
  'import.filter.ok': 'Alleen regels die in orde zijn',
  'import.table': 'Voorbeeld per regel van {file}',
  'import.table.done': 'Resultaat per regel van {file}',
  'import.shownFirst':
    'Hieronder staan de eerste {shown} van {total} regels; kies "Alleen geweigerde regels" om die te zien.',
  'import.col.line': 'Regel',
  'import.col.result': 'Resultaat',
  'import.col.reasons': 'Waarom',
  'import.status.ok': 'In orde',
  'import.status.refused': 'Geweigerd',
  'import.status.empty': 'Lege regel',
  'import.status.imported': 'Geïmporteerd als {number}',
  'import.status.notImported': 'Niet geïmporteerd',
  'import.mode': 'Als er regels geweigerd zijn',
  'import.mode.alles_of_niets': 'Alles of niets: niets importeren zolang er een regel geweigerd is',
  'import.mode.geweigerde_overslaan': 'Geweigerde regels overslaan en de rest importeren',
  'import.blocked':
    'Met "alles of niets" wordt niets geïmporteerd zolang er regels geweigerd zijn. Verbeter het bestand, of kies "Geweigerde regels overslaan".',
  'import.run': 'Importeren',
  'import.running': 'Bezig met importeren…',
  'import.done.one': '1 dossier geïmporteerd.',
  'import.done.other': '{n} dossiers geïmporteerd.',
  'import.done.skipped': '{n} geweigerde regels zijn overgeslagen.',
  'import.nothing.refused':
    'Niets geïmporteerd: {n} regels zijn geweigerd. Verbeter het bestand, of kies "Geweigerde regels overslaan".',
  'import.nothing.none': 'Niets geïmporteerd: geen enkele regel is in orde.',
  'import.again': 'Nog een bestand importeren',
  'import.toRegister': 'Naar het register',
};

export const registerImportEn: Record<keyof typeof registerImportNl, string> = {
  ...reasonEn,
  ...fieldEn,
  'import.open': 'Import register',
  'import.title': 'Import register',
  'import.intro':
    'Bring in the existing register from Excel (XLSX) or a CSV file. You first see what happens to each line; nothing is stored until you press Import.',
  'import.file': 'File (CSV or XLSX)',
  'import.file.help':
    'At most 10 MB. The first line with text holds the column names, such as Naam, V-nummer, Geboortedatum and Datum aanmelding.',
  'import.reading': 'Reading and checking the file…',
  'import.error.file_empty': 'This file is empty or has no line with column names.',
  'import.error.file_xls': 'This is an old Excel file (.xls). Save it in Excel as .xlsx or .csv.',
  'import.error.file_unreadable': 'This file cannot be read as an Excel file (.xlsx).',
  'import.error.file_type': 'This is not a CSV or XLSX file.',
  'import.error.too_many_rows': 'This file has more than 20,000 lines. Split it up.',
  'import.error.too_many_columns': 'This file has more than 100 columns.',
  'import.error.file_too_large': 'This file is larger than 10 MB.',
  'import.error.file_unpacked_too_large':
    'Unpacked, this Excel file is far larger than a register can be; it is not opened.',
  'import.mapping.title': 'Columns',
  'import.mapping.help':
    'Recognised by the column names in the file. Choose another column yourself if the recognition is wrong.',
  'import.mapping.none': '— do not use —',
  'import.mapping.column': 'Column {letter}: {header}',
  'import.mapping.recognised': 'Recognised: column {letter}',
  'import.mapping.notFound': 'Not recognised in the file',
  'import.mapping.twice': 'This column is already chosen for another field.',
  'import.mapping.missing': '{field} is not linked to a column: every line will then be refused.',
  'import.ignored': 'Columns not used: {columns}.',
  'import.summary': '{rows} lines: {ok} in order, {refused} refused, {empty} empty.',
  'import.sheet': 'Worksheet "{sheet}".',
  'import.filter': 'Show',
  'import.filter.all': 'All lines',
  'import.filter.refused': 'Refused lines only',
  'import.filter.ok': 'Lines in order only',
  'import.table': 'Preview per line of {file}',
  'import.table.done': 'Result per line of {file}',
  'import.shownFirst':
    'Below are the first {shown} of {total} lines; choose "Refused lines only" to see those.',
  'import.col.line': 'Line',
  'import.col.result': 'Result',
  'import.col.reasons': 'Why',
  'import.status.ok': 'In order',
  'import.status.refused': 'Refused',
  'import.status.empty': 'Empty line',
  'import.status.imported': 'Imported as {number}',
  'import.status.notImported': 'Not imported',
  'import.mode': 'If lines are refused',
  'import.mode.alles_of_niets': 'All or nothing: import nothing while any line is refused',
  'import.mode.geweigerde_overslaan': 'Skip refused lines and import the rest',
  'import.blocked':
    'With "all or nothing" nothing is imported while lines are refused. Correct the file, or choose "Skip refused lines".',
  'import.run': 'Import',
  'import.running': 'Importing…',
  'import.done.one': '1 dossier imported.',
  'import.done.other': '{n} dossiers imported.',
  'import.done.skipped': '{n} refused lines were skipped.',
  'import.nothing.refused':
    'Nothing imported: {n} lines are refused. Correct the file, or choose "Skip refused lines".',
  'import.nothing.none': 'Nothing imported: no line is in order.',
  'import.again': 'Import another file',
  'import.toRegister': 'To the register',
};

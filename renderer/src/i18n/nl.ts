/**
 * Dutch is the source language: every key exists here, and en.ts has the same keys (a test checks).
 * Each feature area keeps its texts in i18n/areas/<area>.ts, exporting `<area>Nl` and `<area>En`,
 * spread in below and in en.ts.
 */
import { dossiersNl } from './areas/dossiers';
import { meetingsNl } from './areas/meetings';
import { itemsNl } from './areas/items';
import { minutesNl } from './areas/minutes';
import { trustNl } from './areas/trust';
import { themeNl } from './areas/theme';
import { backupNl } from './areas/backup';
import { signingNl } from './areas/signing';
import { errorsNl } from './areas/errors';
import { registerImportNl } from './areas/register-import';
import { aboutNl } from './areas/about';
import { roomNl } from './areas/room';
import { beamerNl } from './areas/beamer';
import { reportsNl } from './areas/reports';

export const nl = {
  ...dossiersNl,
  ...meetingsNl,
  ...itemsNl,
  ...minutesNl,
  ...trustNl,
  ...themeNl,
  ...backupNl,
  ...signingNl,
  ...errorsNl,
  ...registerImportNl,
  ...aboutNl,
  ...roomNl,
  ...beamerNl,
  ...reportsNl,
  'app.name': 'LVV Overleg',
  'app.skip': 'Naar de inhoud',
  'lang.switch': 'English',
  'common.next': 'Volgende',
  'common.back': 'Terug',
  'common.save': 'Opslaan',
  'common.cancel': 'Annuleren',
  'common.add': 'Toevoegen',
  'common.remove': 'Verwijderen',
  'common.close': 'Sluiten',
  'common.loading': 'Bezig met laden…',
  'common.yes': 'ja',
  'common.no': 'nee',
  'common.required': 'verplicht',
  'common.datePattern': 'JJJJ-MM-DD',
  'mode.end.confirm.one':
    'Overleg afronden? Nog 1 punt open; dat wordt doorgeschoven. De besluiten van dit overleg worden vastgezet.',
  'mode.end.confirm.other':
    'Overleg afronden? Nog {open} punten open; die worden doorgeschoven. De besluiten van dit overleg worden vastgezet.',
  'mode.end.yes': 'Ja, overleg afronden',

  'start.title': 'Welkom bij LVV Overleg',
  'start.intro':
    'LVV Overleg ondersteunt het dossieroverleg van de Landelijke Vreemdelingenvoorziening: de agenda, de standpunten van elke partij, het gedragen besluit en het verslag. Alle gegevens worden versleuteld op deze computer opgeslagen.',
  'start.create': 'Nieuwe omgeving inrichten',
  'start.demo': 'Demo openen',
  'start.demoHint': 'Een omgeving met fictieve dossiers en demogebruikers, om het programma te leren kennen.',

  'setup.title': 'Omgeving inrichten',
  'setup.step': 'Stap {n} van {total}',
  'setup.city.title': 'Gemeente en overleg',
  'setup.city': 'Naam van de gemeente',
  'setup.cadence': 'Vergaderfrequentie',
  'setup.cadence.wekelijks': 'Wekelijks',
  'setup.cadence.tweewekelijks': 'Om de week',
  'setup.cadence.maandelijks': 'Maandelijks',
  'setup.term': 'Termijn voor een duurzame oplossing (maanden)',
  'setup.term.help': 'Bijvoorbeeld 6 maanden in Rotterdam. De streefdatum van een dossier volgt hieruit.',
  'setup.orgs.title': 'Deelnemende organisaties',
  'setup.orgs.help':
    'Standaard: gemeente, IND, DT&V, een ngo en de politie. Pas namen aan of voeg partijen toe (bijvoorbeeld IOM of GGD).',
  'setup.org.name': 'Naam organisatie {n}',
  'setup.org.kind': 'Soort organisatie {n}',
  'setup.org.add': 'Organisatie toevoegen',
  'setup.org.remove': 'Verwijder {name}',
  'setup.admin.title': 'Eerste beheerder',
  'setup.admin.name': 'Volledige naam',
  'setup.admin.username': 'Gebruikersnaam',
  'setup.admin.password': 'Wachtwoord',
  'setup.admin.password.help':
    'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
  'setup.admin.password2': 'Herhaal wachtwoord',
  'setup.admin.org': 'Organisatie van de beheerder',
  'setup.create': 'Omgeving aanmaken',
  'setup.creating': 'Omgeving wordt aangemaakt en versleuteld…',
  'recovery.title': 'Herstelsleutel',
  'recovery.intro':
    'Dit is de sleutel van de versleutelde database. Hij wordt maar één keer getoond. Bewaar hem op papier in een kluis of in de wachtwoordkluis van de gemeente. Met deze sleutel opent elk SQLCipher 4-programma de database, ook zonder LVV Overleg; wie hem heeft, kan alles lezen.',
  'recovery.key': 'Herstelsleutel',
  'recovery.confirm': 'Typ ter controle de laatste twee groepen van de sleutel (bijvoorbeeld AB12-CD34)',
  'recovery.mismatch': 'Dat komt niet overeen met de laatste twee groepen van de sleutel.',
  'recovery.done': 'Ik heb de sleutel bewaard — naar inloggen',

  'demo.title': 'Demo-omgeving',
  'demo.warning':
    'DEMO — fictieve personen en demowachtwoorden. Gebruik deze omgeving nooit voor echte dossiers.',
  'demo.users': 'Demogebruikers',
  'demo.col.user': 'Gebruikersnaam',
  'demo.col.password': 'Wachtwoord',
  'demo.col.name': 'Naam',
  'demo.col.org': 'Organisatie',
  'demo.col.roles': 'Rollen',
  'demo.toLogin': 'Naar inloggen',
  'demo.banner': 'Demo-omgeving: fictieve gegevens',

  'login.title': 'Inloggen',
  'login.locked': 'Vergrendeld',
  'login.lockedHint': 'De omgeving is vergrendeld en de sleutel is uit het geheugen gewist. Log opnieuw in.',
  'login.username': 'Gebruikersnaam',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.busy': 'Bezig met ontsleutelen…',

  'shell.lock': 'Vergrendelen',
  'shell.lockShortcut': 'Ctrl+Shift+L',
  'shell.nav': 'Hoofdmenu',
  'shell.loggedInAs': '{name} — {org}',
  'nav.dossiers': 'Dossiers',
  'nav.meetings': 'Overleggen',
  'nav.actions': 'Acties',
  'nav.admin': 'Beheer',
  'nav.account': 'Mijn account',

  'role.beheerder': 'beheerder',
  'role.voorzitter': 'voorzitter',
  'role.notulist': 'notulist',
  'role.deelnemer': 'deelnemer',
  'role.casemanager': 'casemanager',

  'kind.gemeente': 'Gemeente',
  'kind.ind': 'IND',
  'kind.dtv': 'DT&V',
  'kind.ngo': 'Ngo',
  'kind.politie': 'Politie',
  'kind.iom': 'IOM',
  'kind.ggd': 'GGD',
  'kind.coa': 'COA',
  'kind.advocaat': 'Advocaat',
  'kind.opvang': 'Opvang',
  'kind.overig': 'Overig',

  'admin.title': 'Beheer',
  'admin.users': 'Gebruikers',
  'admin.users.name': 'Naam',
  'admin.users.username': 'Gebruikersnaam',
  'admin.users.org': 'Organisatie',
  'admin.users.roles': 'Rollen',
  'admin.users.outsideHost': 'Toch toestaan: {roles} bij {org}, buiten de gemeente',
  'admin.users.status': 'Status',
  'admin.users.active': 'actief',
  'admin.users.disabled': 'uitgeschakeld',
  'admin.users.disable': 'Uitschakelen',
  'admin.users.enable': 'Inschakelen',
  'admin.users.reset': 'Wachtwoord opnieuw instellen',
  'admin.users.new': 'Nieuwe gebruiker',
  'admin.users.password': 'Tijdelijk wachtwoord',
  'admin.users.created': 'Gebruiker {name} is aangemaakt.',
  'admin.users.resetDone': 'Het wachtwoord van {name} is opnieuw ingesteld.',
  'admin.users.enabledHint':
    '{name} is ingeschakeld. Stel een nieuw wachtwoord in, anders kan deze gebruiker niet inloggen.',
  'admin.users.newPassword': 'Nieuw wachtwoord voor {name}',
  'admin.orgs': 'Organisaties',
  'admin.orgs.special': 'ziet bijzondere persoonsgegevens',
  'admin.orgs.new': 'Organisatie toevoegen',
  'admin.settings': 'Instellingen',
  'admin.idle': 'Automatisch vergrendelen na (minuten zonder activiteit)',
  'admin.saved': 'Opgeslagen.',
  'admin.audit': 'Auditlog',
  'admin.audit.verify': 'Auditketen controleren',
  'admin.audit.valid': 'De auditketen is geldig (aantal records: {n}; kop {head}).',
  'admin.audit.invalid':
    'De auditketen is verbroken bij record {id}. Neem contact op met de functionaris gegevensbescherming.',

  'account.title': 'Mijn account',
  'account.current': 'Huidig wachtwoord',
  'account.new': 'Nieuw wachtwoord',
  'account.changed': 'Uw wachtwoord is gewijzigd.',
  'account.change': 'Wachtwoord wijzigen',

  'error.WRONG_CREDENTIALS': 'Gebruikersnaam of wachtwoord onjuist.',
  'error.UNAUTHENTICATED': 'U bent niet (meer) ingelogd. Log opnieuw in.',
  'error.FORBIDDEN': 'U hebt geen toestemming voor deze handeling.',
  'error.NOT_FOUND': 'Dit item bestaat niet (meer).',
  'error.CONFLICT':
    'Iemand anders heeft dit intussen gewijzigd, of het bestaat al. Bekijk de actuele gegevens en probeer het opnieuw.',
  'error.BAD_INPUT': 'Niet alle velden zijn goed ingevuld. Bekijk de meldingen bij de velden.',
  'error.NOT_SET_UP': 'Er is nog geen omgeving ingericht.',
  'error.ALREADY_SET_UP': 'Er bestaat al een omgeving op deze plek. Die wordt nooit overschreven.',
  'error.DATABASE_UNREADABLE':
    'De database kan niet worden geopend: het bestand is beschadigd of de sleutel past niet. Het bestand is niet aangeraakt. Neem contact op met de beheerder en houd de herstelsleutel bij de hand.',
  'error.DATABASE_TOO_NEW':
    'Deze database is gemaakt met een nieuwere versie van LVV Overleg. Installeer die versie; de database is niet gewijzigd.',
  'error.ENCRYPTION_INACTIVE':
    'Versleuteling is niet actief. LVV Overleg weigert te starten om geen onversleutelde gegevens te schrijven.',
  'error.DUPLICATE_V_NUMBER': 'Dit V-nummer bestaat al in dossier {number}.',
  'shell.switchUser': 'Gebruiker wisselen',
  'login.switch': 'Gebruiker wisselen',
  'login.switchHint': '{name} blijft ingelogd tot iemand anders hier inlogt.',
  'login.openHint': 'De omgeving is geopend door een sleutelhouder. Log in met uw eigen account.',
  'projector.idleWarning':
    'Over {s} seconden wordt dit scherm zwart: de omgeving wordt vergrendeld omdat er niets gebeurt. Op de laptop van de voorzitter: ‘Ik ben er nog’.',
  'shell.logout': 'Afmelden',
  'shell.idle.closes':
    'Over {s} seconden zonder activiteit wordt de omgeving voor iedereen vergrendeld (ook de beamer).',
  'shell.idle.logout': 'Over {s} seconden zonder activiteit wordt u afgemeld.',
  'shell.idle.stay': 'Ik ben er nog',
  'account.required.title': 'Kies een eigen wachtwoord',
  'account.required.intro':
    'U bent ingelogd met een tijdelijk wachtwoord van de beheerder. Kies eerst een eigen wachtwoord; daarna kunt u verder.',
  'error.PASSWORD_CHANGE_REQUIRED': 'Kies eerst een eigen wachtwoord in plaats van het tijdelijke.',
  'error.STORAGE_FAULT': 'Er is een probleem met de bestanden op schijf. Er is niets gewijzigd.',
  'error.FOLDER_IN_USE':
    'Deze gegevensmap is al geopend door een ander programma (proces {pid}). Sluit dat eerst en probeer het opnieuw.',
  'admin.users.keyHolder': 'Sleutel',
  'admin.users.keyHolder.toggle': '{name} houdt de sleutel',
  'admin.users.keyHolder.help':
    'Sleutelhouders kunnen de versleutelde omgeving openen. Andere gebruikers kunnen alleen inloggen terwijl een sleutelhouder haar open heeft; hun wachtwoord opent niets op schijf.',
  'admin.users.keyHolder.pending': '(krijgt de sleutel bij de volgende keer inloggen)',
  'admin.keys': 'Databasesleutel',
  'admin.keys.advised':
    'Er stonden nog sleutels van gebruikers zonder sleutelrecht in het sleutelbestand; die zijn verwijderd. Vernieuw de databasesleutel, zodat oude kopieën van het sleutelbestand niets meer openen.',
  'admin.keys.rekey': 'Databasesleutel vernieuwen',
  'admin.keys.help':
    'Versleutelt de database opnieuw met een nieuwe sleutel en toont een nieuwe herstelsleutel. Oude kopieën van het sleutelbestand en de oude herstelsleutel openen daarna niets nieuws meer.',
  'admin.keys.needNewPassword': 'Geef deze sleutelhouders een nieuw wachtwoord: {names}.',
  'recovery.rekeyed':
    'De database is opnieuw versleuteld. De oude herstelsleutel werkt niet meer voor nieuwe gegevens; bewaar deze nieuwe.',
  'error.INTERNAL':
    'Er ging iets mis. De gegevens zijn niet gewijzigd. Probeer het opnieuw of neem contact op met de beheerder.',

  'field.too_small': 'Te kort of te klein.',
  'field.too_small.password': 'Minstens 12 tekens.',
  'field.password_too_short': 'Minstens 12 tekens.',
  'field.too_big': 'Te lang of te groot.',
  'field.invalid_type': 'Vul dit veld in.',
  'field.invalid_format': 'Ongeldige invoer.',
  'field.invalid_format.username': 'Alleen letters, cijfers, punt, streepje en liggend streepje.',
  'field.invalid_value': 'Kies een geldige waarde.',
  'field.duplicate': 'Deze naam komt twee keer voor.',
  'field.gemeente_required': 'Er moet een gemeente bij zijn: die is voorzitter.',
  'field.taken': 'Deze naam is al in gebruik.',
  'field.host_role':
    'Voorzitter, notulist en casemanager horen bij de gemeente. Kies de gemeente, of sta het hieronder uitdrukkelijk toe.',
  'field.wrong_password': 'Het huidige wachtwoord klopt niet.',
  'field.self': 'U kunt uzelf niet uitschakelen.',
  'field.mismatch': 'De wachtwoorden zijn niet gelijk.',
  'field.required': 'Vul dit veld in.',
} as const;

export type MessageKey = keyof typeof nl;

/** Texts of backups and recovery (issue 10): the Beheer section and the login screen's recovery. */
export const backupNl = {
  'backup.title': 'Reservekopieën',
  'backup.intro':
    'Een versleutelde reservekopie van de database met het sleutelbestand, gemaakt wanneer een overleg wordt afgerond en wanneer u erom vraagt. Elke kopie wordt na het schrijven geopend en gecontroleerd.',
  'backup.folder': 'Map voor reservekopieën',
  'backup.folder.help':
    'Een volledig pad, bij voorkeur op een andere schijf of een netwerkmap, bijvoorbeeld /mnt/share/lvv of \\\\server\\lvv.',
  'backup.keep': 'Aantal reservekopieën dat bewaard blijft',
  'backup.configured': 'De instellingen voor reservekopieën zijn opgeslagen.',
  'backup.make': 'Nu een reservekopie maken',
  'backup.busy': 'Bezig…',
  'backup.made': 'De reservekopie is gemaakt en gecontroleerd.',
  'backup.lastFailed':
    'De laatste automatische reservekopie (na het afronden van een overleg) is mislukt. Maak er nu een en controleer de map.',
  'backup.list': 'Reservekopieën in de gekozen map, nieuwste eerst',
  'backup.col.date': 'Gemaakt',
  'backup.col.contents': 'Inhoud',
  'backup.col.action': 'Terugzetten',
  'backup.contents':
    'Laatste afgeronde overleg: {lastMeeting}; {dossiers} dossiers, {meetings} overleggen, {records} auditregels',
  'backup.noMeeting': 'geen',
  'backup.unreadable': 'Onleesbaar of geen reservekopie van LVV Overleg',
  'backup.otherEnvironment': 'Reservekopie van een andere omgeving',
  'backup.none': 'Er staan nog geen reservekopieën in deze map.',
  'backup.restore': 'Bekijken en terugzetten',
  'backup.checked': 'De reservekopie is geopend en gecontroleerd. Bevestig hieronder.',
  'backup.confirm.title': 'Deze reservekopie terugzetten?',
  'backup.confirm.made': 'Gemaakt op {at}.',
  'backup.confirm.warning':
    'Alles wat na dit moment is vastgelegd, staat niet in de reservekopie. De huidige bestanden worden hernoemd en blijven in de gegevensmap staan. De omgeving sluit voor iedereen; log daarna opnieuw in.',
  'backup.confirm.submit': 'Terugzetten',
  'backup.restored': 'De reservekopie is teruggezet. Log opnieuw in.',
  'recover.link': 'Wachtwoord of sleutelbestand kwijt',
  'recover.title': 'Wachtwoord of sleutelbestand kwijt',
  'recover.intro':
    'Met de herstelsleutel (bij het inrichten één keer getoond) krijgt een sleutelhouder een nieuw wachtwoord. Ontbreekt het sleutelbestand of is het beschadigd, dan wordt het opnieuw opgebouwd; het oude bestand blijft hernoemd bewaard.',
  'recover.key': 'Herstelsleutel',
  'recover.key.help': '64 tekens in groepen van vier, zoals bij het inrichten getoond.',
  'recover.password': 'Nieuw wachtwoord',
  'recover.repeat': 'Nieuw wachtwoord herhalen',
  'recover.submit': 'Toegang herstellen',
  'recover.done': 'Het nieuwe wachtwoord is ingesteld. Log ermee in.',
  'recover.doneRebuilt':
    'Het sleutelbestand is opnieuw opgebouwd en het nieuwe wachtwoord is ingesteld. Log ermee in.',
  'recover.others':
    'Deze sleutelhouders hebben nog geen sleutel in het nieuwe sleutelbestand: {names}. Zij herstellen hun toegang op dezelfde manier, of krijgen een nieuw wachtwoord van de beheerder.',
  'recover.toLogin': 'Naar inloggen',
  'field.not_key_holder.username': 'Deze gebruiker houdt geen sleutel van deze omgeving.',
  'field.recovery_key_format.recoveryKey': 'De herstelsleutel bestaat uit 64 tekens (0-9, A-F).',
  'restoreLatest.title': 'Laatste reservekopie terugzetten',
  'restoreLatest.intro':
    'De laatste reservekopie is van {at}. Wat daarna is vastgelegd, staat er niet in. De huidige bestanden blijven hernoemd in de gegevensmap staan. Vul de herstelsleutel in om haar terug te zetten.',
  'restoreLatest.none':
    'Er is geen reservekopie bekend voor deze omgeving. Zoek een reservekopie en zet die terug met npm run cli -- restore.',
  'restoreLatest.submit': 'Reservekopie terugzetten',
  'restoreLatest.done': 'De reservekopie van {at} is teruggezet. Log opnieuw in.',
};

export const backupEn: Record<keyof typeof backupNl, string> = {
  'backup.title': 'Backups',
  'backup.intro':
    'An encrypted backup of the database with the key file, made when a meeting is completed and when you ask for it. Each backup is opened and checked after it is written.',
  'backup.folder': 'Backup folder',
  'backup.folder.help':
    'A full path, preferably on another disk or a network share, for instance /mnt/share/lvv or \\\\server\\lvv.',
  'backup.keep': 'Number of backups kept',
  'backup.configured': 'The backup settings have been saved.',
  'backup.make': 'Make a backup now',
  'backup.busy': 'Working…',
  'backup.made': 'The backup was made and checked.',
  'backup.lastFailed':
    'The last automatic backup (after a meeting was completed) failed. Make one now and check the folder.',
  'backup.list': 'Backups in the chosen folder, newest first',
  'backup.col.date': 'Made',
  'backup.col.contents': 'Contents',
  'backup.col.action': 'Restore',
  'backup.contents':
    'Last completed meeting: {lastMeeting}; {dossiers} case files, {meetings} meetings, {records} audit records',
  'backup.noMeeting': 'none',
  'backup.unreadable': 'Unreadable or not an LVV Overleg backup',
  'backup.otherEnvironment': 'Backup of another environment',
  'backup.none': 'There are no backups in this folder yet.',
  'backup.restore': 'View and restore',
  'backup.checked': 'The backup was opened and checked. Confirm below.',
  'backup.confirm.title': 'Restore this backup?',
  'backup.confirm.made': 'Made on {at}.',
  'backup.confirm.warning':
    'Anything recorded after that moment is not in the backup. The current files are renamed and stay in the data folder. The environment closes for everyone; log in again afterwards.',
  'backup.confirm.submit': 'Restore',
  'backup.restored': 'The backup was restored. Please log in again.',
  'recover.link': 'Lost password or key file',
  'recover.title': 'Lost password or key file',
  'recover.intro':
    'With the recovery key (shown once at set-up) a key holder gets a new password. When the key file is missing or damaged it is rebuilt; the old file is kept under another name.',
  'recover.key': 'Recovery key',
  'recover.key.help': '64 characters in groups of four, as shown at set-up.',
  'recover.password': 'New password',
  'recover.repeat': 'Repeat the new password',
  'recover.submit': 'Restore access',
  'recover.done': 'The new password has been set. Log in with it.',
  'recover.doneRebuilt': 'The key file was rebuilt and the new password has been set. Log in with it.',
  'recover.others':
    'These key holders have no key in the new key file yet: {names}. They restore their access the same way, or get a new password from the administrator.',
  'recover.toLogin': 'To the login',
  'field.not_key_holder.username': 'This user holds no key of this environment.',
  'field.recovery_key_format.recoveryKey': 'The recovery key has 64 characters (0-9, A-F).',
  'restoreLatest.title': 'Restore the latest backup',
  'restoreLatest.intro':
    'The latest backup is from {at}. Anything recorded after that is not in it. The current files stay in the data folder under another name. Enter the recovery key to restore it.',
  'restoreLatest.none':
    'No backup is known for this environment. Find a backup and restore it with npm run cli -- restore.',
  'restoreLatest.submit': 'Restore backup',
  'restoreLatest.done': 'The backup from {at} was restored. Please log in again.',
};

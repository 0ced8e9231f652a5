/**
 * Texts of the meeting room (issue 9): the participant's page on the listener, and the chair's and
 * secretary's panel "Deelnemers laten aansluiten" with what the projector shows while it runs.
 */
export const roomNl = {
  // The participant's page
  'room.title': 'Overleg volgen',
  'room.login.title': 'Inloggen bij het overleg',
  'room.login.intro':
    'Log in met uw eigen account van LVV Overleg. U volgt dan het lopende overleg en legt het standpunt en de instemming van uw organisatie vast.',
  'room.login.who':
    'Alleen deelnemers van organisaties die aan het lopende overleg deelnemen kunnen inloggen. Een organisatie die zich heeft afgemeld, kan niet aansluiten.',
  'room.ended.title': 'U bent niet meer verbonden met het overleg',
  'room.end.removed': 'De voorzitter of de notulist heeft uw verbinding verbroken. U kunt opnieuw inloggen.',
  'room.end.absent': 'Uw organisatie is afgemeld voor dit overleg; uw verbinding is beëindigd.',
  'room.end.closed':
    'De aansluiting voor deelnemers is gestopt: het overleg is afgelopen, de computer van de voorzitter is vergrendeld of de voorzitter heeft de aansluiting beëindigd.',
  'room.end.expired': 'Uw sessie is verlopen. Log opnieuw in.',
  'room.end.logout': 'U bent afgemeld.',
  'room.end.ended': 'Uw verbinding met het overleg is beëindigd. U kunt opnieuw inloggen.',
  'room.loggedInAs': '{name}, {org}',
  'room.logout': 'Afmelden',
  'room.meeting': 'Dossieroverleg {city}, {date}',
  'room.noMeeting': 'Er loopt op dit moment geen overleg.',
  'room.connected': 'Verbonden: wijzigingen verschijnen vanzelf.',
  'room.reconnecting': 'Verbinding verbroken; opnieuw verbinden…',
  'room.now': 'Nu op de agenda: punt {n} van {total}',
  'room.noItem': 'De voorzitter heeft nog geen agendapunt gekozen.',
  'room.moved': 'De voorzitter is naar agendapunt {n} gegaan: {label}.',
  'room.notDossier': 'Bij dit agendapunt legt u niets vast.',
  'room.dossier': 'Wat u van dit dossier mag zien',
  'room.position': 'Standpunt van {org}',
  'room.position.notParticipating': '{org} staat bij dit agendapunt niet op de lijst van deelnemers.',
  'room.decision.changed':
    'De besluittekst is gewijzigd. De instemmingen die al waren gegeven zijn vervallen; geef uw instemming opnieuw.',
  'room.decision.changedNoConsents': 'De besluittekst is gewijzigd.',
  'room.decision.new': 'Er ligt een besluit voor: {number}.',
  'room.consent.arrived': '{org}: {consent}.',
  'room.actions': 'Acties van {org}',
  'room.actions.none': 'Uw organisatie heeft geen openstaande acties.',
  'room.actions.dossier': 'dossier {label}',

  // The chair's and secretary's panel
  'roomPanel.title': 'Deelnemers laten aansluiten',
  'roomPanel.intro':
    'Deelnemers volgen het overleg op hun eigen laptop, via het netwerk van de vergaderzaal, en leggen daar het standpunt en de instemming van hun organisatie vast. Alleen organisaties die aan dit overleg deelnemen kunnen inloggen; er gaat niets naar internet.',
  'roomPanel.interface': 'Netwerk van de vergaderzaal',
  'roomPanel.interface.option': '{name}: {address}',
  'roomPanel.interface.internal': '{name}: {address} (alleen deze computer)',
  'roomPanel.interface.none': 'Deze computer heeft geen netwerk waarop deelnemers kunnen aansluiten.',
  'roomPanel.start': 'Aansluiten starten',
  'roomPanel.stop': 'Aansluiten stoppen',
  'roomPanel.started': 'Deelnemers kunnen nu aansluiten.',
  'roomPanel.stopped': 'De aansluiting is gestopt; alle deelnemers zijn afgemeld.',
  'roomPanel.address': 'Adres voor de deelnemers',
  'roomPanel.qr': 'QR-code met het adres {url}',
  'roomPanel.fingerprint': 'Vingerafdruk van het certificaat (SHA-256)',
  'roomPanel.fingerprint.help':
    'Heeft uw organisatie ca.pem niet geïnstalleerd, dan vraagt de browser of u het certificaat vertrouwt. Vergelijk dan deze vingerafdruk, rij voor rij, met wat de browser bij het certificaat toont.',
  'roomPanel.validUntil': 'Het certificaat geldt tot {when}.',
  'roomPanel.ca': 'Certificaat van de vergaderzaal opslaan (ca.pem)',
  'roomPanel.ca.help':
    'Eén keer per organisatie installeren als vertrouwde certificaatautoriteit; daarna vertrouwt de browser de aansluiting zonder vraag, bij elk overleg.',
  'roomPanel.connections': 'Aangesloten ({n})',
  'roomPanel.connections.none': 'Nog niemand aangesloten.',
  'roomPanel.since': 'sinds {time}',
  'roomPanel.disconnect': 'Verbinding verbreken',
  'roomPanel.disconnect.label': 'Verbinding verbreken met {person} ({org})',
  'roomPanel.disconnected': 'De verbinding met {person} ({org}) is verbroken.',
  'roomPanel.joined': '{person} ({org}) is aangesloten.',
  'roomPanel.otherMeeting': 'Deelnemers zijn aangesloten op een ander overleg.',

  // The projector while the listener runs
  'projector.room.title': 'Volg het overleg op uw eigen laptop',
  'projector.room.address': 'Ga naar',
  'projector.room.fingerprint': 'Vingerafdruk van het certificaat',
} as const;

export const roomEn: Record<keyof typeof roomNl, string> = {
  'room.title': 'Follow the meeting',
  'room.login.title': 'Log in to the meeting',
  'room.login.intro':
    "Log in with your own LVV Overleg account. You then follow the running meeting and record your organisation's position and consent.",
  'room.login.who':
    'Only participants of organisations taking part in the running meeting can log in. An organisation that sent its apologies cannot join.',
  'room.ended.title': 'You are no longer connected to the meeting',
  'room.end.removed': 'The chair or the secretary ended your connection. You can log in again.',
  'room.end.absent': 'Your organisation was marked absent for this meeting; your connection has ended.',
  'room.end.closed':
    "Participants can no longer connect: the meeting ended, the chair's computer was locked or the chair stopped it.",
  'room.end.expired': 'Your session expired. Log in again.',
  'room.end.logout': 'You have logged out.',
  'room.end.ended': 'Your connection to the meeting ended. You can log in again.',
  'room.loggedInAs': '{name}, {org}',
  'room.logout': 'Log out',
  'room.meeting': 'Case meeting {city}, {date}',
  'room.noMeeting': 'No meeting is running at the moment.',
  'room.connected': 'Connected: changes appear by themselves.',
  'room.reconnecting': 'Connection lost; reconnecting…',
  'room.now': 'Now on the agenda: item {n} of {total}',
  'room.noItem': 'The chair has not chosen an agenda item yet.',
  'room.moved': 'The chair moved to agenda item {n}: {label}.',
  'room.notDossier': 'There is nothing for you to record at this item.',
  'room.dossier': 'What you may see of this case file',
  'room.position': 'Position of {org}',
  'room.position.notParticipating': '{org} is not listed as a participant at this item.',
  'room.decision.changed':
    'The decision text changed. The consents already given have lapsed; please give your consent again.',
  'room.decision.changedNoConsents': 'The decision text changed.',
  'room.decision.new': 'A decision is on the table: {number}.',
  'room.consent.arrived': '{org}: {consent}.',
  'room.actions': 'Actions of {org}',
  'room.actions.none': 'Your organisation has no open actions.',
  'room.actions.dossier': 'case file {label}',

  'roomPanel.title': 'Let participants connect',
  'roomPanel.intro':
    "Participants follow the meeting on their own laptops, over the meeting room's network, and record their organisation's position and consent there. Only organisations taking part in this meeting can log in; nothing goes to the internet.",
  'roomPanel.interface': "The meeting room's network",
  'roomPanel.interface.option': '{name}: {address}',
  'roomPanel.interface.internal': '{name}: {address} (this computer only)',
  'roomPanel.interface.none': 'This computer has no network participants can connect to.',
  'roomPanel.start': 'Start letting participants connect',
  'roomPanel.stop': 'Stop letting participants connect',
  'roomPanel.started': 'Participants can connect now.',
  'roomPanel.stopped': 'Participants can no longer connect; all of them were logged out.',
  'roomPanel.address': 'Address for the participants',
  'roomPanel.qr': 'QR code with the address {url}',
  'roomPanel.fingerprint': "The certificate's fingerprint (SHA-256)",
  'roomPanel.fingerprint.help':
    'If your organisation has not installed ca.pem, the browser asks whether you trust the certificate. Then compare this fingerprint, row by row, with what the browser shows for the certificate.',
  'roomPanel.validUntil': 'The certificate is valid until {when}.',
  'roomPanel.ca': "Save the meeting room's certificate (ca.pem)",
  'roomPanel.ca.help':
    'Install it once per organisation as a trusted certificate authority; from then on the browser trusts the connection without asking, at every meeting.',
  'roomPanel.connections': 'Connected ({n})',
  'roomPanel.connections.none': 'Nobody connected yet.',
  'roomPanel.since': 'since {time}',
  'roomPanel.disconnect': 'End connection',
  'roomPanel.disconnect.label': 'End the connection of {person} ({org})',
  'roomPanel.disconnected': 'The connection of {person} ({org}) was ended.',
  'roomPanel.joined': '{person} ({org}) connected.',
  'roomPanel.otherMeeting': 'Participants are connected to another meeting.',

  'projector.room.title': 'Follow the meeting on your own laptop',
  'projector.room.address': 'Go to',
  'projector.room.fingerprint': "The certificate's fingerprint",
};

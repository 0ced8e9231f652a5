/** Texts of the chair's screen at the beamer (issue 11, item 6): shortcuts, confirmations, the consent matrix. */
export const beamerNl = {
  'beamer.keys.setting': 'Sneltoetsen met één letter (N, P, B) gebruiken',
  'beamer.keys.help':
    'Ze werken alleen als de focus op de knoppen van de vergadering staat (agenda, vorige/volgende, projector), nooit in een invulveld of ander paneel.',
  'beamer.confirm.escalate':
    'Weet u zeker dat u dit besluit wilt voorleggen aan {body}? Dit sluit het besluit af.',
  'beamer.confirm.reopen': 'Weet u zeker dat u dit besluit wilt heropenen?',
  'beamer.confirm.adopt': 'Weet u zeker dat u dit verslag wilt vaststellen? De inhoud ligt daarna vast.',
  'beamer.confirm.yes': 'Ja, doorgaan',
  'beamer.matrix.title': 'Instemming per partij',
  'beamer.matrix.caption': 'Instemming per deelnemende partij',
  'beamer.matrix.org': 'Partij',
  'beamer.matrix.now': 'Huidige instemming',
  'beamer.matrix.change': 'Wijzigen',
  'beamer.matrix.all': 'Iedereen akkoord',
  'beamer.matrix.allHelp':
    'Legt “akkoord” vast voor elke partij die nog niet heeft ingestemd; daarna kunt u uitzonderingen per partij vastleggen.',
  'beamer.matrix.allDone': '“Akkoord” vastgelegd voor {n} partijen.',
  'beamer.matrix.allDone.one': '“Akkoord” vastgelegd voor 1 partij.',
  'beamer.matrix.nothing': 'Alle partijen hebben al ingestemd.',
  'beamer.date.invalid': 'Vul een datum in als 7-12-2026 of 2026-12-07.',
  'beamer.date.placeholder': 'DD-MM-JJJJ',
  'beamer.date.pick': '{label}: kiezen uit kalender',
} as const;

export const beamerEn: Record<keyof typeof beamerNl, string> = {
  'beamer.keys.setting': 'Use single-letter shortcuts (N, P, B)',
  'beamer.keys.help':
    'They work only while focus is on the meeting’s own controls (agenda, previous/next, projector), never in a text field or another panel.',
  'beamer.confirm.escalate':
    'Are you sure you want to put this decision to {body}? This settles the decision.',
  'beamer.confirm.reopen': 'Are you sure you want to reopen this decision?',
  'beamer.confirm.adopt': 'Are you sure you want to adopt these minutes? Their content is then fixed.',
  'beamer.confirm.yes': 'Yes, continue',
  'beamer.matrix.title': 'Consent per party',
  'beamer.matrix.caption': 'Consent of each participating party',
  'beamer.matrix.org': 'Party',
  'beamer.matrix.now': 'Current consent',
  'beamer.matrix.change': 'Change',
  'beamer.matrix.all': 'Everyone agrees',
  'beamer.matrix.allHelp':
    'Records “agree” for every party that has not consented yet; then record the exceptions per party.',
  'beamer.matrix.allDone': '“Agree” recorded for {n} parties.',
  'beamer.matrix.allDone.one': '“Agree” recorded for 1 party.',
  'beamer.matrix.nothing': 'Every party has consented already.',
  'beamer.date.invalid': 'Enter a date as 7-12-2026 or 2026-12-07.',
  'beamer.date.placeholder': 'DD-MM-YYYY',
  'beamer.date.pick': '{label}: choose from calendar',
};

/** Texts of the "Over LVV Overleg" dialog (issue 13). */
export const aboutNl = {
  'about.open': 'Over LVV Overleg',
  'about.title': 'Over LVV Overleg',
  'about.intro':
    'LVV Overleg ondersteunt het dossieroverleg van de Landelijke Vreemdelingenvoorziening. Het programma is open-sourcesoftware.',
  'about.version': 'Versie',
  'about.license': 'Licentie',
  'about.license.value':
    '{id} (Europese openbare licentie); de volledige tekst staat in license.txt bij het programma',
  'about.electron': 'Gebouwd op Electron',
  'about.thirdParty': 'Open-sourcecomponenten',
  'about.thirdParty.intro':
    'Het programma bevat {n} open-sourcepakketten van anderen. Open een pakket voor de tekst van zijn licentie.',
  'about.ownTerms': 'eigen licentievoorwaarden (zie de tekst)',
  'about.noLicence': 'geen licentie vermeld door het pakket',
  'about.noText': 'Dit pakket levert geen licentietekst mee; de licentie {id} is van toepassing.',
  'about.unavailable':
    'De lijst met licenties is hier niet beschikbaar. Die wordt gemaakt wanneer het programma wordt gebouwd.',
};

export const aboutEn: Record<keyof typeof aboutNl, string> = {
  'about.open': 'About LVV Overleg',
  'about.title': 'About LVV Overleg',
  'about.intro':
    'LVV Overleg supports the case meeting of the Landelijke Vreemdelingenvoorziening (national facility for migrants without a right of residence). It is open-source software.',
  'about.version': 'Version',
  'about.license': 'Licence',
  'about.license.value':
    '{id} (European Union Public Licence); the full text is in license.txt with the program',
  'about.electron': 'Built on Electron',
  'about.thirdParty': 'Open-source components',
  'about.thirdParty.intro':
    'The program contains {n} open-source packages by others. Open a package to read its licence.',
  'about.noLicence': 'no licence stated by the package',
  'about.ownTerms': 'own licence terms (see the text)',
  'about.noText': 'This package ships no licence text; the {id} licence applies.',
  'about.unavailable': 'The list of licences is not available here. It is made when the program is built.',
};

/** Texts of the house style (issue 14): the theme choice at set-up and on the Admin screen. */
export const themeNl = {
  'theme.title': 'Huisstijl',
  'theme.intro':
    'Kies de huisstijl van de gemeente. De keuze geldt voor iedereen, vanaf de volgende keer dat het programma wordt geopend. Het scherm voor de beamer houdt zijn eigen donkere weergave met veel contrast.',
  'theme.choice': 'Huisstijl van de gemeente',
  'setup.theme.help':
    'De huisstijl van de gemeente; de beheerder kan hem later wijzigen en een eigen tokenbestand laden.',
  'theme.standaard': 'Neutraal (standaard)',
  'theme.utrecht': 'Gemeente Utrecht',
  'theme.denhaag': 'Gemeente Den Haag',
  'theme.rijkshuisstijl': 'Rijkshuisstijl',
  'theme.eigen': 'Eigen tokenbestand: {name}',
  'theme.save': 'Huisstijl opslaan',
  'theme.saved': 'De huisstijl is opgeslagen.',
  'theme.file': 'Eigen tokenbestand van de gemeente (JSON)',
  'theme.file.help':
    'Het JSON-bestand met design tokens zoals de NL Design System-pakketten het publiceren, bijvoorbeeld tokens.json of variables.json.',
  'theme.file.submit': 'Tokenbestand laden',
  'theme.file.none': 'Kies eerst een tokenbestand.',
  'theme.file.refused': 'Dit tokenbestand is niet gebruikt; de huisstijl blijft zoals hij was.',
  'field.theme_not_json.file': 'Dit bestand is geen JSON-bestand met design tokens.',
  'theme.issue.theme_missing': 'De waarde {token} ontbreekt.',
  'theme.issue.theme_malformed':
    'De waarde {token} is geen geldige waarde (bijvoorbeeld geen kleur of lettertype).',
  'theme.issue.theme_contrast':
    'De waarde {token} geeft te weinig contrast met de achtergrond (minder dan 4,5:1), zodat tekst slecht leesbaar wordt.',
};

export const themeEn: Record<keyof typeof themeNl, string> = {
  'theme.title': 'House style',
  'theme.intro':
    "Choose the municipality's house style. The choice applies to everyone from the next time the program is opened. The projector screen keeps its own dark high-contrast look.",
  'theme.choice': 'Municipality house style',
  'setup.theme.help':
    "The municipality's house style; the administrator can change it later and load an own token file.",
  'theme.standaard': 'Neutral (default)',
  'theme.utrecht': 'Municipality of Utrecht',
  'theme.denhaag': 'Municipality of The Hague',
  'theme.rijkshuisstijl': 'Dutch central government (Rijkshuisstijl)',
  'theme.eigen': 'Own token file: {name}',
  'theme.save': 'Save house style',
  'theme.saved': 'The house style has been saved.',
  'theme.file': "The municipality's own token file (JSON)",
  'theme.file.help':
    'The JSON file of design tokens as the NL Design System packages publish it, for example tokens.json or variables.json.',
  'theme.file.submit': 'Load token file',
  'theme.file.none': 'Choose a token file first.',
  'theme.file.refused': 'This token file was not used; the house style stays as it was.',
  'field.theme_not_json.file': 'This file is not a JSON file of design tokens.',
  'theme.issue.theme_missing': 'The value {token} is missing.',
  'theme.issue.theme_malformed': 'The value {token} is not a valid value (for example not a colour or font).',
  'theme.issue.theme_contrast':
    'The value {token} gives too little contrast with the background (less than 4.5:1), so text would be hard to read.',
};

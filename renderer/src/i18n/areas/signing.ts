/**
 * Texts of a signature only its signer can make (issue 8, item 3): the account password that wraps an
 * imported key, and what verification tells about the certificate that signed.
 */
export const signingNl = {
  'certificate.password': 'Wachtwoord van uw account',
  'certificate.password.help':
    'Uw sleutel wordt opgeslagen achter uw eigen wachtwoord, zodat alleen u ermee kunt ondertekenen.',
  'certificate.serial': 'Serienummer: {serial}',
  'certificate.sha256': 'Vingerafdruk (SHA-256): {sha}',
  'field.wrong_password.password': 'Dit is niet het wachtwoord van uw account.',
  'field.already_used.p12':
    'Dit certificaat is in deze omgeving al gebruikt en daarna ingetrokken; het kan niet opnieuw worden geïmporteerd. Vraag een nieuw certificaat aan.',
  'verify.col.certificate': 'Certificaat',
  'verify.cert.serial': 'Serienummer {serial}',
  'verify.cert.sha256': 'Vingerafdruk (SHA-256)',
  'verify.cert.notRevoked': 'Niet ingetrokken.',
  'verify.cert.revoked': 'Ingetrokken sinds {date}: {reason}.',
  'verify.cert.unregistered':
    'Let op: deze omgeving heeft dit certificaat aan niemand uitgegeven en van niemand geaccepteerd.',
  'verify.cert.unchecked': 'Intrekking niet gecontroleerd (gecontroleerd tegen een gekozen ca.pem).',
  'revoked.password_reset': 'de beheerder heeft het wachtwoord van deze persoon opnieuw ingesteld',
  'revoked.superseded': 'vervangen door een nieuw certificaat',
  'revoked.unprotected_key': 'de sleutel stond onbeschermd in de database van een eerdere versie van de app',
  'revoked.key_unreadable': 'de sleutel kon niet meer worden geopend en is vervangen',
};

export const signingEn: Record<keyof typeof signingNl, string> = {
  'certificate.password': 'Your account password',
  'certificate.password.help':
    'Your key is stored behind your own password, so that only you can sign with it.',
  'certificate.serial': 'Serial number: {serial}',
  'certificate.sha256': 'Fingerprint (SHA-256): {sha}',
  'field.wrong_password.password': 'This is not your account password.',
  'field.already_used.p12':
    'This certificate was used in this environment before and then revoked; it cannot be imported again. Request a new certificate.',
  'verify.col.certificate': 'Certificate',
  'verify.cert.serial': 'Serial number {serial}',
  'verify.cert.sha256': 'Fingerprint (SHA-256)',
  'verify.cert.notRevoked': 'Not revoked.',
  'verify.cert.revoked': 'Revoked since {date}: {reason}.',
  'verify.cert.unregistered':
    'Note: this environment neither issued this certificate to anyone nor accepted it from anyone.',
  'verify.cert.unchecked': 'Revocation not checked (checked against a chosen ca.pem).',
  'revoked.password_reset': 'the beheerder reset this person’s password',
  'revoked.superseded': 'replaced by a new certificate',
  'revoked.unprotected_key':
    'the key was stored unprotected in the database of an earlier version of the app',
  'revoked.key_unreadable': 'the key could no longer be opened and was replaced',
};

/**
 * Texts of what the environment trusts for signatures (issue 8, item 4): the beheerder's list of
 * trusted roots, and the refusals of a PKCS#12 import or a signature that this trust decides.
 */
export const trustNl = {
  'trust.title': 'Vertrouwde basiscertificaten',
  'requests.title': 'Aanvragen voor ondertekeningscertificaten',
  'requests.intro':
    'De voorzitter en de notulist krijgen hun ondertekeningscertificaat pas als u het goedkeurt. Controleer dat de aanvraag echt van die persoon komt (vraag het na als u twijfelt). Uw eigen wachtwoord ontgrendelt de sleutel van de certificaatautoriteit alleen voor deze ene uitgifte.',
  'requests.none': 'Er wachten geen aanvragen.',
  'requests.caption': 'Aanvragen die op goedkeuring wachten',
  'requests.col.name': 'Naam',
  'requests.col.organisation': 'Organisatie',
  'requests.col.requestedAt': 'Aangevraagd',
  'requests.password': 'Uw eigen wachtwoord',
  'requests.approve': 'Certificaat uitgeven aan {name}',
  'requests.approved': 'Het certificaat is uitgegeven aan {name}.',
  'trust.intro':
    'Handtekeningen onder verslagen worden alleen als geldig erkend als het certificaat van de ondertekenaar is uitgegeven door de eigen certificaatautoriteit van deze omgeving of door een certificaat in deze lijst. Ontvangers krijgen precies deze lijst als ca.pem. Voeg alleen certificaten toe waarvan u de vingerafdruk hebt vergeleken met die van de uitgever, bijvoorbeeld PKIoverheid.',
  'trust.caption': 'Certificaten waartegen handtekeningen worden gecontroleerd',
  'trust.col.subject': 'Certificaat',
  'trust.col.kind': 'Soort',
  'trust.col.until': 'Geldig tot',
  'trust.col.fingerprint': 'Vingerafdruk (SHA-256)',
  'trust.col.actions': 'Acties',
  'trust.kind.environment': 'Eigen certificaatautoriteit van deze omgeving',
  'trust.kind.root': 'Basiscertificaat',
  'trust.kind.intermediate': 'Tussencertificaat (het basiscertificaat erboven is ook nodig)',
  'trust.alwaysTrusted': 'Altijd vertrouwd',
  'trust.remove': '{subject} niet meer vertrouwen',
  'trust.remove.confirm':
    'Handtekeningen onder dit certificaat worden daarna niet meer als geldig erkend, en wie ermee ondertekent kan dat niet meer.',
  'trust.remove.yes': 'Ja, {subject} verwijderen',
  'trust.removed': 'Het certificaat is uit de lijst verwijderd.',
  'trust.add.title': 'Basiscertificaat toevoegen',
  'trust.add.help':
    'Kies een certificaatbestand (.pem, .crt of .cer) of plak de PEM-tekst (-----BEGIN CERTIFICATE----- …). Eén certificaat per keer.',
  'trust.add.file': 'Certificaatbestand',
  'trust.add.pasted': 'Of plak de PEM-tekst',
  'trust.add.submit': 'Certificaat vertrouwen',
  'trust.added': 'Het certificaat is toegevoegd aan de vertrouwde certificaten.',
  'trust.needCertificate': 'Kies een certificaatbestand of plak de PEM-tekst.',
  'field.not_a_certificate.pem': 'Dit is geen leesbaar certificaat (PEM of DER).',
  'field.not_one_certificate.pem': 'Dit bevat meer dan één certificaat; voeg ze één voor één toe.',
  'field.not_a_ca.pem':
    'Dit certificaat is geen certificaatautoriteit (CA): het mag geen andere certificaten uitgeven en kan dus geen basiscertificaat zijn.',
  'field.weak_key.pem':
    'De sleutel van dit certificaat is te zwak: RSA-sleutels moeten minstens 2048 bits zijn.',
  'field.unsupported_key.pem': 'Het sleuteltype van dit certificaat wordt niet ondersteund.',
  'field.already_trusted.pem': 'Dit certificaat wordt al vertrouwd.',
  'field.untrusted_chain.p12':
    'Dit certificaat is niet uitgegeven door een certificaatautoriteit die deze omgeving vertrouwt. Vraag de beheerder het basiscertificaat toe te voegen.',
  'field.weak_key.p12': 'De sleutel in dit bestand is te zwak: RSA-sleutels moeten minstens 2048 bits zijn.',
};

export const trustEn: Record<keyof typeof trustNl, string> = {
  'trust.title': 'Trusted root certificates',
  'requests.title': 'Signing certificate requests',
  'requests.intro':
    'The chair and the secretary get their signing certificate only once you approve it. Check that the request really comes from that person (ask if in doubt). Your own password unlocks the certificate authority’s key for this one issuance only.',
  'requests.none': 'No requests are waiting.',
  'requests.caption': 'Requests awaiting approval',
  'requests.col.name': 'Name',
  'requests.col.organisation': 'Organisation',
  'requests.col.requestedAt': 'Requested',
  'requests.password': 'Your own password',
  'requests.approve': 'Issue certificate to {name}',
  'requests.approved': 'The certificate was issued to {name}.',
  'trust.intro':
    'Signatures on minutes are recognised as valid only when the signer’s certificate was issued by this environment’s own certificate authority or by a certificate in this list. Recipients get exactly this list as ca.pem. Only add certificates whose fingerprint you compared with the publisher’s, for example PKIoverheid.',
  'trust.caption': 'Certificates signatures are checked against',
  'trust.col.subject': 'Certificate',
  'trust.col.kind': 'Kind',
  'trust.col.until': 'Valid until',
  'trust.col.fingerprint': 'Fingerprint (SHA-256)',
  'trust.col.actions': 'Actions',
  'trust.kind.environment': 'This environment’s own certificate authority',
  'trust.kind.root': 'Root certificate',
  'trust.kind.intermediate': 'Intermediate certificate (the root above it is needed too)',
  'trust.alwaysTrusted': 'Always trusted',
  'trust.remove': 'Stop trusting {subject}',
  'trust.remove.confirm':
    'Signatures under this certificate will no longer be recognised as valid, and those who sign with it can no longer sign.',
  'trust.remove.yes': 'Yes, remove {subject}',
  'trust.removed': 'The certificate was removed from the list.',
  'trust.add.title': 'Add a root certificate',
  'trust.add.help':
    'Choose a certificate file (.pem, .crt or .cer) or paste the PEM text (-----BEGIN CERTIFICATE----- …). One certificate at a time.',
  'trust.add.file': 'Certificate file',
  'trust.add.pasted': 'Or paste the PEM text',
  'trust.add.submit': 'Trust certificate',
  'trust.added': 'The certificate was added to the trusted certificates.',
  'trust.needCertificate': 'Choose a certificate file or paste the PEM text.',
  'field.not_a_certificate.pem': 'This is not a readable certificate (PEM or DER).',
  'field.not_one_certificate.pem': 'This holds more than one certificate; add them one by one.',
  'field.not_a_ca.pem':
    'This certificate is not a certificate authority (CA): it may not issue other certificates, so it cannot be a root.',
  'field.weak_key.pem': 'This certificate’s key is too weak: RSA keys must be at least 2048 bits.',
  'field.unsupported_key.pem': 'This certificate’s key type is not supported.',
  'field.already_trusted.pem': 'This certificate is already trusted.',
  'field.untrusted_chain.p12':
    'This certificate was not issued by a certificate authority this environment trusts. Ask the administrator to add the root certificate.',
  'field.weak_key.p12': 'The key in this file is too weak: RSA keys must be at least 2048 bits.',
};

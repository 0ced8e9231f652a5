import type { RefusalCode, ReasonOf } from '../../../../shared/errors';

/** The key of a refusal reason's sentence: `error.<CODE>.<reason>`. */
export type RefusalKey = { [C in RefusalCode]: `error.${C}.${ReasonOf<C>}` }[RefusalCode];

/**
 * Why a call was refused, per reason of shared/errors.ts, worded with the rest of the error's info.
 * `satisfies` makes the compiler name any reason without a sentence. A counted reason (info.count)
 * may add a `.one` form for a count of exactly 1.
 */
export const errorsNl = {
  'error.CONFLICT.action_closed': 'Dit actiepunt is al afgehandeld.',
  'error.CONFLICT.already_decided': 'Over deze correctie is al besloten.',
  'error.CONFLICT.already_out': 'Dit dossier is al uitgestroomd.',
  'error.CONFLICT.already_signed_by_you':
    'U hebt deze versie al ondertekend; de tweede handtekening komt van een andere persoon.',
  'error.CONFLICT.required_parties_missing':
    'Het besluit kan nog niet gedragen zijn: de instemming van {parties} ontbreekt. Het kan voorlopig gedragen worden, tot {parties} het bevestigt.',
  'error.CONFLICT.nothing_to_confirm': 'Dit besluit wacht niet op een bevestiging.',
  'error.CONFLICT.attendance_after_consent':
    'Bij besluit {number} is al instemming gegeven. Een partij kan pas als vertrokken worden genoteerd nadat dat besluit is afgerond (of de tekst is gewijzigd, waarmee de instemming vervalt).',
  'error.CONFLICT.changed_meanwhile':
    'Het verslag is intussen gewijzigd. Bekijk de actuele versie en probeer het opnieuw.',
  'error.CONFLICT.current_item': 'Dit punt wordt nu besproken en kan niet van de agenda.',
  'error.CONFLICT.decision_exists':
    'Er is intussen al een besluit ({number}) voor dit agendapunt. Het staat hieronder.',
  'error.CONFLICT.decision_locked':
    'Besluit {number} is vergrendeld omdat het overleg is afgerond. Heropen het eerst, met een reden.',
  'error.CONFLICT.decision_open': 'Dit besluit is nog niet afgerond.',
  'error.CONFLICT.decision_settled': 'Besluit {number} is al afgerond. Heropen het om het te wijzigen.',
  'error.CONFLICT.empty_agenda': 'De agenda is leeg. Zet eerst punten op de agenda.',
  'error.CONFLICT.escalation_returned': 'Deze escalatie is al teruggekomen.',
  'error.CONFLICT.finished': 'Dat kan niet meer: het overleg is afgerond.',
  'error.CONFLICT.item_has_work':
    'Bij dit punt zijn al standpunten of besluiten vastgelegd; het kan niet van de agenda.',
  'error.CONFLICT.meeting_closed': 'Dit overleg is afgerond; er kan niets meer aan worden toegevoegd.',
  'error.CONFLICT.minutes_state': 'Dat kan niet in deze fase van het verslag ({state}).',
  'error.CONFLICT.meeting_not_finished':
    'Dit overleg is (nog) niet afgerond. Alleen het verslag van een overleg dat heeft plaatsgevonden kan worden vastgesteld.',
  'error.CONFLICT.signers_not_recorded':
    'Bij dit overleg zijn geen voorzitter en secretaris vastgelegd. Zij ondertekenen het verslag; leg ze eerst vast.',
  'error.CONFLICT.docx_invalid':
    'Het verslag kan niet worden vastgesteld: het document zou onleesbaar worden (er staat een ongeldig teken in een tekst). Neem contact op met de beheerder.',
  'error.CONFLICT.not_carried':
    'Het besluit is niet gedragen: niet iedereen heeft gereageerd, of er is bezwaar.',
  'error.CONFLICT.not_correction_round': 'Correcties kunnen alleen tijdens de correctieronde.',
  'error.CONFLICT.not_current': 'Alleen bij het punt dat nu wordt besproken kan de naam worden getoond.',
  'error.CONFLICT.not_out': 'Dit dossier is niet uitgestroomd.',
  'error.CONFLICT.not_running': 'Het overleg is niet bezig.',
  'error.CONFLICT.open_corrections': 'Er wachten nog {count} correcties op een besluit.',
  'error.CONFLICT.open_corrections.one': 'Er wacht nog 1 correctie op een besluit.',
  'error.CONFLICT.other_running': 'Er loopt al een ander overleg. Rond dat eerst af.',
  'error.CONFLICT.role_signed': 'De {role} heeft deze versie al ondertekend.',
  'error.CONFLICT.stale_action':
    'Dit actiepunt is intussen gewijzigd. Bekijk de actuele stand en probeer het opnieuw.',
  'error.CONFLICT.stale_decision':
    'De besluittekst is intussen gewijzigd. De nieuwe tekst staat hieronder; geef de instemming opnieuw.',
  'error.CONFLICT.stale_dossier':
    'Het dossier is intussen gewijzigd. De actuele stand staat hieronder; probeer het opnieuw.',
  'error.CONFLICT.stale_meeting':
    'Iemand anders heeft dit overleg intussen gewijzigd. Bekijk de actuele stand en probeer het opnieuw.',
  'error.CONFLICT.stale_position':
    '{organisation} heeft intussen een nieuwere versie vastgelegd (versie {version}, door {recordedBy}). Uw tekst staat nog in het formulier: vergelijk met de nieuwe versie en sla opnieuw op als u die wilt vervangen.',
  'error.CONFLICT.started': 'Dat kan niet meer: het overleg is al begonnen.',
  'error.FORBIDDEN.not_signer':
    'Alleen de voorzitter en de secretaris van dit overleg ondertekenen het verslag.',
  'error.FORBIDDEN.other_organisation': 'U mag alleen voor uw eigen organisatie vastleggen.',
  'error.FORBIDDEN.own_actions_only': 'U ziet alleen de actiepunten van uw eigen organisatie.',
  'error.FORBIDDEN.own_extract_only': 'U kunt alleen het uittreksel van uw eigen organisatie exporteren.',
  'error.FORBIDDEN.own_records_only':
    'U kunt alleen de standpunten en actiepunten van uw eigen organisatie corrigeren.',
  'error.WRONG_CREDENTIALS.wrong_password': 'Het wachtwoord klopt niet; er is niet ondertekend.',
  'error.CONFLICT.last_key_holder':
    'Dit is de laatste sleutelhouder. Geef eerst iemand anders de sleutel; anders kan niemand de omgeving nog openen.',
  'error.CONFLICT.own_key': 'U kunt uw eigen sleutel niet intrekken. Laat een andere beheerder dat doen.',
  'error.CONFLICT.certificate_not_trusted':
    'Uw ondertekeningscertificaat wordt in deze omgeving niet (meer) vertrouwd. Vraag de beheerder het basiscertificaat toe te voegen, of importeer een ander certificaat.',
  'error.CONFLICT.certificate_pending':
    'Uw ondertekeningscertificaat wacht op goedkeuring door de beheerder. Er is nog niet ondertekend; probeer het opnieuw zodra de beheerder het heeft goedgekeurd.',
  'error.CONFLICT.ca_not_keeper':
    'De sleutel van de certificaatautoriteit is in beheer bij een andere beheerder; die keurt het verzoek goed.',
  'error.CONFLICT.ca_key_unavailable':
    'De sleutel van de certificaatautoriteit is niet beschikbaar (het wachtwoord van de beheerder is opnieuw ingesteld). Er kan geen certificaat worden uitgegeven.',
  'error.CONFLICT.request_gone': 'Dit verzoek is ingetrokken of vervangen; ververs de lijst.',
  'error.CONFLICT.room_closed':
    'De vergaderzaal is gesloten: het overleg is afgelopen, de omgeving is vergrendeld of de voorzitter heeft de aansluiting gestopt.',
  'error.CONFLICT.room_unavailable': 'Deelnemers kunnen vanaf deze installatie niet aansluiten.',
  'error.CONFLICT.room_address':
    'Op dit netwerkadres kan niet worden geluisterd: het hoort niet bij deze computer of is al in gebruik. Kies een ander netwerk.',
  'error.CONFLICT.room_other_meeting':
    'Deelnemers zijn al aangesloten op een ander overleg. Stop die aansluiting eerst.',
  'error.FORBIDDEN.room_method':
    'Dit kan niet vanaf een deelnemerspagina; het gebeurt op de computer van de voorzitter.',
  'error.FORBIDDEN.room_not_participating': 'Uw organisatie neemt niet deel aan het lopende overleg.',
  'error.FORBIDDEN.room_absent':
    'Uw organisatie is voor dit overleg afgemeld (afwezig met bericht) en kan daarom niet aansluiten.',
  'error.WRONG_CREDENTIALS.locked':
    'Gebruikersnaam of wachtwoord onjuist. Let op: zolang de omgeving vergrendeld is, kan alleen een sleutelhouder (standaard de voorzitter, notulist of beheerder van de gemeente) haar openen; deelnemers loggen daarna in.',
  'error.STORAGE_FAULT.disk_full':
    'De schijf met de gegevensmap is vol. Er is niets gewijzigd; maak ruimte vrij en probeer het opnieuw.',
  'error.STORAGE_FAULT.read_only':
    'In de gegevensmap kan niet worden geschreven (alleen-lezen of geen toestemming). Er is niets gewijzigd; vraag uw systeembeheer om schrijfrechten.',
  'error.STORAGE_FAULT.database_missing':
    'Het databasebestand ontbreekt, terwijl het sleutelbestand er nog is. Dit is geen nieuwe omgeving: zet de laatste reservekopie terug of zoek het bestand.',
  'error.STORAGE_FAULT.database_damaged':
    'De database is beschadigd. Er is niets gewijzigd. Zet de laatste reservekopie terug met de herstelsleutel.',
  'error.STORAGE_FAULT.database_empty':
    'Het databasebestand is leeg (0 bytes), bijvoorbeeld na een mislukte kopie of een volle schijf. Er is niets gewijzigd; zet de laatste reservekopie terug.',
  'error.STORAGE_FAULT.key_file_missing':
    'Het sleutelbestand ontbreekt of is onleesbaar. Herstel de toegang met de herstelsleutel (Wachtwoord of sleutelbestand kwijt).',
  'error.STORAGE_FAULT.key_entry_damaged':
    'Uw sleutel in het sleutelbestand is beschadigd; dit is geen verkeerd wachtwoord. Herstel de toegang met de herstelsleutel (Wachtwoord of sleutelbestand kwijt).',
  'error.STORAGE_FAULT.key_file_foreign':
    'Het sleutelbestand hoort bij een andere omgeving dan deze database. Zet het juiste sleutelbestand terug of herstel de toegang met de herstelsleutel.',
  'error.STORAGE_FAULT.backup_folder_unset':
    'Er is nog geen map voor reservekopieën gekozen. Kies die eerst bij Beheer.',
  'error.STORAGE_FAULT.backup_invalid':
    'Dit bestand is geen bruikbare reservekopie van LVV Overleg (beschadigd of onvolledig). Er is niets gewijzigd.',
  'error.STORAGE_FAULT.backup_other_environment':
    'Deze reservekopie hoort bij een andere omgeving. Er is niets gewijzigd.',
  'error.STORAGE_FAULT.backup_other_key':
    'Deze reservekopie is gemaakt met een eerdere sleutel van de database. Zet haar terug via de opdrachtregel met het wachtwoord of de herstelsleutel van toen.',
  'error.STORAGE_FAULT.backup_not_verified':
    'De reservekopie is geschreven maar kwam niet door de controle en is weer verwijderd. Controleer de map en probeer het opnieuw.',
} as const satisfies Record<RefusalKey, string> & Record<string, string>;

export const errorsEn: Record<keyof typeof errorsNl, string> = {
  'error.CONFLICT.action_closed': 'This action has been dealt with already.',
  'error.CONFLICT.already_decided': 'This correction has been decided already.',
  'error.CONFLICT.already_out': 'This case file has left already.',
  'error.CONFLICT.already_signed_by_you':
    'You already signed this version; the second signature comes from another person.',
  'error.CONFLICT.required_parties_missing':
    'The decision cannot be carried yet: {parties} did not consent. It can be carried provisionally until {parties} confirms.',
  'error.CONFLICT.nothing_to_confirm': 'This decision is not waiting for a confirmation.',
  'error.CONFLICT.attendance_after_consent':
    'Consent was already given on decision {number}. A party can be recorded as leaving only after that decision is settled (or its text changed, which clears the consents).',
  'error.CONFLICT.changed_meanwhile':
    'The minutes changed meanwhile. Look at the current version and try again.',
  'error.CONFLICT.current_item': 'This item is being discussed and cannot be removed.',
  'error.CONFLICT.decision_exists': 'This item has a decision ({number}) already. It is shown below.',
  'error.CONFLICT.decision_locked':
    'Decision {number} is locked because the meeting is finished. Reopen it first, with a reason.',
  'error.CONFLICT.decision_open': 'This decision is not settled yet.',
  'error.CONFLICT.decision_settled': 'Decision {number} is settled already. Reopen it to change it.',
  'error.CONFLICT.empty_agenda': 'The agenda is empty. Put items on it first.',
  'error.CONFLICT.escalation_returned': 'This escalation has returned already.',
  'error.CONFLICT.finished': 'Not possible any more: the meeting is finished.',
  'error.CONFLICT.item_has_work':
    'Positions or decisions were recorded under this item; it cannot be removed.',
  'error.CONFLICT.meeting_closed': 'This meeting is finished; nothing can be added to it.',
  'error.CONFLICT.minutes_state': 'Not possible at this stage of the minutes ({state}).',
  'error.CONFLICT.meeting_not_finished':
    'This meeting has not finished. Only the minutes of a meeting that took place can be adopted.',
  'error.CONFLICT.signers_not_recorded':
    'This meeting has no recorded chair and secretary. They sign the minutes; record them first.',
  'error.CONFLICT.docx_invalid':
    'The minutes cannot be adopted: the document would be unreadable (a text contains an invalid character). Contact the administrator.',
  'error.CONFLICT.not_carried': 'The decision is not carried: not everyone responded, or someone objects.',
  'error.CONFLICT.not_correction_round': 'Corrections are only possible during the correction round.',
  'error.CONFLICT.not_current': 'A name can only be shown for the item being discussed.',
  'error.CONFLICT.not_out': 'This case file has not left.',
  'error.CONFLICT.not_running': 'The meeting is not in progress.',
  'error.CONFLICT.open_corrections': '{count} corrections still await a decision.',
  'error.CONFLICT.open_corrections.one': '1 correction still awaits a decision.',
  'error.CONFLICT.other_running': 'Another meeting is in progress. Finish that one first.',
  'error.CONFLICT.role_signed': 'The {role} already signed this version.',
  'error.CONFLICT.stale_action': 'This action changed meanwhile. Look at its current state and try again.',
  'error.CONFLICT.stale_decision':
    'The decision text changed meanwhile. The new text is shown below; give the consent again.',
  'error.CONFLICT.stale_dossier':
    'The case file changed meanwhile. Its current state is shown below; try again.',
  'error.CONFLICT.stale_meeting':
    'Someone else changed this meeting meanwhile. Look at its current state and try again.',
  'error.CONFLICT.stale_position':
    '{organisation} recorded a newer version meanwhile (version {version}, by {recordedBy}). Your text is still in the form: compare it with the new version and save again to replace it.',
  'error.CONFLICT.started': 'Not possible any more: the meeting has started.',
  'error.FORBIDDEN.not_signer': 'Only the chair and the secretary of this meeting sign its minutes.',
  'error.FORBIDDEN.other_organisation': 'You may only record for your own organisation.',
  'error.FORBIDDEN.own_actions_only': 'You see only your own organisation’s actions.',
  'error.FORBIDDEN.own_extract_only': 'You can only export your own organisation’s extract.',
  'error.FORBIDDEN.own_records_only': 'You can only correct your own organisation’s positions and actions.',
  'error.WRONG_CREDENTIALS.wrong_password': 'The password is wrong; nothing was signed.',
  'error.CONFLICT.last_key_holder':
    'This is the last key holder. Give someone else the key first; otherwise nobody could open the environment.',
  'error.CONFLICT.own_key': 'You cannot take away your own key. Ask another administrator.',
  'error.CONFLICT.certificate_not_trusted':
    'Your signing certificate is not (or no longer) trusted in this environment. Ask the administrator to add its root certificate, or import another certificate.',
  'error.CONFLICT.certificate_pending':
    'Your signing certificate awaits the administrator’s approval. Nothing was signed yet; try again once it is approved.',
  'error.CONFLICT.ca_not_keeper':
    'The certificate authority’s key is kept by another administrator, who approves the request.',
  'error.CONFLICT.ca_key_unavailable':
    'The certificate authority’s key is not available (the administrator’s password was reset). No certificate can be issued.',
  'error.CONFLICT.request_gone': 'This request was withdrawn or replaced; refresh the list.',
  'error.CONFLICT.room_closed':
    'The meeting room is closed: the meeting ended, the environment was locked or the chair stopped it.',
  'error.CONFLICT.room_unavailable': 'Participants cannot connect to this installation.',
  'error.CONFLICT.room_address':
    'Cannot listen on this network address: it is not one of this computer’s, or it is in use. Choose another network.',
  'error.CONFLICT.room_other_meeting':
    'Participants are already connected to another meeting. Stop that first.',
  'error.FORBIDDEN.room_method':
    'This cannot be done from a participant’s page; it is done at the chair’s computer.',
  'error.FORBIDDEN.room_not_participating': 'Your organisation does not take part in the running meeting.',
  'error.FORBIDDEN.room_absent':
    'Your organisation is registered as absent with apologies for this meeting and cannot join.',
  'error.WRONG_CREDENTIALS.locked':
    "Wrong user name or password. Note: while the environment is locked, only a key holder (by default the gemeente's chair, secretary or administrator) can open it; participants log in after that.",
  'error.STORAGE_FAULT.disk_full':
    'The disk holding the data folder is full. Nothing was changed; free some space and try again.',
  'error.STORAGE_FAULT.read_only':
    'The data folder cannot be written (read-only or no permission). Nothing was changed; ask your system administrator for write access.',
  'error.STORAGE_FAULT.database_missing':
    'The database file is missing while the key file is still there. This is not a new environment: restore the latest backup or find the file.',
  'error.STORAGE_FAULT.database_damaged':
    'The database is damaged. Nothing was changed. Restore the latest backup with the recovery key.',
  'error.STORAGE_FAULT.database_empty':
    'The database file is empty (0 bytes), for instance after a failed copy or a full disk. Nothing was changed; restore the latest backup.',
  'error.STORAGE_FAULT.key_file_missing':
    'The key file is missing or unreadable. Restore access with the recovery key (Lost password or key file).',
  'error.STORAGE_FAULT.key_entry_damaged':
    'Your key in the key file is damaged; this is not a wrong password. Restore access with the recovery key (Lost password or key file).',
  'error.STORAGE_FAULT.key_file_foreign':
    'The key file belongs to another environment than this database. Put the right key file back or restore access with the recovery key.',
  'error.STORAGE_FAULT.backup_folder_unset':
    'No backup folder has been chosen yet. Choose one under Admin first.',
  'error.STORAGE_FAULT.backup_invalid':
    'This file is not a usable LVV Overleg backup (damaged or incomplete). Nothing was changed.',
  'error.STORAGE_FAULT.backup_other_environment':
    'This backup belongs to another environment. Nothing was changed.',
  'error.STORAGE_FAULT.backup_other_key':
    'This backup was made under an earlier database key. Restore it from the command line with the password or recovery key of that time.',
  'error.STORAGE_FAULT.backup_not_verified':
    'The backup was written but did not pass its check and was removed again. Check the folder and try again.',
};

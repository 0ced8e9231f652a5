import type { MessageKey } from './nl';
import { dossiersEn } from './areas/dossiers';
import { meetingsEn } from './areas/meetings';
import { itemsEn } from './areas/items';
import { minutesEn } from './areas/minutes';
import { trustEn } from './areas/trust';
import { themeEn } from './areas/theme';
import { backupEn } from './areas/backup';
import { signingEn } from './areas/signing';
import { errorsEn } from './areas/errors';
import { registerImportEn } from './areas/register-import';
import { aboutEn } from './areas/about';
import { roomEn } from './areas/room';
import { beamerEn } from './areas/beamer';
import { reportsEn } from './areas/reports';

/** English. Typed against the Dutch keys: a missing or misspelt key fails to compile. */
export const en: Record<MessageKey, string> = {
  ...dossiersEn,
  ...meetingsEn,
  ...itemsEn,
  ...minutesEn,
  ...trustEn,
  ...themeEn,
  ...backupEn,
  ...signingEn,
  ...errorsEn,
  ...registerImportEn,
  ...aboutEn,
  ...roomEn,
  ...beamerEn,
  ...reportsEn,
  'app.name': 'LVV Overleg',
  'app.skip': 'Skip to content',
  'lang.switch': 'Nederlands',
  'common.next': 'Next',
  'common.back': 'Back',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.add': 'Add',
  'common.remove': 'Remove',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.required': 'required',
  'common.datePattern': 'YYYY-MM-DD',
  'mode.end.confirm.one':
    "Finish the meeting? 1 item still open; it is carried over. This meeting's decisions are locked.",
  'mode.end.confirm.other':
    "Finish the meeting? {open} items still open; they are carried over. This meeting's decisions are locked.",
  'mode.end.yes': 'Yes, finish the meeting',

  'start.title': 'Welcome to LVV Overleg',
  'start.intro':
    "LVV Overleg supports the case meeting of the national facility for undocumented migrants (LVV): the agenda, each party's position, the decision carried by all, and the minutes. All data is stored encrypted on this computer.",
  'start.create': 'Set up a new environment',
  'start.demo': 'Open the demo',
  'start.demoHint': 'An environment with fictional case files and demo users, to get to know the program.',

  'setup.title': 'Set up the environment',
  'setup.step': 'Step {n} of {total}',
  'setup.city.title': 'Municipality and meeting',
  'setup.city': 'Name of the municipality',
  'setup.cadence': 'Meeting frequency',
  'setup.cadence.wekelijks': 'Weekly',
  'setup.cadence.tweewekelijks': 'Every other week',
  'setup.cadence.maandelijks': 'Monthly',
  'setup.term': 'Term for a durable solution (months)',
  'setup.term.help': "For example 6 months in Rotterdam. A case file's target date follows from it.",
  'setup.orgs.title': 'Participating organisations',
  'setup.orgs.help':
    'By default: municipality, IND, DT&V, an NGO and the police. Change names or add parties (for example IOM or GGD).',
  'setup.org.name': 'Name of organisation {n}',
  'setup.org.kind': 'Kind of organisation {n}',
  'setup.org.add': 'Add organisation',
  'setup.org.remove': 'Remove {name}',
  'setup.admin.title': 'First administrator',
  'setup.admin.name': 'Full name',
  'setup.admin.username': 'User name',
  'setup.admin.password': 'Password',
  'setup.admin.password.help':
    'At least 12 characters. A sentence of a few words is strong and easy to remember.',
  'setup.admin.password2': 'Repeat password',
  'setup.admin.org': "Administrator's organisation",
  'setup.create': 'Create environment',
  'setup.creating': 'Creating and encrypting the environment…',
  'recovery.title': 'Recovery key',
  'recovery.intro':
    "This is the key of the encrypted database. It is shown only once. Keep it on paper in a safe or in the municipality's password vault. With this key any SQLCipher 4 program opens the database, even without LVV Overleg; whoever has it can read everything.",
  'recovery.key': 'Recovery key',
  'recovery.confirm': 'To check, type the last two groups of the key (for example AB12-CD34)',
  'recovery.mismatch': 'That does not match the last two groups of the key.',
  'recovery.done': 'I have stored the key — go to login',

  'demo.title': 'Demo environment',
  'demo.warning':
    'DEMO — fictional people and demo passwords. Never use this environment for real case files.',
  'demo.users': 'Demo users',
  'demo.col.user': 'User name',
  'demo.col.password': 'Password',
  'demo.col.name': 'Name',
  'demo.col.org': 'Organisation',
  'demo.col.roles': 'Roles',
  'demo.toLogin': 'Go to login',
  'demo.banner': 'Demo environment: fictional data',

  'login.title': 'Log in',
  'login.locked': 'Locked',
  'login.lockedHint': 'The environment is locked and the key has been wiped from memory. Log in again.',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Decrypting…',

  'shell.lock': 'Lock',
  'shell.lockShortcut': 'Ctrl+Shift+L',
  'shell.nav': 'Main menu',
  'shell.loggedInAs': '{name} — {org}',
  'nav.dossiers': 'Case files',
  'nav.meetings': 'Meetings',
  'nav.actions': 'Actions',
  'nav.admin': 'Administration',
  'nav.account': 'My account',

  'role.beheerder': 'administrator',
  'role.voorzitter': 'chair',
  'role.notulist': 'secretary',
  'role.deelnemer': 'participant',
  'role.casemanager': 'case manager',

  'kind.gemeente': 'Municipality',
  'kind.ind': 'IND',
  'kind.dtv': 'DT&V',
  'kind.ngo': 'NGO',
  'kind.politie': 'Police',
  'kind.iom': 'IOM',
  'kind.ggd': 'GGD (public health)',
  'kind.coa': 'COA',
  'kind.advocaat': 'Lawyer',
  'kind.opvang': 'Shelter',
  'kind.overig': 'Other',

  'admin.title': 'Administration',
  'admin.users': 'Users',
  'admin.users.name': 'Name',
  'admin.users.username': 'User name',
  'admin.users.org': 'Organisation',
  'admin.users.roles': 'Roles',
  'admin.users.outsideHost': 'Allow anyway: {roles} at {org}, outside the municipality',
  'admin.users.status': 'Status',
  'admin.users.active': 'active',
  'admin.users.disabled': 'disabled',
  'admin.users.disable': 'Disable',
  'admin.users.enable': 'Enable',
  'admin.users.reset': 'Reset password',
  'admin.users.new': 'New user',
  'admin.users.password': 'Temporary password',
  'admin.users.created': 'User {name} has been created.',
  'admin.users.resetDone': 'The password of {name} has been reset.',
  'admin.users.enabledHint': '{name} is enabled. Set a new password, otherwise this user cannot log in.',
  'admin.users.newPassword': 'New password for {name}',
  'admin.orgs': 'Organisations',
  'admin.orgs.special': 'sees special categories of personal data',
  'admin.orgs.new': 'Add organisation',
  'admin.settings': 'Settings',
  'admin.idle': 'Lock automatically after (minutes without activity)',
  'admin.saved': 'Saved.',
  'admin.audit': 'Audit log',
  'admin.audit.verify': 'Verify the audit chain',
  'admin.audit.valid': 'The audit chain is valid (records: {n}; head {head}).',
  'admin.audit.invalid': 'The audit chain is broken at record {id}. Contact the data protection officer.',

  'account.title': 'My account',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.changed': 'Your password has been changed.',
  'account.change': 'Change password',

  'error.WRONG_CREDENTIALS': 'Wrong user name or password.',
  'error.UNAUTHENTICATED': 'You are not (or no longer) logged in. Please log in again.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'This item does not exist (any more).',
  'error.CONFLICT':
    'Someone else changed this in the meantime, or it already exists. Look at the current data and try again.',
  'error.BAD_INPUT': 'Not all fields are filled in correctly. See the messages at the fields.',
  'error.NOT_SET_UP': 'No environment has been set up yet.',
  'error.ALREADY_SET_UP': 'An environment already exists here. It is never overwritten.',
  'error.DATABASE_UNREADABLE':
    'The database cannot be opened: the file is damaged or the key does not fit. The file has not been touched. Contact the administrator and keep the recovery key at hand.',
  'error.DATABASE_TOO_NEW':
    'This database was made with a newer version of LVV Overleg. Install that version; the database has not been changed.',
  'error.ENCRYPTION_INACTIVE':
    'Encryption is not active. LVV Overleg refuses to start so as not to write unencrypted data.',
  'error.DUPLICATE_V_NUMBER': 'This V-number already exists in case file {number}.',
  'shell.switchUser': 'Switch user',
  'login.switch': 'Switch user',
  'login.switchHint': '{name} stays logged in until someone else logs in here.',
  'login.openHint': 'A key holder has opened the environment. Log in with your own account.',
  'projector.idleWarning':
    'In {s} seconds this screen goes black: the environment will be locked because nothing happens. On the chair’s laptop: ‘I’m still here’.',
  'shell.logout': 'Log out',
  'shell.idle.closes':
    'In {s} seconds without activity the environment will be locked for everyone (the projector too).',
  'shell.idle.logout': 'In {s} seconds without activity you will be logged out.',
  'shell.idle.stay': "I'm still here",
  'account.required.title': 'Choose your own password',
  'account.required.intro':
    'You logged in with a temporary password from the administrator. Choose your own password first; then you can continue.',
  'error.PASSWORD_CHANGE_REQUIRED': 'Choose your own password first instead of the temporary one.',
  'error.STORAGE_FAULT': 'There is a problem with the files on disk. Nothing was changed.',
  'error.FOLDER_IN_USE':
    'This data folder is already open in another program (process {pid}). Close that first and try again.',
  'admin.users.keyHolder': 'Key',
  'admin.users.keyHolder.toggle': '{name} holds the key',
  'admin.users.keyHolder.help':
    'Key holders can open the encrypted environment. Other users can only log in while a key holder has it open; their password opens nothing on disk.',
  'admin.users.keyHolder.pending': '(gets the key at their next login)',
  'admin.keys': 'Database key',
  'admin.keys.advised':
    'The key file still held keys of users without key rights; they have been removed. Renew the database key so that old copies of the key file open nothing any more.',
  'admin.keys.rekey': 'Renew database key',
  'admin.keys.help':
    'Re-encrypts the database with a new key and shows a new recovery key. Old copies of the key file and the old recovery key then open nothing new.',
  'admin.keys.needNewPassword': 'Give these key holders a new password: {names}.',
  'recovery.rekeyed':
    'The database has been re-encrypted. The old recovery key no longer works for new data; keep this new one.',
  'error.INTERNAL':
    'Something went wrong. The data has not been changed. Try again or contact the administrator.',

  'field.too_small': 'Too short or too small.',
  'field.too_small.password': 'At least 12 characters.',
  'field.password_too_short': 'At least 12 characters.',
  'field.too_big': 'Too long or too large.',
  'field.invalid_type': 'Fill in this field.',
  'field.invalid_format': 'Invalid input.',
  'field.invalid_format.username': 'Only letters, digits, dot, hyphen and underscore.',
  'field.invalid_value': 'Choose a valid value.',
  'field.duplicate': 'This name appears twice.',
  'field.gemeente_required': 'A municipality must be among them: it chairs the meeting.',
  'field.taken': 'This name is already in use.',
  'field.host_role':
    'Chair, secretary and case manager belong to the municipality. Choose the municipality, or allow it explicitly below.',
  'field.wrong_password': 'The current password is wrong.',
  'field.self': 'You cannot disable yourself.',
  'field.mismatch': 'The passwords are not the same.',
  'field.required': 'Fill in this field.',
};

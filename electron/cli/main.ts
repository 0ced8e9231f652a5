/**
 * Command line on the same backend, for administrators and automation:
 *   npm run cli -- <command> --db PATH [options]
 * Secrets (passwords, recovery keys) come from a file or standard input, never from arguments,
 * so they do not end up in shell history or the process list.
 */
import { parseArgs } from 'node:util';
import { createApi } from '../../shared/client';
import { defaultOrganisations } from '../../shared/domain/environment';
import { ApiError } from '../../shared/errors';
import { createBackend } from '../core/backend';
import { amsterdamDate } from '../core/context';
import { silentLogger, type Logger } from '../core/ports';
import { acquireFolderLock } from '../core/storage/folder-lock';
import { agendaCommand, parseAgendaMeeting } from './agenda-command';
import { importCommand } from './import-command';
import { minutesExportCommand, parseMinutesMeeting, verifyCommand } from './minutes-commands';
import { parseReportOptions, reportCommand } from './report-command';
import { terminalSafe } from '../../shared/text';
import { CLI_CALLER, CliError, openForCli, readSecret } from './open';
import { backupCommand, restoreCommand } from './backup-commands';
import { checkCommand } from './check-command';
import { classifyFault } from '../core/storage/faults';

const cliLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: (m, f) => console.error(`[error] ${m}`, f ?? ''),
};

const USAGE = `Gebruik: npm run cli -- <opdracht> --db PAD [opties]
  init   --db PAD --city STAD --admin-user NAAM [--admin-name "Volledige naam"] [--term-months 6] [--password-file BESTAND]
         Maakt een nieuwe omgeving; het wachtwoord komt uit --password-file of standaardinvoer. Toont de herstelsleutel.
  demo   --db PAD                       Maakt een demo-omgeving met demogebruikers.
  check  --db PAD [--user NAAM --password-file BESTAND | --recovery-key-file BESTAND]
         Integriteitscontrole, bewijs van versleuteling en controle van de auditketen en haar ankers. Alleen lezen:
         werkt op een kopie en wijzigt geen byte van de bestanden (ook geen -wal toepassen). Met het wachtwoord van een
         sleutelhouder of de herstelsleutel.
  minutes export --db PAD --meeting ID|latest --out MAP --user NAAM [--password-file BESTAND]
         Schrijft het verslag (DOCX), een .p7s per ondertekenaar en ca.pem naar MAP. latest: het laatst vastgestelde verslag.
         Alleen voorzitter en notulist (zoals in de app).
  verify BESTAND.docx [--ca ca.pem]
         Controleert de .p7s-handtekeningen naast het DOCX (en ca.pem ernaast); opent geen database.
         Exitcode 0 alleen als elke handtekening geldig is.
  agenda --db PAD --meeting next|NUMMER --format json|docx [--out BESTAND] --user NAAM [--password-file BESTAND]
         De agenda, gepseudonimiseerd (dossiernummer en initialen), als JSON of DOCX.
  import dossiers --db PAD --file REGISTER.csv|REGISTER.xlsx [--dry-run] [--skip-refused] --user NAAM [--password-file BESTAND]
         Importeert een bestaand register; toont per regel wat geïmporteerd, geweigerd (en waarom) of leeg is.
         Alles of niets, tenzij --skip-refused; --dry-run slaat niets op. Voor voorzitter, notulist en casemanager.
  backup  --db PAD --out BESTAND [--user NAAM --password-file BESTAND | --recovery-key-file BESTAND]
         Versleutelde reservekopie (database, sleutelbestand en auditkop) in één bestand, na het schrijven gecontroleerd.
  restore --db PAD --from BESTAND [--user NAAM --password-file BESTAND | --recovery-key-file BESTAND]
         Toont wat de reservekopie bevat en zet haar terug; de huidige bestanden worden hernoemd, niet verwijderd.
         Het wachtwoord is dat van een beheerder in de reservekopie, of de herstelsleutel van toen.
  recover --db PAD --recovery-key-file BESTAND --user NAAM --password-file BESTAND
         Wachtwoord of sleutelbestand kwijt: de herstelsleutel geeft sleutelhouder NAAM het nieuwe wachtwoord uit
         --password-file en bouwt een ontbrekend of beschadigd sleutelbestand opnieuw op (het oude wordt hernoemd).
  report outcomes --db PAD --from JJJJ-MM-DD --to JJJJ-MM-DD --format json|csv|xlsx|docx [--out BESTAND] --user NAAM [--password-file BESTAND]
         De uitkomstentabel van de monitoring (aantallen per categorie en vorm, zonder namen of V-nummers).
PAD is de map van de omgeving of het .db-bestand. Elke opdracht gaat via dezelfde API als de app, met
dezelfde rechten; alleen sleutelhouders openen een vergrendelde omgeving.`;

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      city: { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-name': { type: 'string' },
      'term-months': { type: 'string' },
      'password-file': { type: 'string' },
      'recovery-key-file': { type: 'string' },
      user: { type: 'string' },
      ca: { type: 'string' },
      meeting: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-refused': { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseCli(argv);
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'verify') return verifyCommand(positionals[1], values.ca);
  if (!values.db) throw new CliError('--db PATH is required');
  const dataDir = values.db;
  // One program per data folder: refused (FOLDER_IN_USE, naming the holder) while the app, a browser
  // host or another command has it open.
  const lock = acquireFolderLock(dataDir, 'cli');
  try {
    if (command === 'check') {
      // Read-only: not through the backend, which would log in (an audit record, the head file).
      const r = await checkCommand(dataDir, {
        user: values.user,
        passwordFile: values['password-file'],
        recoveryKeyFile: values['recovery-key-file'],
      });
      (r.code === 0 ? process.stdout : process.stderr).write(r.out);
      return r.code;
    }
    if (command === 'restore') {
      if (!values.from) throw new CliError('--from FILE is required');
      process.stdout.write(
        await restoreCommand(
          dataDir,
          values.from,
          {
            user: values.user,
            passwordFile: values['password-file'],
            recoveryKeyFile: values['recovery-key-file'],
          },
          () => new Date(),
        ),
      );
      return 0;
    }
    return await runCommand(command, dataDir, positionals, values);
  } finally {
    lock.release();
  }
}

type CliValues = ReturnType<typeof parseCli>['values'];

async function runCommand(
  command: string,
  dataDir: string,
  positionals: string[],
  values: CliValues,
): Promise<number> {
  // The CLI says what went wrong in one line of its own; the backend's warnings would only repeat it.
  const backend = createBackend({
    dataDir,
    clock: () => new Date(),
    logger: command === 'check' ? silentLogger : cliLogger,
  });
  // Every command goes through the dispatcher as one caller, so the API's rules apply unchanged.
  const api = createApi((m, i) => backend.dispatch(m, i, CLI_CALLER));
  const open = () =>
    openForCli(api, {
      dataDir,
      user: values.user,
      passwordFile: values['password-file'],
      recoveryKeyFile: values['recovery-key-file'],
    });
  // The session ends with the process: closing the backend (below) closes the environment, as the app
  // does when it quits, and writes nothing more to a database that `check` may just have found damaged.
  try {
    switch (command) {
      case 'init': {
        if (!values.city) throw new CliError('--city is required');
        if (!values['admin-user']) throw new CliError('--admin-user is required');
        const password = readSecret(values['password-file']);
        const { recoveryKey } = await api['setup.create']({
          city: values.city,
          termMonths: values['term-months'] ? Number(values['term-months']) : 6,
          organisations: defaultOrganisations(values.city),
          admin: {
            username: values['admin-user'],
            displayName: values['admin-name'] ?? values['admin-user'],
            password,
            organisationIndex: 0,
          },
        });
        console.log(`Omgeving aangemaakt voor ${values.city}.`);
        console.log(
          'Herstelsleutel (bewaar deze veilig; hiermee opent elk SQLCipher 4-programma de database):',
        );
        console.log(recoveryKey);
        return 0;
      }
      case 'demo': {
        const { users } = await api['setup.demo']({});
        console.log('Demo-omgeving aangemaakt. Demogebruikers (alleen voor de demo):');
        for (const u of users)
          console.log(
            `  ${u.username.padEnd(12)} ${u.password.padEnd(28)} ${u.roles.join(', ')} — ${u.organisation}`,
          );
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new CliError('--out FILE is required');
        process.stdout.write(await backupCommand(api, open, values.out));
        return 0;
      }
      case 'recover': {
        if (!values.user) throw new CliError('--user NAME is required');
        if (!values['recovery-key-file'] || !values['password-file'])
          throw new CliError('--recovery-key-file and --password-file are required');
        const r = await api['auth.recover']({
          recoveryKey: readSecret(values['recovery-key-file']),
          username: values.user,
          password: readSecret(values['password-file']),
        });
        console.log(
          `${values.user} heeft een nieuw wachtwoord${r.rebuiltKeyFile ? '; het sleutelbestand is opnieuw opgebouwd' : ''}.`,
        );
        if (r.othersWithoutKey.length)
          console.log(
            `Zonder sleutel (herstel elk op dezelfde manier, of laat de beheerder een nieuw wachtwoord geven): ${r.othersWithoutKey.join(', ')}`,
          );
        return 0;
      }
      case 'agenda': {
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'docx') throw new CliError('--format must be json or docx');
        const meeting = parseAgendaMeeting(values.meeting ?? 'next');
        const session = await open();
        process.stdout.write(
          await agendaCommand(api, session, {
            meeting,
            format,
            out: values.out,
            today: amsterdamDate(new Date()),
            cwd: process.env.INIT_CWD ?? process.cwd(),
          }),
        );
        return 0;
      }
      case 'minutes': {
        if (positionals[1] !== 'export')
          throw new CliError('usage: minutes export --db PATH --meeting ID|latest --out DIR');
        const meeting = parseMinutesMeeting(values.meeting);
        if (!values.out) throw new CliError('--out DIR is required');
        const session = await open();
        return await minutesExportCommand(api, session, {
          meeting,
          out: values.out,
          today: amsterdamDate(new Date()),
        });
      }
      case 'import': {
        if (positionals[1] !== 'dossiers')
          throw new CliError('usage: import dossiers --db PATH --file F.csv|F.xlsx [--dry-run]');
        if (!values.file) throw new CliError('--file F.csv|F.xlsx is required');
        const session = await open();
        const { text, code } = await importCommand(api, session, {
          file: values.file,
          dryRun: values['dry-run'] ?? false,
          skipRefused: values['skip-refused'] ?? false,
          cwd: process.env.INIT_CWD ?? process.cwd(),
        });
        process.stdout.write(text);
        return code;
      }
      case 'report': {
        if (positionals[1] !== 'outcomes')
          throw new CliError(
            'usage: report outcomes --db PATH --from YYYY-MM-DD --to YYYY-MM-DD --format json|csv|xlsx|docx',
          );
        const options = parseReportOptions(values);
        const session = await open();
        process.stdout.write(
          await reportCommand(api, session, {
            ...options,
            out: values.out,
            cwd: process.env.INIT_CWD ?? process.cwd(),
          }),
        );
        return 0;
      }
      default:
        throw new CliError(`unknown command "${command}"`);
    }
  } finally {
    backend.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (thrown) {
  // A fault of the disk or of SQLite in a command that works on the files directly (check, restore).
  const e = classifyFault(thrown) ?? thrown;
  const message =
    e instanceof CliError
      ? e.message
      : e instanceof ApiError
        ? `${e.code}: ${e.error.fields?.map((f) => `${f.path} ${f.code}`).join(', ') || e.message}`
        : e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string'
          ? // Node's own messages start with the code already ("ENOSPC: no space left…"): not twice.
            e.message.startsWith(`${(e as { code: string }).code}:`)
            ? e.message
            : `${(e as { code: string }).code}: ${e.message}`
          : 'unexpected failure';
  // A file name in the message is the user's input: printed without control characters.
  console.error(`lvv-overleg: ${terminalSafe(message)}`);
  process.exitCode = 1;
}

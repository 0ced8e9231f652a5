/**
 * Command line on the same backend, for administrators and automation:
 *   npm run cli -- <command> --db PATH [options]
 * Secrets (passwords, recovery keys) come from a file or standard input, never from arguments,
 * so they do not end up in shell history or the process list.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createApi } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import type { Session } from '../../shared/domain/roles';
import { defaultOrganisations } from '../../shared/domain/environment';
import { ApiError } from '../../shared/errors';
import { createBackend } from '../core/backend';
import { parseRecoveryKey } from '../core/crypto/keywrap';
import { checkEnvironment } from '../core/environment/check';
import { agendaCommand } from '../core/agenda/command';
import { amsterdamDate } from '../core/context';
import type { Vault } from '../core/environment/vault';
import { silentLogger, type Logger } from '../core/ports';
import { acquireFolderLock } from '../core/storage/folder-lock';
import { minutesExportCommand, MinutesCliError, verifyCommand } from './minutes-commands';

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
         Integriteitscontrole, bewijs van versleuteling en controle van de auditketen.
  minutes export --db PAD --meeting ID|latest --out MAP [--user NAAM --password-file BESTAND | --recovery-key-file BESTAND]
         Schrijft het verslag (DOCX), een .p7s per ondertekenaar en ca.pem naar MAP. latest: het laatst vastgestelde verslag.
  verify BESTAND.docx [--ca ca.pem]
         Controleert de .p7s-handtekeningen naast het DOCX (en ca.pem ernaast); opent geen database.
         Exitcode 0 alleen als elke handtekening geldig is.
  agenda --db PAD --meeting next|NUMMER --format json|docx [--out BESTAND] [--user NAAM --password-file BESTAND | --recovery-key-file BESTAND]
         De agenda, gepseudonimiseerd (dossiernummer en initialen), als JSON of DOCX.
PAD is de map van de omgeving of het .db-bestand.`;

class CliError extends Error {}

/** The CLI is one caller of the backend, like a window or a browser. */
const CLI_CALLER = { id: 'cli', source: 'cli' };

/** Logs in through the API; only a key holder's password opens a locked environment. */
async function loginForCli(api: Api, username: string, password: string): Promise<Session> {
  try {
    return await api['auth.login']({ username, password });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'WRONG_CREDENTIALS') {
      throw new CliError(
        'wrong user name or password, or this account does not hold the key (only key holders can open the environment)',
      );
    }
    throw e;
  }
}

function readSecret(file: string | undefined): string {
  const text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!line) throw new CliError(file ? `secret file ${file} is empty` : 'no secret on standard input');
  return line;
}

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
  const api = createApi((m, i) => backend.dispatch(m, i, CLI_CALLER));
  /** Opens the environment as a key holder through the API (same rules and throttle), or with the recovery key. */
  const open = async (): Promise<Vault> => {
    if (backend.vault.state() === 'leeg') throw new CliError(`no environment at ${dataDir}`);
    if (values.user) await loginForCli(api, values.user, readSecret(values['password-file']));
    else {
      const key = parseRecoveryKey(readSecret(values['recovery-key-file']));
      if (!key) throw new CliError('the recovery key must be 64 hexadecimal digits');
      backend.vault.open(key);
      key.fill(0);
    }
    return backend.vault;
  };
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
      case 'check': {
        const vault = await open();
        try {
          const report = checkEnvironment(vault.database(), vault.dbFile);
          if (!report.ok) throw new CliError(report.reason ?? 'check failed');
          console.log(
            `OK: integriteit in orde, versleuteld, auditketen geldig (${report.audit.records} records, kop ${report.audit.head.slice(0, 16)}…)`,
          );
          return 0;
        } finally {
          vault.lock();
        }
      }
      case 'agenda': {
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'docx') throw new CliError('--format must be json or docx');
        const vault = await open();
        try {
          const today = amsterdamDate(new Date());
          process.stdout.write(
            await agendaCommand(vault.database(), {
              meeting: values.meeting ?? 'next',
              format,
              out: values.out,
              today,
              cwd: process.env.INIT_CWD ?? process.cwd(),
            }),
          );
          return 0;
        } finally {
          vault.lock();
        }
      }
      case 'minutes': {
        if (positionals[1] !== 'export')
          throw new CliError('usage: minutes export --db PATH --meeting ID|latest --out DIR');
        const now = new Date();
        return await minutesExportCommand(backend.vault, api, {
          meeting: values.meeting,
          out: values.out,
          user: values.user,
          passwordFile: values['password-file'],
          recoveryKeyFile: values['recovery-key-file'],
          readSecret,
          login: (api, user, password) => loginForCli(api, user, password),
          now,
          today: amsterdamDate(now),
        });
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
} catch (e) {
  const message =
    e instanceof CliError || e instanceof MinutesCliError
      ? e.message
      : e instanceof ApiError
        ? `${e.code}: ${e.error.fields?.map((f) => `${f.path} ${f.code}`).join(', ') || e.message}`
        : e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string'
          ? `${(e as { code: string }).code}: ${e.message}`
          : 'unexpected failure';
  console.error(`lvv-overleg: ${message}`);
  process.exitCode = 1;
}

/**
 * Command line on the same backend, for administrators and automation:
 *   npm run cli -- <command> --db PATH [options]
 * Secrets (passwords, recovery keys) come from a file or standard input, never from arguments,
 * so they do not end up in shell history or the process list.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createApi } from '../../shared/client';
import { defaultOrganisations } from '../../shared/domain/environment';
import { ApiError } from '../../shared/errors';
import { createBackend } from '../core/backend';
import { parseRecoveryKey } from '../core/crypto/keywrap';
import { checkEnvironment } from '../core/environment/check';
import { agendaCommand } from '../core/agenda/command';
import { amsterdamDate } from '../core/context';
import { Vault } from '../core/environment/vault';
import { consoleLogger, silentLogger } from '../core/ports';
import { minutesExportCommand, MinutesCliError, verifyCommand } from './minutes-commands';

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

function readSecret(file: string | undefined): string {
  const text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!line) throw new CliError(file ? `secret file ${file} is empty` : 'no secret on standard input');
  return line;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
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
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'verify') return verifyCommand(positionals[1], values.ca);
  if (!values.db) throw new CliError('--db PATH is required');
  const dataDir = values.db;
  const backend = createBackend({ dataDir, clock: () => new Date(), logger: command === 'check' ? silentLogger : consoleLogger });
  const api = createApi((m, i) => backend.dispatch(m, i));
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
          admin: { username: values['admin-user'], displayName: values['admin-name'] ?? values['admin-user'], password, organisationIndex: 0 },
        });
        console.log(`Omgeving aangemaakt voor ${values.city}.`);
        console.log('Herstelsleutel (bewaar deze veilig; hiermee opent elk SQLCipher 4-programma de database):');
        console.log(recoveryKey);
        return 0;
      }
      case 'demo': {
        const { users } = await api['setup.demo']({});
        console.log('Demo-omgeving aangemaakt. Demogebruikers (alleen voor de demo):');
        for (const u of users) console.log(`  ${u.username.padEnd(12)} ${u.password.padEnd(28)} ${u.roles.join(', ')} — ${u.organisation}`);
        return 0;
      }
      case 'check': {
        const vault = new Vault(dataDir);
        if (vault.state() === 'leeg') throw new CliError(`no environment at ${dataDir}`);
        if (values.user) {
          const session = await vault.unlockWithPassword(values.user, readSecret(values['password-file']));
          if (!session) throw new CliError('wrong user name or password');
        } else {
          const key = parseRecoveryKey(readSecret(values['recovery-key-file']));
          if (!key) throw new CliError('the recovery key must be 64 hexadecimal digits');
          vault.openWithKey(key);
        }
        try {
          const report = checkEnvironment(vault.database(), vault.dbFile);
          if (!report.ok) throw new CliError(report.reason ?? 'check failed');
          console.log(`OK: integriteit in orde, versleuteld, auditketen geldig (${report.audit.records} records, kop ${report.audit.head.slice(0, 16)}…)`);
          return 0;
        } finally {
          vault.lock();
        }
      }
      case 'agenda': {
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'docx') throw new CliError('--format must be json or docx');
        const vault = new Vault(dataDir);
        if (vault.state() === 'leeg') throw new CliError(`no environment at ${dataDir}`);
        if (values.user) {
          if (!(await vault.unlockWithPassword(values.user, readSecret(values['password-file']))))
            throw new CliError('wrong user name or password');
        } else {
          const key = parseRecoveryKey(readSecret(values['recovery-key-file']));
          if (!key) throw new CliError('the recovery key must be 64 hexadecimal digits');
          vault.openWithKey(key);
        }
        try {
          const today = amsterdamDate(new Date());
          process.stdout.write(await agendaCommand(vault.database(), { meeting: values.meeting ?? 'next', format, out: values.out, today, cwd: process.env.INIT_CWD ?? process.cwd() }));
          return 0;
        } finally {
          vault.lock();
        }
      }
      case 'minutes': {
        if (positionals[1] !== 'export') throw new CliError('usage: minutes export --db PATH --meeting ID|latest --out DIR');
        const now = new Date();
        return await minutesExportCommand(dataDir, {
          meeting: values.meeting,
          out: values.out,
          user: values.user,
          passwordFile: values['password-file'],
          recoveryKeyFile: values['recovery-key-file'],
          readSecret,
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

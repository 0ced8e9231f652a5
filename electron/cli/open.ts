/**
 * How the command line gets a session: it is one caller of the backend, like a window or a browser,
 * and opens the environment only through the API (`auth.login` for a key holder,
 * `auth.openWithRecoveryKey` for the recovery key), so the same rules, throttle and audit apply.
 */
import fs from 'node:fs';
import type { Api } from '../../shared/contract/index';
import type { Session } from '../../shared/domain/roles';
import { ApiError } from '../../shared/errors';

/** A failure the command line states in one line of its own (English, like its other messages). */
export class CliError extends Error {}

/** The CLI process as the backend's caller; `source` is what the login throttle counts it under. */
export const CLI_CALLER = { id: 'cli', source: 'cli' };

export interface OpenOptions {
  dataDir: string;
  user?: string | undefined;
  passwordFile?: string | undefined;
  recoveryKeyFile?: string | undefined;
}

/** The first line of a secret file, or of standard input when no file is named. */
export function readSecret(file: string | undefined): string {
  const text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!line) throw new CliError(file ? `secret file ${file} is empty` : 'no secret on standard input');
  return line;
}

/**
 * Opens the environment for this command: with --user, a key holder's login (only key holders can
 * open a locked environment); otherwise the recovery key, which gives a recovery session with the
 * rights of permissions.ts's recoveryActions only.
 */
export async function openForCli(api: Api, opts: OpenOptions): Promise<Session> {
  const { state } = await api['app.status']({});
  if (state === 'leeg') throw new CliError(`no environment at ${opts.dataDir}`);
  if (opts.user) {
    try {
      return await api['auth.login']({ username: opts.user, password: readSecret(opts.passwordFile) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WRONG_CREDENTIALS') {
        throw new CliError(
          'wrong user name or password, or this account does not hold the key (only key holders can open the environment)',
        );
      }
      throw e;
    }
  }
  try {
    return await api['auth.openWithRecoveryKey']({ recoveryKey: readSecret(opts.recoveryKeyFile) });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'BAD_INPUT')
      throw new CliError('the recovery key must be 64 hexadecimal digits');
    if (e instanceof ApiError && e.code === 'WRONG_CREDENTIALS') throw new CliError('wrong recovery key');
    throw e;
  }
}

/**
 * The one-line reason for a refusal (FORBIDDEN) by the API: a recovery session is told what it is
 * for, anyone else who may do it. Other errors pass unchanged.
 */
export function refusal(e: unknown, session: Session, whoMay: string): unknown {
  if (!(e instanceof ApiError) || e.code !== 'FORBIDDEN') return e;
  if (session.recovery)
    return new CliError(
      `the recovery key opens the environment for recovery tasks only (check, accounts, key holders); ${whoMay}`,
    );
  return new CliError(whoMay);
}

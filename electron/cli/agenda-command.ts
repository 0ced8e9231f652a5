/**
 * The command line's `agenda`: the pseudonymised agenda as JSON (to stdout, or a file) or DOCX (to a
 * file; by default the API's file name in `cwd`, the folder the user ran the command in), through the
 * same methods as the app's agenda screen (meetings.agenda.export / exportDocx, which audits the
 * DOCX). Files are written atomically. A meeting whose agenda is still empty exports the proposed
 * agenda, marked as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../shared/contract/index';
import type { Session } from '../../shared/domain/roles';
import { writeFileAtomic } from '../core/storage/atomic';
import { CliError, refusal } from './open';

export type MeetingChoice = { kind: 'next' } | { kind: 'id'; id: number };

/** `next` or a meeting number; checked before anything is opened. */
export function parseAgendaMeeting(which: string): MeetingChoice {
  if (which === 'next') return { kind: 'next' };
  if (!/^\d+$/.test(which) || Number(which) <= 0)
    throw new CliError('--meeting must be "next" or a meeting number');
  return { kind: 'id', id: Number(which) };
}

/** `next`: the first meeting not yet finished from today on, else the latest unfinished one. */
async function resolve(api: Api, choice: MeetingChoice, today: string): Promise<number> {
  if (choice.kind === 'id') return choice.id;
  const open = (await api['meetings.list']({})).filter((m) => m.state !== 'afgerond');
  const byDate = (a: { date: string; id: number }, b: { date: string; id: number }) =>
    a.date.localeCompare(b.date) || a.id - b.id;
  const upcoming = open.filter((m) => m.date >= today).sort(byDate)[0];
  const latest = open.sort(byDate).at(-1);
  const id = (upcoming ?? latest)?.id;
  if (id === undefined) throw new CliError('no planned meeting');
  return id;
}

/** Returns what to print. */
export async function agendaCommand(
  api: Api,
  session: Session,
  opts: {
    meeting: MeetingChoice;
    format: 'json' | 'docx';
    out?: string | undefined;
    today: string;
    cwd: string;
  },
): Promise<string> {
  try {
    const meetingId = await resolve(api, opts.meeting, opts.today);
    if (opts.format === 'json') {
      const model = await api['meetings.agenda.export']({ meetingId });
      const text = `${JSON.stringify(model, null, 2)}\n`;
      if (!opts.out) return text;
      writeFileAtomic(path.resolve(opts.cwd, opts.out), text, 0o600);
      return `Agenda geschreven naar ${opts.out}\n`;
    }
    if (opts.out && !fs.existsSync(path.dirname(path.resolve(opts.cwd, opts.out))))
      throw new CliError(`folder ${path.dirname(path.resolve(opts.cwd, opts.out))} does not exist`);
    const file = await api['meetings.agenda.exportDocx']({ meetingId });
    const target = path.resolve(opts.cwd, opts.out ?? file.fileName);
    writeFileAtomic(target, Buffer.from(file.base64, 'base64'), 0o600);
    return `Agenda (gepseudonimiseerd) geschreven naar ${target}\n`;
  } catch (e) {
    throw refusal(e, session, 'this account may not read the agenda');
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { writeFileAtomic } from '../storage/atomic';
import { writeAgendaDocx } from './build-docx';
import { agendaExport, agendaFileName } from './export';

/** `next`: the first meeting not yet finished from today on (else the latest unfinished one); or an id. */
export function resolveMeeting(db: Db, which: string, today: string): number {
  if (which === 'next') {
    const id =
      (db
        .prepare(`SELECT id FROM meetings WHERE state <> 'afgerond' AND date >= ? ORDER BY date, id LIMIT 1`)
        .pluck()
        .get(today) as number | undefined) ??
      (db
        .prepare(`SELECT id FROM meetings WHERE state <> 'afgerond' ORDER BY date DESC, id DESC LIMIT 1`)
        .pluck()
        .get() as number | undefined);
    if (id === undefined) throw new AppError('NOT_FOUND', 'no planned meeting');
    return id;
  }
  if (!/^\d+$/.test(which)) throw new AppError('BAD_INPUT', '--meeting must be "next" or a meeting number');
  return Number(which);
}

/**
 * The CLI's `agenda` command: the pseudonymised agenda as JSON (to stdout, or a file) or DOCX (to a
 * file; by default agenda-<date>.docx in `cwd`, the folder the user ran the command in). Files are
 * written atomically. A meeting whose agenda is still empty exports the proposed agenda, marked as such.
 * Returns what to print.
 */
export async function agendaCommand(
  db: Db,
  opts: { meeting: string; format: 'json' | 'docx'; out?: string | undefined; today: string; cwd: string },
): Promise<string> {
  const model = agendaExport(db, resolveMeeting(db, opts.meeting, opts.today));
  if (opts.format === 'json') {
    const text = `${JSON.stringify(model, null, 2)}\n`;
    if (!opts.out) return text;
    writeFileAtomic(path.resolve(opts.cwd, opts.out), text, 0o600);
    return `Agenda geschreven naar ${opts.out}\n`;
  }
  const target = path.resolve(opts.cwd, opts.out ?? agendaFileName(model.meeting.date, 'docx'));
  if (!fs.existsSync(path.dirname(target)))
    throw new AppError('BAD_INPUT', `folder ${path.dirname(target)} does not exist`);
  await writeAgendaDocx(model, target);
  return `Agenda (gepseudonimiseerd) geschreven naar ${target}\n`;
}

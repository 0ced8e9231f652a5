import type { Presence } from '../../shared/domain/consent';
import type { Db } from '../../electron/core/db/open';
import { makeEnv, type TestEnv } from './backend';

/**
 * A demo environment with meetings and agenda items written straight into the (real, encrypted)
 * database: positions, decisions and actions are tested without depending on how meetings are planned.
 */
export interface ItemEnv extends TestEnv {
  db(): Db;
  org(name: string): number;
  dossier(index: number): number;
  meeting(opts: { date: string; state?: string; attendance: Record<string, Presence>; dossiers: number[] }): {
    meetingId: number;
    itemIds: number[];
    itemId: number;
  };
}

export async function makeItemEnv(
  now = new Date('2026-03-10T09:00:00Z'),
  opts: Omit<Parameters<typeof makeEnv>[0], 'now'> = {},
): Promise<ItemEnv> {
  const env = makeEnv({ ...opts, now });
  await env.api['setup.demo']({});
  const login = (username: string, password?: string) => env.login(username, password);
  await login('voorzitter');
  const db = () => env.backend.vault.database();
  const org = (name: string) =>
    (db().prepare('SELECT id FROM organisations WHERE name = ?').get(name) as { id: number }).id;
  const dossier = (index: number) =>
    (db().prepare('SELECT id FROM dossiers ORDER BY id LIMIT 1 OFFSET ?').get(index) as { id: number }).id;
  const meeting: ItemEnv['meeting'] = ({ date, state = 'bezig', attendance, dossiers }) => {
    const d = db();
    const meetingId = Number(
      d.prepare('INSERT INTO meetings (date, state) VALUES (?, ?)').run(date, state).lastInsertRowid,
    );
    for (const [name, presence] of Object.entries(attendance))
      d.prepare('INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (?, ?, ?)').run(
        meetingId,
        org(name),
        presence,
      );
    const itemIds = dossiers.map((dossierId, i) =>
      Number(
        d
          .prepare(
            "INSERT INTO agenda_items (meeting_id, position, kind, dossier_id) VALUES (?, ?, 'dossier', ?)",
          )
          .run(meetingId, i + 1, dossierId).lastInsertRowid,
      ),
    );
    return { meetingId, itemIds, itemId: itemIds[0]! };
  };
  return { ...env, db, org, dossier, login, meeting };
}

export const fullTable: Record<string, Presence> = {
  'Gemeente Demostad': 'aanwezig',
  IND: 'aanwezig',
  'DT&V': 'aanwezig',
  VluchtelingenWerk: 'schriftelijke_inbreng',
  Politie: 'aanwezig',
  GGD: 'afwezig_met_bericht',
};

/** The usual subject of an item test: the first demo dossier on the agenda of 10 March with the full table. */
export function firstItem(env: ItemEnv): { meetingId: number; itemId: number; dossierId: number } {
  const dossierId = env.dossier(0);
  const { meetingId, itemId } = env.meeting({
    date: '2026-03-10',
    attendance: fullTable,
    dossiers: [dossierId],
  });
  return { meetingId, itemId, dossierId };
}

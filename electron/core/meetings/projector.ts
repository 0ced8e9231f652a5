import crypto from 'node:crypto';
import type { ProjectorControl, ProjectorView } from '../../../shared/contract/meetings';
import { DossierStatus, Track } from '../../../shared/domain/dossier';
import type { Db } from '../db/open';
import { getSetting } from '../settings/settings';
import { listItems } from './repo';

/** How long a projector's wait lasts without a change; it then asks again (and sees dossier edits). */
export const PROJECTOR_WAIT_MS = 25_000;

/**
 * The projector's live state, in memory: what the chair shows besides the current item (which lives in
 * meetings.current_item_id, so it survives a restart). Every change bumps `version` and wakes every
 * waiting projector at once; that is how the beamer follows the chair within milliseconds without
 * polling. The version starts at a random number so a projector that waited on a previous backend
 * never mistakes the new one's state for the one it already shows.
 */
export class ProjectorHub {
  private version = crypto.randomInt(1, 2 ** 30);
  private waiters = new Set<() => void>();
  blackout = false;
  revealedItemId: number | null = null;
  decisionText: string | null = null;

  get current(): number {
    return this.version;
  }

  control(): ProjectorControl {
    return {
      version: this.version,
      blackout: this.blackout,
      revealedItemId: this.revealedItemId,
      decisionText: this.decisionText,
    };
  }

  /** Something the room sees changed: wake every waiting projector. */
  bump(): void {
    this.version++;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  /** The chair moved to another item (or the meeting started or ended): a reveal or decision text never carries over. */
  itemChanged(): void {
    this.revealedItemId = null;
    this.decisionText = null;
    this.bump();
  }

  /** Resolves at once when the projector is behind, else at the next change or after `timeoutMs`. */
  wait(sinceVersion: number, timeoutMs = PROJECTOR_WAIT_MS): Promise<void> {
    if (sinceVersion !== this.version) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      timer.unref?.();
      this.waiters.add(wake);
    });
  }
}

interface CurrentRow {
  id: number;
  date: string;
  current_item_id: number | null;
}

interface DossierRow {
  name: string;
  track: string;
  status: string;
  stuck: number;
  on_hold: number;
}

/**
 * What the beamer shows now, read fresh from the database: the running meeting's current item,
 * pseudonymised. Only columns that may be on a wall are read at all (no V-nummer, no date of birth,
 * nothing from dossier_special); the name only when the chair reveals it for this very item.
 */
export function projectorView(db: Db, hub: ProjectorHub): ProjectorView {
  const base = { version: hub.current, blackout: hub.blackout, decisionText: null };
  if (hub.blackout) return { ...base, meeting: null, item: null };
  const m = db
    .prepare(
      `SELECT id, date, current_item_id FROM meetings WHERE state = 'bezig' ORDER BY date DESC, id DESC LIMIT 1`,
    )
    .get() as CurrentRow | undefined;
  if (!m) return { ...base, meeting: null, item: null };
  const meeting = { id: m.id, date: m.date, city: getSetting(db, 'city') };
  const items = listItems(db, m.id);
  const index = items.findIndex((i) => i.id === m.current_item_id);
  const item = items[index];
  if (!item) return { ...base, meeting, item: null };
  const d =
    item.dossierId === null
      ? undefined
      : (db
          .prepare('SELECT name, track, status, stuck, on_hold FROM dossiers WHERE id = ?')
          .get(item.dossierId) as DossierRow | undefined);
  return {
    ...base,
    decisionText: hub.decisionText,
    meeting,
    item: {
      id: item.id,
      number: index + 1,
      total: items.length,
      kind: item.kind,
      label: item.label,
      name: d && hub.revealedItemId === item.id ? d.name : null,
      track: d ? Track.parse(d.track) : null,
      status: d ? DossierStatus.parse(d.status) : null,
      stuck: d?.stuck === 1,
      onHold: d?.on_hold === 1,
      reasons: item.reasons,
      plannedMinutes: item.plannedMinutes,
    },
  };
}

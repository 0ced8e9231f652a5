import { OrganisationKind } from '../../../shared/domain/roles';
import type { Organisation } from '../../../shared/domain/environment';
import type { Db } from '../db/open';
import { all, exists, insert, one, rows, run, value } from '../db/sql';

/** SQL for the organisations at the table. The order everywhere is the table's own (sort_order, id). */

interface OrganisationRow {
  id: number;
  name: string;
  kind: string;
  active: number;
  sees_special: number;
}

export interface OrganisationRef {
  id: number;
  name: string;
}

export function listOrganisations(db: Db): Organisation[] {
  return all<OrganisationRow>(
    db,
    'SELECT id, name, kind, active, sees_special FROM organisations ORDER BY sort_order, id',
  ).map((r) => ({
    id: r.id,
    name: r.name,
    kind: OrganisationKind.parse(r.kind),
    active: r.active === 1,
    seesSpecialCategories: r.sees_special === 1,
  }));
}

export function organisationExists(db: Db, id: number): boolean {
  return exists(db, 'SELECT 1 FROM organisations WHERE id = ?', id);
}

export function organisationName(db: Db, id: number): string | undefined {
  return value<string>(db, 'SELECT name FROM organisations WHERE id = ?', id);
}

/** Every organisation's name by id, including inactive ones (old records still name them). */
export function organisationNames(db: Db): Map<number, string> {
  return new Map(rows<[number, string]>(db, 'SELECT id, name FROM organisations'));
}

/** All organisations, id and name, in table order. */
export function organisationRefs(db: Db): OrganisationRef[] {
  return all<OrganisationRef>(db, 'SELECT id, name FROM organisations ORDER BY sort_order, id');
}

/** The organisations recorded in a meeting's attendance (whatever their presence), in table order. */
export function organisationsInAttendance(db: Db, meetingId: number): OrganisationRef[] {
  return all<OrganisationRef>(
    db,
    `SELECT o.id, o.name FROM attendance a JOIN organisations o ON o.id = a.organisation_id
      WHERE a.meeting_id = ? ORDER BY o.sort_order, o.id`,
    meetingId,
  );
}

/** Whether the organisation may see special-category data (read each time: the beheerder may change it). */
export function seesSpecial(db: Db, id: number): boolean {
  return (
    one<{ sees_special: number }>(db, 'SELECT sees_special FROM organisations WHERE id = ?', id)
      ?.sees_special === 1
  );
}

/** The names of the active organisations that hold special-category data. */
export function specialHolderNames(db: Db): string[] {
  return all<{ name: string }>(
    db,
    'SELECT name FROM organisations WHERE sees_special = 1 AND active = 1 ORDER BY sort_order, id',
  ).map((o) => o.name);
}

/** Adds an organisation; a GGD sees special-category data from the start. */
export function insertOrganisation(
  db: Db,
  o: { name: string; kind: OrganisationKind; sortOrder: number },
): number {
  return insert(
    db,
    'INSERT INTO organisations (name, kind, sees_special, sort_order) VALUES (?, ?, ?, ?)',
    o.name,
    o.kind,
    o.kind === 'ggd' ? 1 : 0,
    o.sortOrder,
  );
}

export function organisationNameTaken(db: Db, name: string): boolean {
  return exists(db, 'SELECT 1 FROM organisations WHERE name = ?', name);
}

export function nextSortOrder(db: Db): number {
  return value<number>(db, 'SELECT coalesce(max(sort_order), 0) + 1 FROM organisations') ?? 1;
}

/** Returns whether the organisation exists. */
export function setSeesSpecial(db: Db, id: number, seesSpecial: boolean): boolean {
  return run(db, 'UPDATE organisations SET sees_special = ? WHERE id = ?', seesSpecial ? 1 : 0, id) > 0;
}

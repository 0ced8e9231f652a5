import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open';

type Statement = Database.Statement<unknown[]>;

/*
 * A small typed layer over prepared statements, in the spirit of Signal Desktop's ts/sql/util.ts and
 * Actual Budget's db.first<T>: repositories say what a row looks like once (`one<Row>(db, sql, …)`)
 * instead of casting `.get() as {…} | undefined` at every call.
 *
 * Statements are prepared once per connection and SQL text: a WeakMap keyed by the connection holds
 * them, so a closed (and dropped) connection takes its statements with it and a new connection (after
 * a lock and unlock) never sees a statement of the old one. The row type is the caller's promise about
 * its own SELECT; nothing checks it at run time, so keep the SQL and the type side by side.
 */

/** A value SQLite binds: better-sqlite3 turns booleans and undefined into errors, so they are excluded. */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;
/** Positional values, or one object for named parameters (`@name`). */
export type SqlParams = (SqlValue | Record<string, SqlValue>)[];

type Mode = 'row' | 'pluck' | 'raw';
const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for this connection and SQL text, in the given result mode (cached). */
export function statement(db: Db, sql: string, mode: Mode = 'row'): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  // pluck() and raw() switch a statement's mode for good, so each mode has its own statement.
  const key = `${mode}\0${sql}`;
  let stmt = byText.get(key);
  if (!stmt) {
    stmt = db.prepare<unknown[]>(sql);
    if (mode === 'pluck') stmt.pluck();
    else if (mode === 'raw') stmt.raw();
    byText.set(key, stmt);
  }
  return stmt;
}

/** The first row of a query, or undefined. */
export function one<T>(db: Db, sql: string, ...params: SqlParams): T | undefined {
  return statement(db, sql).get(...params) as T | undefined;
}

/** Every row of a query. */
export function all<T>(db: Db, sql: string, ...params: SqlParams): T[] {
  return statement(db, sql).all(...params) as T[];
}

/** The first column of the first row (e.g. `SELECT max(date) …`), or undefined when there is no row. */
export function value<T>(db: Db, sql: string, ...params: SqlParams): T | undefined {
  return statement(db, sql, 'pluck').get(...params) as T | undefined;
}

/** The first column of every row (e.g. a list of ids). */
export function values<T>(db: Db, sql: string, ...params: SqlParams): T[] {
  return statement(db, sql, 'pluck').all(...params) as T[];
}

/** Every row as an array of column values, in SELECT order. */
export function rows<T extends unknown[]>(db: Db, sql: string, ...params: SqlParams): T[] {
  return statement(db, sql, 'raw').all(...params) as T[];
}

/** Runs a statement that returns no rows; returns the number of rows it changed. */
export function run(db: Db, sql: string, ...params: SqlParams): number {
  return statement(db, sql).run(...params).changes;
}

/** Runs an INSERT and returns the new row's id. */
export function insert(db: Db, sql: string, ...params: SqlParams): number {
  return Number(statement(db, sql).run(...params).lastInsertRowid);
}

/** Whether a query returns at least one row (`SELECT 1 FROM … WHERE …`). */
export function exists(db: Db, sql: string, ...params: SqlParams): boolean {
  return statement(db, sql, 'pluck').get(...params) !== undefined;
}

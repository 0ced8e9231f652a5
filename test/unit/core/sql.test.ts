import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { all, exists, insert, one, rows, run, statement, value, values } from '../../../electron/core/db/sql';

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function memoryDb(): Db {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)');
  open.push(db);
  return db;
}

describe('typed SQL helper', () => {
  it('inserts, reads one row, all rows, a single value and raw rows', () => {
    const db = memoryDb();
    const a = insert(db, 'INSERT INTO t (name, n) VALUES (?, ?)', 'a', 1);
    const b = insert(db, 'INSERT INTO t (name, n) VALUES (@name, @n)', { name: 'b', n: 2 });
    expect([a, b]).toEqual([1, 2]);
    expect(one<{ name: string }>(db, 'SELECT name FROM t WHERE id = ?', b)).toEqual({ name: 'b' });
    expect(one(db, 'SELECT name FROM t WHERE id = ?', 99)).toBeUndefined();
    expect(all<{ id: number }>(db, 'SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(value<number>(db, 'SELECT max(n) FROM t')).toBe(2);
    expect(values<string>(db, 'SELECT name FROM t ORDER BY id')).toEqual(['a', 'b']);
    expect(rows<[number, string]>(db, 'SELECT id, name FROM t ORDER BY id')).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(exists(db, 'SELECT 1 FROM t WHERE name = ?', 'a')).toBe(true);
    expect(exists(db, 'SELECT 1 FROM t WHERE name = ?', 'z')).toBe(false);
    expect(run(db, 'UPDATE t SET n = n + 1')).toBe(2);
  });

  it('prepares a statement once per connection and mode, never sharing one between connections', () => {
    const db = memoryDb();
    const other = memoryDb();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(statement(db, sql)).toBe(statement(db, sql));
    expect(statement(db, sql, 'pluck')).not.toBe(statement(db, sql));
    expect(statement(other, sql)).not.toBe(statement(db, sql));
    // A plucked read must not turn the row read of the same SQL into a plucked one.
    insert(db, 'INSERT INTO t (name) VALUES (?)', 'x');
    expect(value<string>(db, sql, 1)).toBe('x');
    expect(one<{ name: string }>(db, sql, 1)).toEqual({ name: 'x' });
  });
});

// The driver's package.json "exports" hides its own index.d.ts from TypeScript's module resolution.
// It is API-compatible with better-sqlite3, so we borrow that package's maintained type definitions.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}

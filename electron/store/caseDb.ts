/**
 * Opening a case database: one SQLite file per case, WAL, foreign keys on, migrated to the newest schema.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type CaseDb = Database.Database;

export const CASE_DB_FILE = 'case.sqlite';
export const VAULT_DIR = 'vault';

export function caseDbPath(caseDir: string): string {
  return path.join(caseDir, CASE_DB_FILE);
}

export function isCaseDir(caseDir: string): boolean {
  return fs.existsSync(caseDbPath(caseDir));
}

export function openCaseDb(caseDir: string, options: { create?: boolean } = {}): CaseDb {
  const file = caseDbPath(caseDir);
  if (!options.create && !fs.existsSync(file)) throw new Error(`no case database at ${file}`);
  // The Electron window runs the services under Electron's ABI and passes its own build of the binding.
  const nativeBinding = process.env.FACEAUDIT_SQLITE_BINDING;
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A busy timeout lets the CLI and a running host share a case without "database is locked" failures.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: CaseDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

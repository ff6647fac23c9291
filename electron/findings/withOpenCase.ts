/** withCase for work that awaits (writing an XLSX): the database stays open until the promise settles. */
import type { CaseDb } from '../store/caseDb';
import { openCase } from '../store/caseStore';

export async function withOpenCase<T>(caseDir: string, fn: (db: CaseDb) => Promise<T>): Promise<T> {
  const db = openCase(caseDir);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

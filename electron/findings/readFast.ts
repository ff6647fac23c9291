/**
 * Connection settings for the findings' whole-table reads: memory-mapped I/O (the figures scan captures and the
 * face index end to end; mapping saves a copy per page) and a larger page cache for the queries of one request.
 * Per connection only: nothing in the case file changes.
 */
import type { CaseDb } from '../store/caseDb';

export function readFast(db: CaseDb): void {
  db.pragma('mmap_size = 1073741824');
  db.pragma('cache_size = -65536');
  // The working set's copies (workingSet.ts) live in memory. Setting it again to the same value changes nothing
  // (a change would drop existing temp tables).
  db.pragma('temp_store = MEMORY');
}

/** Migration 3: the face engine's results (owned by the face-engine work, issue 4). */
export const MIGRATION_003 = `SELECT 1;`;

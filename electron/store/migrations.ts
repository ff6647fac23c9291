/**
 * Numbered schema migrations for a case database. A migration is never edited once it has shipped:
 * a change to the schema is a new entry at the end, so every case file can be brought forward.
 * Each lives in its own file under schema/, named by its number.
 */
import { MIGRATION_001 } from './schema/001_foundation';
import { MIGRATION_002 } from './schema/002_import';
import { MIGRATION_003 } from './schema/003_faces';
import { MIGRATION_004 } from './schema/004_identities';
import { MIGRATION_005 } from './schema/005_findings_indexes';
import { MIGRATION_006 } from './schema/006_documents';
import { MIGRATION_007 } from './schema/007_case_fields';

export const MIGRATIONS: readonly string[] = [MIGRATION_001, MIGRATION_002, MIGRATION_003, MIGRATION_004, MIGRATION_005, MIGRATION_006, MIGRATION_007];

/**
 * Everything a draft is written from, read once from the case: the case record, the document fields, the findings
 * (figures with provenance, the platform's own counts) and the evidence list.
 */
import type { CaseInfo, Stats } from '../../../shared/api';
import { defaultFields, type DocumentFields } from '../../../shared/documents/fields';
import { figureTable, type FigureTable } from '../../../shared/documents/figureTokens';
import { platformComparison } from '../../findings/platformCounts';
import { computeStats } from '../../findings/stats';
import type { CaseDb } from '../../store/caseDb';
import { readCaseInfo } from '../../store/caseStore';
import { evidenceItems, type EvidenceItem } from './evidenceItems';

export interface DraftContext {
  info: CaseInfo;
  fields: DocumentFields;
  stats: Stats;
  /** Every figure a draft may cite, as printed, with its provenance. */
  table: FigureTable;
  evidence: EvidenceItem[];
}

/** The case's figures as documents cite them. */
export function caseFigures(db: CaseDb): { stats: Stats; table: FigureTable } {
  const stats = computeStats(db);
  return { stats, table: figureTable(stats, platformComparison(db, stats)) };
}

/** `fields`: the document's saved fields; without them, defaults from the case record and its last capture. */
export function loadDraftContext(db: CaseDb, fields?: DocumentFields): DraftContext {
  const info = readCaseInfo(db);
  const { stats, table } = caseFigures(db);
  return { info, fields: fields ?? defaultFields(info, stats.period.last), stats, table, evidence: evidenceItems(db) };
}

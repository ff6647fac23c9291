/**
 * Everything the case overview draws, in one request: the figures, the heat map, the whole-period timeline and the
 * platform comparison share one connection, so the captures and the person-capture pairs are copied into memory
 * once (workingSet.ts) instead of once per chart.
 */
import type { FindingsOverview } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { heatMap } from './heatMap';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';
import { timeline } from './timeline';

export function findingsOverview(db: CaseDb): FindingsOverview {
  return {
    stats: computeStats(db),
    heatmap: heatMap(db),
    timeline: timeline(db, { buckets: 240 }),
    platform: platformComparison(db),
  };
}

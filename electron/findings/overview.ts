/**
 * Everything the case overview draws, in one request: the figures, the heat map, the whole-period timeline and the
 * platform comparison share one connection, so the per-person summaries are checked once (workingSet.ts).
 */
import type { FindingsOverview } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { FigureLog } from './figureLog';
import { heatMap } from './heatMap';
import { repeatVisitors } from './repeatVisitors';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';
import { timeline } from './timeline';

export function findingsOverview(db: CaseDb): FindingsOverview {
  const stats = computeStats(db);
  let repeat: FindingsOverview['repeatVisitors'] = null;
  if (stats.identity.state !== 'none') {
    const log = new FigureLog(db, stats.identity, stats.computedAt);
    const items = repeatVisitors(log, stats.visitGapMinutes);
    repeat = { items, provenance: log.provenance['repeatVisitors.list']! };
  }
  return {
    stats,
    heatmap: heatMap(db),
    timeline: timeline(db, { buckets: 240 }),
    platform: platformComparison(db, stats),
    repeatVisitors: repeat,
  };
}

/**
 * The visitors who came back (two visits or more, the same visit rule as the figures), most visits first: the
 * names behind the "repeat visitors" figure, each opening that person's visits.
 */
import type { RepeatVisitor } from '../../shared/findingsApi';
import type { FigureLog } from './figureLog';
import { visitorSummaries } from './visitFigures';

export function repeatVisitors(log: FigureLog, gapMinutes: number, limit = 50): RepeatVisitor[] {
  return log.all<RepeatVisitor>(
    ['repeatVisitors.list'],
    `SELECT v.person_id AS personId, p.label AS label, v.visits AS visits, v.captures AS captures, v.firstMs AS firstMs, v.lastMs AS lastMs
       FROM (${visitorSummaries(gapMinutes * 60_000)}) v
       JOIN persons p ON p.id = v.person_id
      WHERE v.visits >= 2
      ORDER BY v.visits DESC, v.captures DESC, p.label LIMIT @limit`,
    { gapMs: gapMinutes * 60_000, gapMinutes, limit },
    { persons: true, note: 'visitors with two visits or more, most visits first' },
  );
}


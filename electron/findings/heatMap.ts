/**
 * Captures by hour of day × day of week, in the case zone's wall-clock time (the hour is read from the stored
 * local time, the weekday from the local date), so "Saturday 10:00" means what the office's clock said.
 */
import type { HeatMap } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { FigureLog } from './figureLog';
import { readFast } from './readFast';
import { CAPTURES } from './workingSet';

export const HOUR_OF = (alias: string) => `CAST(substr(${alias}.captured_at, 12, 2) AS INTEGER)`;
export const WEEKDAY_OF = (alias: string) => `CAST(strftime('%w', ${alias}.local_date) AS INTEGER)`;

export function heatMap(db: CaseDb): HeatMap {
  readFast(db);
  const log = new FigureLog(db, { runId: null, decisions: 0 });
  const cells = log.all<HeatMap['cells'][number]>(
    ['heatmap'],
    `SELECT ${WEEKDAY_OF('c')} AS weekday, ${HOUR_OF('c')} AS hour, COUNT(*) AS captures
       FROM ${CAPTURES} c GROUP BY weekday, hour ORDER BY weekday, hour`,
    {},
    { note: 'captures by local day of week (0 = Sunday) and local hour' },
  );
  return { cells, provenance: log.provenance.heatmap! };
}

/**
 * Captures by hour of day × day of week, in the case zone's wall-clock time (the hour is read from the stored
 * local time, the weekday from the local date), so "Saturday 10:00" means what the office's clock said.
 */
import type { HeatMap } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { FigureLog } from './figureLog';
import { WEEKDAY_OF } from './localClock';
import { readFast } from './readFast';
import { DAY_HOURS } from './workingSet';

export { HOUR_OF, WEEKDAY_OF } from './localClock';

export function heatMap(db: CaseDb): HeatMap {
  readFast(db);
  const log = new FigureLog(db, { runId: null, decisions: 0 });
  const cells = log.all<HeatMap['cells'][number]>(
    ['heatmap'],
    // Captures per day and hour (a summary), then per weekday and hour.
    `SELECT ${WEEKDAY_OF('d')} AS weekday, d.hour AS hour, SUM(d.n) AS captures
       FROM ${DAY_HOURS} d GROUP BY weekday, hour ORDER BY weekday, hour`,
    {},
    { note: 'captures by local day of week (0 = Sunday) and local hour' },
  );
  return { cells, provenance: log.provenance.heatmap! };
}

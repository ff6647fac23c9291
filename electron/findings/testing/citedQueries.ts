/**
 * For tests: every figure's query run as the services run it (on the working set or the summaries) and as its
 * provenance cites it (on the case's own tables) must give the same rows; a figure that could not be re-run from
 * its citation is not evidence.
 */
import { expect } from 'vitest';
import type { CaseDb } from '../../store/caseDb';
import { cameraFigures, zoneFigures } from '../cameraFigures';
import { captureFigures } from '../captureFigures';
import { FigureLog } from '../figureLog';
import { identityState } from '../identityState';
import { personFigures } from '../personFigures';
import { visitFigures } from '../visitFigures';
import { citable, runnable } from '../workingSet';

/** Checks each logged figure's cited rows against its run rows; returns how many figures were logged. */
export function expectCitedEqualsRun(db: CaseDb): number {
  const log = new FigureLog(db, identityState(db));
  captureFigures(log);
  cameraFigures(log, 'Asia/Shanghai');
  zoneFigures(log, 'Asia/Shanghai', true);
  personFigures(log);
  visitFigures(log, 30);
  for (const [figure, { sql, params, run }] of Object.entries(log.queries)) {
    if (!sql.startsWith('SELECT')) continue; // personsRange cites the run's stored sensitivity points
    expect(db.prepare(runnable(db, run ?? sql)).all(params), figure).toEqual(db.prepare(citable(sql)).all(params));
    expect(log.provenance[figure]!.sql, figure).not.toContain('temp.');
  }
  return Object.keys(log.queries).length;
}

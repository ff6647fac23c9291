/**
 * The case's figures, each with the query that produced it (Stats.provenance): the evidence (captures, cameras,
 * zones, period, per day, images, videos, faces, authentication records) and, once clustering has run, the people
 * in it (persons, staff, visitors, their range, authenticated persons, visits, per day).
 */
import type { Stats } from '../../shared/api';
import type { CaseDb } from '../store/caseDb';
import { readCaseInfo } from '../store/caseStore';
import { captureFigures } from './captureFigures';
import { cameraFigures, zoneFigures } from './cameraFigures';
import { FigureLog } from './figureLog';
import { identityState } from './identityState';
import { readFast } from './readFast';
import { personFigures } from './personFigures';
import { DEFAULT_GAP_MINUTES, visitFigures } from './visitFigures';

export function computeStats(db: CaseDb, opts: { gapMinutes?: number } = {}): Stats {
  const gapMinutes = opts.gapMinutes ?? DEFAULT_GAP_MINUTES;
  const timezone = readCaseInfo(db).timezone;
  readFast(db);
  const identity = identityState(db);
  const log = new FigureLog(db, identity);
  const evidence = captureFigures(log);
  const cameras = cameraFigures(log, timezone);
  const withPersons = identity.state !== 'none';
  const zones = zoneFigures(log, timezone, withPersons);
  const people = withPersons ? personFigures(log) : null;
  const visits = withPersons ? visitFigures(log, gapMinutes) : null;
  return {
    captures: evidence.captures,
    cameras,
    period: evidence.period,
    daysActive: evidence.daysActive,
    perDay: evidence.perDay.map((d) => {
      const p = people?.perDay.get(d.date);
      return { ...d, persons: people ? (p?.persons ?? 0) : null, visitors: people ? (p?.visitors ?? 0) : null };
    }),
    capturesWithoutImage: evidence.capturesWithoutImage,
    timezone,
    images: evidence.images,
    videos: evidence.videos,
    faces: evidence.faces,
    persons: people?.persons ?? null,
    staff: people?.staff ?? null,
    visitors: people?.visitors ?? null,
    personsRange: people?.personsRange ?? null,
    authentications: evidence.authentications,
    authenticatedPersons: people?.authenticatedPersons ?? null,
    repeatVisitors: visits?.repeatVisitors ?? null,
    visits: visits?.visits ?? null,
    visitGapMinutes: gapMinutes,
    zones,
    identity,
    computedAt: log.computedAt,
    provenance: log.provenance,
  };
}

/**
 * The tables a user can export, built from the same functions as the views (so an exported table is the figure
 * the screen showed), each with the provenance of its numbers.
 */
import type { ExportTable, CaptureFilter, Provenance } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { findCaptures } from './findCaptures';
import { heatMap } from './heatMap';
import { HEADLINE_FIGURES, label, weekdayName, type ExportLang, type HeadlineFigure, type LabelKey } from './exportLabels';
import { personVisits } from './personVisits';
import { platformComparison } from './platformCounts';
import { computeStats } from './stats';

export type Cell = string | number | null;

export interface TableData {
  title: string;
  columns: string[];
  rows: Cell[][];
  provenance: Array<{ figure: string; provenance: Provenance }>;
}

export interface TableQuery {
  table: ExportTable;
  lang: ExportLang;
  filter?: CaptureFilter;
  personId?: number;
}

const MAX_CAPTURE_ROWS = 500_000;

export function buildTable(db: CaseDb, q: TableQuery): TableData {
  const L = (key: LabelKey) => label(key, q.lang);
  const title = L(`title.${q.table}` as LabelKey);
  switch (q.table) {
    case 'headline': {
      const stats = computeStats(db);
      const value = (figure: HeadlineFigure): Cell => {
        if (figure === 'cameras') return stats.cameras.length;
        if (figure === 'period.first') return stats.period.first;
        if (figure === 'period.last') return stats.period.last;
        if (figure === 'personsRange') return stats.personsRange ? `${stats.personsRange.low}–${stats.personsRange.high}` : null;
        return stats[figure];
      };
      const figures = Object.keys(HEADLINE_FIGURES) as HeadlineFigure[];
      const prov = (figure: string) => stats.provenance[figure === 'cameras' ? 'cameras' : figure];
      return {
        title,
        columns: [L('figure'), L('value'), L('provenance'), L('params'), L('identityRun'), L('decisions'), L('computedAt')],
        rows: figures.map((f) => {
          const p = prov(f);
          return [HEADLINE_FIGURES[f][q.lang === 'zh' ? 0 : 1], value(f), p?.sql ?? null, p ? JSON.stringify(p.params) : null, p?.identityRun ?? null, p?.decisions ?? null, p?.computedAt ?? null];
        }),
        provenance: [],
      };
    }
    case 'perDay': {
      const stats = computeStats(db);
      return {
        title,
        columns: [L('date'), L('captures'), L('persons'), L('visitors')],
        rows: stats.perDay.map((d) => [d.date, d.captures, d.persons, d.visitors]),
        provenance: pick(stats.provenance, ['perDay.captures', 'perDay.persons']),
      };
    }
    case 'cameras': {
      const stats = computeStats(db);
      return {
        title,
        columns: [L('cameraId'), L('cameraName'), L('zone'), L('captures'), L('first'), L('last'), L('activeDays')],
        rows: stats.cameras.map((c) => [c.id, c.name, c.zone, c.captures, c.first, c.last, c.activeDays]),
        provenance: pick(stats.provenance, ['cameras']),
      };
    }
    case 'zones': {
      const stats = computeStats(db);
      return {
        title,
        columns: [L('zone'), L('cameras'), L('captures'), L('first'), L('last'), L('activeDays'), L('persons')],
        rows: stats.zones.map((z) => [z.zone, z.cameras, z.captures, z.first, z.last, z.activeDays, z.persons]),
        provenance: pick(stats.provenance, ['zones', 'zones.persons']),
      };
    }
    case 'heatmap': {
      const map = heatMap(db);
      const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
      for (const c of map.cells) grid[c.weekday]![c.hour] = c.captures;
      // Monday first, as Chinese calendars print the week.
      const order = [1, 2, 3, 4, 5, 6, 0];
      return {
        title,
        columns: [L('weekday'), ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`)],
        rows: order.map((d) => [weekdayName(d, q.lang), ...grid[d]!]),
        provenance: [{ figure: 'heatmap', provenance: map.provenance }],
      };
    }
    case 'platform': {
      const cmp = platformComparison(db);
      return {
        title,
        columns: [L('item'), L('platform'), L('ours'), L('difference')],
        rows: cmp.rows.map((r) => [L(`platform.${r.key}` as LabelKey), r.platform, r.ours, r.difference]),
        provenance: cmp.rows.flatMap((r) => [
          ...(r.platformProvenance ? [{ figure: `platform.${r.key}`, provenance: r.platformProvenance }] : []),
          ...(r.oursProvenance ? [{ figure: `ours.${r.key}`, provenance: r.oursProvenance }] : []),
        ]),
      };
    }
    case 'visits': {
      const visits = personVisits(db, q.personId ?? -1, 30);
      return {
        title: `${title} ${visits.person.label}`,
        columns: [L('person'), L('visit'), L('start'), L('end'), L('captures'), L('cameras')],
        rows: visits.visits.map((v) => [visits.person.label, v.index, v.start, v.end, v.captures, v.cameras.join(' ')]),
        provenance: [{ figure: 'visits', provenance: visits.provenance }],
      };
    }
    case 'captures': {
      const { items } = findCaptures(db, q.filter ?? {}, { offset: 0, limit: MAX_CAPTURE_ROWS });
      return {
        title,
        columns: [L('captureId'), L('time'), L('cameraId'), L('cameraName'), L('zone'), L('image'), L('sha256'), L('sheet'), L('row'), L('person')],
        rows: items.map((c) => [c.id, c.capturedAt, c.cameraId, c.cameraName, c.zone, c.imagePath, c.sha256, c.sheetPath, c.sheetRow, c.persons.join(' ')]),
        provenance: [],
      };
    }
  }
}

function pick(all: Record<string, Provenance>, figures: string[]): TableData['provenance'] {
  return figures.filter((f) => all[f]).map((figure) => ({ figure, provenance: all[figure]! }));
}

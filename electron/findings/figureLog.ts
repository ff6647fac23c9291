/**
 * Runs the queries behind figures and keeps each figure's provenance beside its value: the SQL on the case's own
 * tables that gives the figure, its parameters, the clustering run and review decisions it reflects (person figures
 * only), and the time. The SQL run is that one, or the same query read from the summaries kept in the case
 * (workingSet.ts, summaries.ts), which give the same rows (the tests re-run every cited query against the figure).
 * A drafter cites the figure; anyone with the case folder can re-run the SQL and get the same number.
 */
import type { Provenance } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import type { SummaryPart } from './summaries';
import { citable, prepareSummaries, runnable } from './workingSet';

export type Params = Record<string, string | number | null>;

/**
 * How a figure is read from the summaries kept in the case (summaries.ts) when they are up to date: the SQL run
 * instead of the one cited. Both give the same rows (findings.test.ts and summaries.test.ts check every figure).
 */
export interface FromSummary {
  parts: SummaryPart[];
  sql: string;
}

export interface FigureOpts {
  persons?: boolean;
  note?: string;
  summary?: FromSummary;
}

export interface IdentityRef {
  runId: number | null;
  decisions: number;
}

/** One line of SQL, as it is cited (the text run is the same, only whitespace differs). */
export function citeSql(sql: string): string {
  return citable(sql).replace(/\s+/gu, ' ').trim();
}

export class FigureLog {
  readonly provenance: Record<string, Provenance> = {};
  /** How long each query took (ms), by its first figure's name: for `npm run bench:findings`, never in a result. */
  readonly timings: Array<{ figure: string; ms: number }> = [];
  /**
   * Each figure's query as cited (with the working-set tokens), its parameters, and the SQL run instead when it was
   * read from the summaries: for tests and the bench.
   */
  readonly queries: Record<string, { sql: string; params: Params; run?: string }> = {};

  constructor(
    readonly db: CaseDb,
    readonly identity: IdentityRef,
    readonly computedAt = new Date().toISOString(),
  ) {}

  /** The provenance of a query, without running it (for figures computed elsewhere from the same SQL). */
  cite(sql: string, params: Params, opts: FigureOpts = {}): Provenance {
    return {
      sql: citeSql(sql),
      params,
      identityRun: opts.persons ? this.identity.runId : null,
      decisions: opts.persons ? this.identity.decisions : null,
      computedAt: this.computedAt,
      ...(opts.note ? { note: opts.note } : {}),
    };
  }

  /** Runs a one-row query and records it as the provenance of every figure named. */
  get<T>(figures: string[], sql: string, params: Params = {}, opts: FigureOpts = {}): T {
    const started = performance.now();
    const run = this.toRun(sql, opts);
    const row = this.db.prepare(runnable(this.db, run)).get(params) as T;
    this.timings.push({ figure: figures[0] ?? '', ms: performance.now() - started });
    this.record(figures, sql, params, opts, run);
    return row;
  }

  all<T>(figures: string[], sql: string, params: Params = {}, opts: FigureOpts = {}): T[] {
    const started = performance.now();
    const run = this.toRun(sql, opts);
    const rows = this.db.prepare(runnable(this.db, run)).all(params) as T[];
    this.timings.push({ figure: figures[0] ?? '', ms: performance.now() - started });
    this.record(figures, sql, params, opts, run);
    return rows;
  }

  /** The summary's SQL when the summaries it reads are up to date, else the query cited. */
  private toRun(sql: string, opts: FigureOpts): string {
    return opts.summary && prepareSummaries(this.db, opts.summary.parts) ? opts.summary.sql : sql;
  }

  record(figures: string[], sql: string, params: Params, opts: FigureOpts = {}, run = sql): void {
    const provenance = this.cite(sql, params, opts);
    for (const figure of figures) {
      this.provenance[figure] = provenance;
      this.queries[figure] = run === sql ? { sql, params } : { sql, params, run };
    }
  }
}

/**
 * Runs the queries behind figures and keeps each figure's provenance beside its value: the SQL exactly as run,
 * its parameters, the clustering run and review decisions it reflects (person figures only), and the time.
 * A drafter cites the figure; anyone with the case folder can re-run the SQL and get the same number.
 */
import type { Provenance } from '../../shared/findingsApi';
import type { CaseDb } from '../store/caseDb';
import { citable, runnable } from './workingSet';

export type Params = Record<string, string | number | null>;

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
  /** Each figure's query as written (with the working-set tokens) and its parameters: for tests and the bench. */
  readonly queries: Record<string, { sql: string; params: Params }> = {};

  constructor(
    readonly db: CaseDb,
    readonly identity: IdentityRef,
    readonly computedAt = new Date().toISOString(),
  ) {}

  /** The provenance of a query, without running it (for figures computed elsewhere from the same SQL). */
  cite(sql: string, params: Params, opts: { persons?: boolean; note?: string } = {}): Provenance {
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
  get<T>(figures: string[], sql: string, params: Params = {}, opts: { persons?: boolean; note?: string } = {}): T {
    const started = performance.now();
    const row = this.db.prepare(runnable(this.db, sql)).get(params) as T;
    this.timings.push({ figure: figures[0] ?? '', ms: performance.now() - started });
    this.record(figures, sql, params, opts);
    return row;
  }

  all<T>(figures: string[], sql: string, params: Params = {}, opts: { persons?: boolean; note?: string } = {}): T[] {
    const started = performance.now();
    const rows = this.db.prepare(runnable(this.db, sql)).all(params) as T[];
    this.timings.push({ figure: figures[0] ?? '', ms: performance.now() - started });
    this.record(figures, sql, params, opts);
    return rows;
  }

  record(figures: string[], sql: string, params: Params, opts: { persons?: boolean; note?: string } = {}): void {
    const provenance = this.cite(sql, params, opts);
    for (const figure of figures) {
      this.provenance[figure] = provenance;
      this.queries[figure] = { sql, params };
    }
  }
}

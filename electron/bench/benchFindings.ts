/**
 * `npm run bench:findings`: every dashboard query at case scale (124,200 captures), and the case overview fully
 * drawn in Chromium (headline cards, per-day chart, cameras, timeline, heat map, platform table). Printed, never
 * asserted; the goal is ≤ 100 ms a query and ≤ 1 s for the overview.
 *
 * The figures read summaries kept in the case (electron/findings/summaries.ts), brought up to date by the first
 * figure of a request. "computed" is a request on a fresh connection with the summaries up to date (a case opened
 * again in a new session, or after a job, which rebuilds them when it ends); "computed after an import / a review
 * decision / a clustering run" includes rebuilding what that change made stale (timed inside a transaction that
 * is rolled back, so the case is left as it was).
 *
 * Cases:
 *  - synthetic: written straight into a case database as import, face analysis and clustering would leave it
 *    (electron/findings/testing/largeCase.ts: rows as wide as real ones, 2 KB embeddings, ~16,700 persons), built
 *    once into .cache/bench-findings/synthetic;
 *  - real (when .cache/bench-identities has finished its analysis, i.e. analyze.json exists): a copy of that case
 *    database taken with SQLite's backup (the original is never written), in .cache/bench-findings/real.
 *
 *   npm run bench:findings [-- --captures 124200] [--runs 5] [--no-browser] [--no-real]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { captureFigures } from '../findings/captureFigures';
import { cameraFigures, zoneFigures } from '../findings/cameraFigures';
import { findCaptures } from '../findings/findCaptures';
import { FigureLog } from '../findings/figureLog';
import { heatMap } from '../findings/heatMap';
import { findingsOverview } from '../findings/overview';
import { caseFingerprint } from '../findings/overviewCache';
import { identityState } from '../findings/identityState';
import { personFigures } from '../findings/personFigures';
import { personVisits } from '../findings/personVisits';
import { platformComparison } from '../findings/platformCounts';
import { readFast } from '../findings/readFast';
import { computeStats } from '../findings/stats';
import { writeLargeFindingsCase } from '../findings/testing/largeCase';
import { timeline } from '../findings/timeline';
import { visitFigures } from '../findings/visitFigures';
import { refreshSummaries } from '../findings/summaries';
import { prepareSummaries } from '../findings/workingSet';
import { findRepoRoot } from '../sample/faces';
import { startBrowserHost, type BrowserHost } from '../testing/browserHost';
import { CASE_DB_FILE, VAULT_DIR, type CaseDb } from '../store/caseDb';
import { readCaseInfo, withCase } from '../store/caseStore';

const { values } = parseArgs({
  options: {
    captures: { type: 'string' },
    runs: { type: 'string' },
    'no-browser': { type: 'boolean' },
    'no-real': { type: 'boolean' },
  },
});
const captures = Number(values.captures ?? 124_200);
const runs = Number(values.runs ?? 5);
const root = findRepoRoot();
const benchDir = path.join(root, '.cache', 'bench-findings');

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Wall time, and this process's CPU time over the same stretch: on a shared machine (the load average is printed)
 * the wall time includes waiting for a core, the CPU time is what the work itself took.
 */
function timeIt(fn: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function medianOf(samples: Array<{ wall: number; cpu: number }>): { wall: number; cpu: number } {
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
}

function line(name: string, t: { wall: number; cpu?: number }): void {
  const cpu = t.cpu === undefined ? '' : `  cpu ${t.cpu.toFixed(1).padStart(7)} ms`;
  console.log(`  ${name.padEnd(44)} ${t.wall.toFixed(1).padStart(8)} ms${cpu}${Math.min(t.wall, t.cpu ?? t.wall) > 100 ? '  (over 100 ms)' : ''}`);
}

function syntheticCase(): string {
  const dir = path.join(benchDir, captures === 124_200 ? 'synthetic' : `synthetic-${captures}`);
  if (fs.existsSync(path.join(dir, 'built.json'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  console.log(`writing a synthetic ${captures}-capture case (once)…`);
  const built = writeLargeFindingsCase(dir, { captures });
  fs.writeFileSync(path.join(dir, 'built.json'), JSON.stringify(built, null, 2));
  return dir;
}

/** A copy of the identities bench case, refreshed when the original changed; the original is only read. */
async function realCase(): Promise<string | null> {
  const source = path.join(root, '.cache', 'bench-identities');
  if (!fs.existsSync(path.join(source, 'analyze.json'))) return null;
  const from = path.join(source, 'case', CASE_DB_FILE);
  const dir = path.join(benchDir, 'real');
  const to = path.join(dir, CASE_DB_FILE);
  const newest = Math.max(...[from, `${from}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs));
  if (!fs.existsSync(to) || fs.statSync(to).mtimeMs < newest) {
    console.log('copying the identities bench case (SQLite backup, read-only on the original)…');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, VAULT_DIR), { recursive: true });
    const db = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await db.backup(to);
    } finally {
      db.close();
    }
  }
  return dir;
}

/** Changes that make the summaries rebuild as an import, a clustering run or a review decision would. */
const AFTER_IMPORT = "UPDATE findings_summary_state SET built_from = 'an import' WHERE name = 'captures'";
const AFTER_CLUSTERING = "UPDATE findings_summary_state SET built_from = 'a clustering run' WHERE name = 'persons'";
const afterDecision = (personId: number) => `UPDATE persons SET updated_at = 'a review decision' WHERE id = ${personId}`;

function benchQueries(label: string, caseDir: string): void {
  withCase(caseDir, (db) => {
    readFast(db);
    const identity = identityState(db);
    const n = (db.prepare('SELECT COUNT(*) AS n FROM captures').get() as { n: number }).n;
    const faces = (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
    console.log(`\n${label}: ${n} captures, ${faces} faces, clustering ${identity.state}${identity.runId ? ` (run ${identity.runId})` : ''} — median of ${runs} runs`);
    const timezone = readCaseInfo(db).timezone;
    const withPersons = identity.state !== 'none';

    // The working set (workingSet.ts), on fresh connections: the copy each request makes, and the per-person
    // summaries kept in the case (personSummaries.ts): checked on every request, rebuilt for the persons that
    // changed. A rebuild is timed inside a transaction that is rolled back: the case is left as it was.
    const biggest = withPersons ? (db.prepare('SELECT id FROM persons WHERE active = 1 ORDER BY faces DESC LIMIT 1').get() as { id: number }).id : 0;
    type Sample = { wall: number; cpu: number };
    const copies = { check: [] as Sample[], captures: [] as Sample[], full: [] as Sample[], one: [] as Sample[] };
    for (let r = 0; r < runs; r++) {
      withCase(caseDir, (fresh) => {
        readFast(fresh);
        refreshSummaries(fresh);
        copies.check.push(timeIt(() => refreshSummaries(fresh)));
        const rolledBack = (change: string, into: Sample[]) => {
          fresh.exec('BEGIN');
          try {
            fresh.exec(change);
            into.push(timeIt(() => refreshSummaries(fresh)));
          } finally {
            fresh.exec('ROLLBACK');
          }
        };
        rolledBack(AFTER_IMPORT, copies.captures);
        if (!withPersons) return;
        rolledBack(AFTER_CLUSTERING, copies.full);
        rolledBack(afterDecision(biggest), copies.one);
      });
    }
    console.log(' summaries kept in the case (summaries.ts), brought up to date by the first figure of a request:');
    line('check, nothing changed', medianOf(copies.check));
    line('captures rebuilt (after an import)', medianOf(copies.captures));
    if (withPersons) {
      line('persons rebuilt (after a clustering run)', medianOf(copies.full));
      line('the largest person rebuilt (after a decision)', medianOf(copies.one));
    }

    // Each figure's query on the working set (FigureLog times every query it runs; the copies are made above).
    const perFigure = new Map<string, number[]>();
    prepareSummaries(db);
    for (let r = 0; r < runs; r++) {
      const log = new FigureLog(db, identity);
      captureFigures(log);
      cameraFigures(log, timezone);
      zoneFigures(log, timezone, withPersons);
      if (withPersons) {
        personFigures(log);
        visitFigures(log);
      }
      for (const t of log.timings) perFigure.set(t.figure, [...(perFigure.get(t.figure) ?? []), t.ms]);
    }
    console.log(' figure queries (stats.get runs them all):');
    for (const [figure, times] of perFigure) line(figure, { wall: median(times) });

    const stats = computeStats(db);
    const busiestDay = [...stats.perDay].sort((a, b) => b.captures - a.captures)[0]?.date ?? '';
    const busiestCell = [...heatMap(db).cells].sort((a, b) => b.captures - a.captures)[0];
    const person = withPersons
      ? (db.prepare('SELECT id FROM persons WHERE active = 1 ORDER BY captures DESC LIMIT 1 OFFSET 30').get() as { id: number } | undefined)?.id
      : undefined;
    const dayStart = Date.parse(`${busiestDay}T00:00:00+08:00`);
    // Each call as the service runs it: a fresh connection (opened and migrated), its own working-set copies.
    const call = (fn: (db: CaseDb) => unknown) => () => withCase(caseDir, fn);
    /** The overview computed as after a change that makes the summaries rebuild (rolled back afterwards). */
    const overviewAfter = (change: string) => call((d) => {
      readFast(d);
      d.exec('BEGIN');
      try {
        d.exec(change);
        prepareSummaries(d);
        return findingsOverview(d);
      } finally {
        d.exec('ROLLBACK');
      }
    });
    const calls: Array<[string, () => unknown]> = [
      ['findings.overview, computed (all the overview draws)', call((d) => {
        readFast(d);
        prepareSummaries(d);
        return d.transaction(() => findingsOverview(d))();
      })],
      ['findings.overview, computed after an import', overviewAfter(AFTER_IMPORT)],
      ...(withPersons ? [
        ['findings.overview, computed after a review decision', overviewAfter(afterDecision(biggest))],
        ['findings.overview, computed after a clustering run', overviewAfter(AFTER_CLUSTERING)],
      ] as Array<[string, () => unknown]> : []),
      ['findings.overview, unchanged case (cache check)', call((d) => caseFingerprint(d))],
      ['stats.get (all the figures above)', call((d) => computeStats(d))],
      ['findings.heatmap', call(heatMap)],
      ['findings.timeline, whole period', call((d) => timeline(d, { buckets: 240 }))],
      ['findings.timeline, busiest day', call((d) => timeline(d, { fromMs: dayStart, toMs: dayStart + 86_400_000, buckets: 240 }))],
      ['findings.timeline, one hour', call((d) => timeline(d, { fromMs: dayStart + 10 * 3_600_000, toMs: dayStart + 11 * 3_600_000, buckets: 240 }))],
      ['findings.platform', call(platformComparison)],
      ['findings.captures, busiest day, first page', call((d) => findCaptures(d, { date: busiestDay }, { offset: 0, limit: 500 }))],
      ['findings.captures, busiest heat cell', call((d) => findCaptures(d, { weekday: busiestCell?.weekday ?? 0, hour: busiestCell?.hour ?? 10 }, { offset: 0, limit: 500 }))],
      ['findings.captures, the busiest zone', call((d) => findCaptures(d, { zone: stats.zones[0]?.zone ?? '' }, { offset: 0, limit: 500 }))],
      ['findings.captures, a camera, last page', call((d) => findCaptures(d, { cameraId: stats.cameras[0]?.id ?? '' }, { offset: Math.max(0, (stats.cameras[0]?.captures ?? 0) - 500), limit: 500 }))],
    ];
    if (person !== undefined) {
      calls.push(['findings.personVisits', call((d) => personVisits(d, person, 30))]);
      calls.push(['findings.captures, a person', call((d) => findCaptures(d, { personId: person }, { offset: 0, limit: 500 }))]);
    }
    console.log(' API calls (each as the service runs it, on its own connection):');
    for (const [name, fn] of calls) line(name, medianOf(Array.from({ length: runs }, () => timeIt(fn))));
  });
}

/** What the page-side functions below use of the page (this file is type-checked for Node, without the DOM). */
interface PageGlobals {
  __t0: number;
  __headline?: number;
  performance: { now(): number };
  document: { querySelector(selector: string): unknown; querySelectorAll(selector: string): { length: number } };
  requestAnimationFrame(callback: () => void): void;
}

/** True once everything the overview shows is in the page; notes when the headline cards first appeared. */
function drawn(): boolean {
  const g = globalThis as unknown as PageGlobals;
  if (g.__headline === undefined && g.document.querySelector('[data-testid=stat-captures]')) g.__headline = g.performance.now();
  return (
    g.document.querySelectorAll('[data-testid=per-day-chart] .day-bar').length > 0 &&
    g.document.querySelectorAll('.camera-bar').length > 0 &&
    g.document.querySelectorAll('.timeline-cell').length > 0 &&
    g.document.querySelectorAll('.heat-cell').length > 0 &&
    g.document.querySelectorAll('[data-testid=platform-row]').length > 0
  );
}

/** After two animation frames (the drawn page has been painted): [ms since the click, ms to the headline cards]. */
function painted(): Promise<[number, number]> {
  const g = globalThis as unknown as PageGlobals;
  return new Promise((resolve) =>
    g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve([g.performance.now() - g.__t0, (g.__headline ?? NaN) - g.__t0]))),
  );
}

function markStart(): void {
  const g = globalThis as unknown as PageGlobals;
  g.__t0 = g.performance.now();
  g.__headline = undefined;
}

/** The browser host on a fresh workspace, as `npm run browser` starts it. */
function startHost(): Promise<BrowserHost> {
  return startBrowserHost(path.join(root, 'bin', 'faceaudit.js'), 'faceaudit-bench-ws-');
}

/**
 * From the click that opens the case to the overview fully drawn: the headline cards, a bar per day, every camera's
 * bar, the timeline's cells, the heat map's cells and the platform table, then two animation frames (painted).
 */
async function benchOverview(label: string, caseDir: string): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const host = await startHost();
  const browser = await chromium.launch({
    executablePath: process.env.FACEAUDIT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const times: number[] = [];
    const headline: number[] = [];
    for (let r = 0; r < Math.max(3, Math.min(runs, 5)); r++) {
      // A fresh page each time (the same address with only a new hash would not reload the app).
      await page.goto('about:blank');
      await page.goto(host.url);
      await page.getByTestId('open-case-dir').fill(caseDir);
      await page.evaluate(markStart);
      await page.getByTestId('open-case').click();
      await page.waitForFunction(drawn, undefined, { polling: 'raf', timeout: 60_000 });
      const [total, cards] = await page.evaluate(painted);
      times.push(total);
      headline.push(cards);
    }
    // The host is fresh: the first open computes the figures, the later ones find them unchanged (overviewCache.ts).
    const warm = times.slice(1);
    console.log(`\n${label}, overview in Chromium (each open a fresh page; click "open" → every chart drawn and painted):`);
    console.log(`  ${'first open (figures computed)'.padEnd(44)} ${times[0]!.toFixed(0).padStart(8)} ms  (headline cards at ${headline[0]!.toFixed(0)} ms)`);
    console.log(`  ${'reopened, case unchanged (median)'.padEnd(44)} ${median(warm).toFixed(0).padStart(8)} ms  (headline cards at ${median(headline.slice(1)).toFixed(0)} ms)  [${warm.map((t) => t.toFixed(0)).join(', ')}]`);
  } finally {
    await browser.close();
    host.stop();
  }
}

console.log(`bench:findings on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const synthetic = syntheticCase();
benchQueries('synthetic case', synthetic);
const real = values['no-real'] ? null : await realCase();
if (real) benchQueries('real case (.cache/bench-identities, copied)', real);
else if (!values['no-real']) console.log('\n(real case skipped: .cache/bench-identities has no analyze.json yet)');
if (!values['no-browser']) {
  await benchOverview('synthetic case', synthetic);
  if (real) await benchOverview('real case', real);
}
console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

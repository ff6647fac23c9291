/**
 * A clustering run over a case: load the faces, apply the analyst's decisions as constraints, group, then write
 * persons and assignments in one transaction. Person ids stay stable: each new group takes the id of the old person
 * it shares the most faces with, so roles, citations and decisions keep meaning the same person. Cancelling or
 * failing leaves the case as it was (nothing is written until the grouping is complete).
 */
import { UserError } from '../../shared/messages';
import { appendAudit } from '../audit/auditLog';
import type { CaseDb } from '../store/caseDb';
import { openCase } from '../store/caseStore';
import { loadCaseFaces } from './caseFaces';
import { clusterFaces, type ClusterOutput, type ClusterParams } from './clusterFaces';
import { defaultClusterParams } from './clusterParams';
import { groupingThreshold } from './clusterThresholds';
import { refreshPersonFigures } from './personAggregates';
import { reviewConstraints } from './reviewState';
import { SimilarityKernel } from './similarityKernel';

export interface ClusterProgress {
  phase: 'load' | 'neighbours' | 'grouping' | 'write';
  done: number;
  total: number;
}

export interface ClusterReport {
  runId: number;
  threshold: number;
  persons: number;
  faces: number;
  facesClustered: number;
  facesSetAside: number;
  /** Of those set aside: faces beside the largest in a platform record's image. */
  facesBystanders: number;
  facesAttached: number;
  decisionsApplied: number;
  sensitivity: ClusterOutput['sensitivity'];
  suggestions: number;
  seconds: number;
  /** Seconds per phase: load, the clustering's own phases, write. */
  timings: Record<string, number>;
}

export interface ClusterOptions {
  signal?: AbortSignal;
  onProgress?: (p: ClusterProgress) => void;
  /** Overrides for evaluation; a case's runs use the defaults. */
  params?: Partial<ClusterParams>;
}

const MAX_SUGGESTIONS = 5000;

export function personLabel(id: number): string {
  return `R${String(id).padStart(6, '0')}`;
}

export async function clusterCase(caseDir: string, options: ClusterOptions = {}): Promise<ClusterReport> {
  const started = performance.now();
  const db = openCase(caseDir);
  try {
    options.onProgress?.({ phase: 'load', done: 0, total: 1 });
    const loaded = loadCaseFaces(db);
    const loadSeconds = Math.round(performance.now() - started) / 1000;
    if (!loaded || loaded.faceIds.length === 0) throw new UserError('identities.noFaces');
    const grouping = groupingThreshold(loaded.modelId, loaded.sameThreshold);
    const params: ClusterParams = { ...defaultClusterParams(grouping.threshold, grouping.span), ...options.params };
    const mark = reviewMark(db);
    const constraints = reviewConstraints(db);
    const runId = Number(db.prepare(
      `INSERT INTO identity_runs (model_id, params, state, started_at, faces, decisions) VALUES (?, ?, 'running', ?, ?, ?)`,
    ).run(loaded.modelId, JSON.stringify({ ...params, thresholdBasis: grouping.basis, qualityFloor: loaded.floor, bystanders: loaded.bystanders }), new Date().toISOString(), loaded.faceIds.length, constraints.decisions).lastInsertRowid);
    appendAudit(db, 'identities.cluster.start', { runId, faces: loaded.faceIds.length, decisions: constraints.decisions, threshold: params.threshold });

    const index = (faceId: number) => loaded.indexOf.get(faceId);
    const confirmed = constraints.confirmed.map((g) => g.map(index).filter((i): i is number => i !== undefined));
    const tags = new Map<number, Array<[number, number]>>();
    for (const [faceId, list] of constraints.tags) {
      const i = index(faceId);
      if (i !== undefined) tags.set(i, list);
    }

    const kernel = new SimilarityKernel(loaded.dims);
    let out: ClusterOutput;
    try {
      out = await clusterFaces(kernel, {
        dims: loaded.dims, embeddings: loaded.embeddings, faces: loaded.faces, confirmed, tags, params, signal: options.signal,
        onProgress: (phase, done, total) => options.onProgress?.({ phase: phase === 'neighbours' ? 'neighbours' : 'grouping', done, total }),
      });
    } catch (error) {
      const cancelled = options.signal?.aborted === true;
      db.prepare(`UPDATE identity_runs SET state = ?, finished_at = ?, error = ? WHERE id = ?`)
        .run(cancelled ? 'cancelled' : 'failed', new Date().toISOString(), error instanceof Error ? error.message : String(error), runId);
      appendAudit(db, cancelled ? 'identities.cluster.cancelled' : 'identities.cluster.failed', { runId, error: error instanceof Error ? error.message : String(error) });
      throw cancelled ? new UserError('identities.cancelled') : error;
    } finally {
      await kernel.release();
    }

    options.onProgress?.({ phase: 'write', done: 0, total: 1 });
    const writeStarted = performance.now();
    const personOfGroup = matchGroupsToPersons(db, out, loaded.faceIds, constraints.personOfFace);
    const written = db.transaction(() => {
      // A decision made while the faces were being grouped is not in this grouping: writing it would lose it.
      if (reviewMark(db) !== mark) return false;
      writeRun(db, runId, out, loaded.faceIds, personOfGroup);
      return true;
    })();
    if (!written) {
      db.prepare(`UPDATE identity_runs SET state = 'failed', finished_at = ?, error = 'review changed during the run' WHERE id = ?`).run(new Date().toISOString(), runId);
      appendAudit(db, 'identities.cluster.failed', { runId, error: 'review changed during the run' });
      throw new UserError('identities.reviewChanged');
    }
    const report: ClusterReport = {
      runId, threshold: params.threshold, persons: out.groups, faces: out.counts.faces, facesClustered: out.counts.clustered,
      facesSetAside: out.counts.setAside, facesBystanders: loaded.bystanders, facesAttached: out.counts.attached, decisionsApplied: constraints.decisions,
      sensitivity: out.sensitivity, suggestions: Math.min(out.suggestions.length, MAX_SUGGESTIONS),
      seconds: Math.round(performance.now() - started) / 1000,
      timings: { load: loadSeconds, ...out.timings, write: Math.round(performance.now() - writeStarted) / 1000 },
    };
    db.prepare(`UPDATE identity_runs SET timings = ? WHERE id = ?`).run(JSON.stringify({ ...report.timings, total: report.seconds, search: out.search }), runId);
    appendAudit(db, 'identities.cluster.done', { ...report, search: out.search });
    options.onProgress?.({ phase: 'write', done: 1, total: 1 });
    return report;
  } finally {
    db.close();
  }
}

/** Changes whenever a review decision is made, undone or redone. */
function reviewMark(db: CaseDb): string {
  const row = db.prepare(`SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS seq, COALESCE(SUM(state = 'active'), 0) AS active FROM review_decisions`).get() as { n: number; seq: number; active: number };
  return `${row.n}:${row.seq}:${row.active}`;
}

/** Each group keeps the id of the old person it shares the most faces with; the rest get new ids. */
function matchGroupsToPersons(db: CaseDb, out: ClusterOutput, faceIds: Int32Array, personOfFace: Map<number, number>): Int32Array {
  const overlap = new Map<string, number>();
  out.labels.forEach((group, i) => {
    const person = personOfFace.get(faceIds[i]!);
    if (group < 0 || person === undefined) return;
    const key = `${group}:${person}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const pairs = [...overlap].map(([key, n]) => {
    const [g, p] = key.split(':').map(Number) as [number, number];
    return { g, p, n };
  });
  pairs.sort((a, b) => b.n - a.n || a.p - b.p || a.g - b.g);
  const personOfGroup = new Int32Array(out.groups).fill(-1);
  const taken = new Set<number>();
  for (const { g, p } of pairs) {
    if (personOfGroup[g]! >= 0 || taken.has(p)) continue;
    personOfGroup[g] = p;
    taken.add(p);
  }
  let next = ((db.prepare('SELECT MAX(id) AS m FROM persons').get() as { m: number | null }).m ?? 0) + 1;
  for (let g = 0; g < out.groups; g++) if (personOfGroup[g]! < 0) personOfGroup[g] = next++;
  return personOfGroup;
}

function writeRun(db: CaseDb, runId: number, out: ClusterOutput, faceIds: Int32Array, personOfGroup: Int32Array): void {
  const now = new Date().toISOString();
  const insertPerson = db.prepare(`INSERT OR IGNORE INTO persons (id, label, created_run, updated_at) VALUES (?, ?, ?, ?)`);
  for (const id of personOfGroup) insertPerson.run(id, personLabel(id), runId, now);
  db.prepare(`UPDATE persons SET active = 0`).run();
  db.prepare(`UPDATE persons SET active = 1 WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(Array.from(personOfGroup)));

  db.prepare('DELETE FROM face_persons').run();
  const insertFace = db.prepare('INSERT INTO face_persons (face_id, person_id, how, similarity) VALUES (?, ?, ?, ?)');
  const best = new Map<number, { face: number; score: number }>();
  out.labels.forEach((group, i) => {
    const person = group >= 0 ? personOfGroup[group]! : null;
    const cohesion = out.cohesion[i]!;
    insertFace.run(faceIds[i]!, person, out.how[i]!, Number.isNaN(cohesion) ? null : cohesion);
    if (person === null) return;
    // The representative face: a clear face (not attached from below the floor) closest to the others.
    const score = (out.how[i] === 'attached' ? 0 : 10) + (Number.isNaN(cohesion) ? 0 : cohesion);
    const current = best.get(person);
    if (!current || score > current.score) best.set(person, { face: faceIds[i]!, score });
  });
  refreshPersonFigures(db, 'all');
  const setRep = db.prepare('UPDATE persons SET rep_face_id = ? WHERE id = ?');
  for (const [person, { face }] of best) setRep.run(face, person);

  // What was undone before this run is not part of it: it can no longer be redone over the new grouping.
  db.prepare(`UPDATE review_decisions SET state = 'discarded' WHERE state = 'undone'`).run();
  db.prepare('DELETE FROM merge_suggestions').run();
  const insertSuggestion = db.prepare('INSERT OR IGNORE INTO merge_suggestions (person_a, person_b, similarity, run_id) VALUES (?, ?, ?, ?)');
  for (const s of out.suggestions.slice(0, MAX_SUGGESTIONS)) {
    const a = personOfGroup[s.a]!, b = personOfGroup[s.b]!;
    insertSuggestion.run(Math.min(a, b), Math.max(a, b), s.similarity, runId);
  }
  const sensitivity = out.sensitivity.map((s) => ({ threshold: s.threshold, persons: s.persons, personsMulti: s.personsMulti }));
  db.prepare(
    `UPDATE identity_runs SET state = 'done', finished_at = ?, faces_clustered = ?, faces_set_aside = ?, faces_attached = ?, persons = ?, sensitivity = ?
      WHERE id = ?`,
  ).run(now, out.counts.clustered, out.counts.setAside, out.counts.attached, out.groups, JSON.stringify(sensitivity), runId);
}

/**
 * The clustering's parameters, derived from the model's same-person threshold (the cosine at which the face
 * engine accepts 0.1% false matches on LFW pairs). Every run writes the values it used to identity_runs.params.
 */
import type { ClusterParams } from './clusterFaces';

/** The sensitivity range: persons are also counted this far below and above the threshold. */
export const SENSITIVITY_SPAN = 0.06;

export function defaultClusterParams(sameThreshold: number): ClusterParams {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const steps = [-3, -2, -1, 0, 1, 2, 3].map((s) => round(sameThreshold + (s * SENSITIVITY_SPAN) / 3));
  return {
    threshold: round(sameThreshold),
    sensitivity: steps,
    suggestFrom: round(sameThreshold - 0.1),
    attachThreshold: round(sameThreshold + 0.1),
    tracklet: { windowMs: 3000, minSimilarity: round(sameThreshold - 0.1) },
    neighbours: 16,
  };
}

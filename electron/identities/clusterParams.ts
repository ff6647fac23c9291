/**
 * The clustering's parameters, derived from the model's same-person threshold (the cosine at which the face
 * engine accepts 0.1% false matches on LFW pairs). Every run writes the values it used to identity_runs.params.
 */
import type { ClusterParams } from './clusterFaces';

/**
 * `span` is the half-width of the sensitivity range (the model's; see clusterThresholds.ts). Merge suggestions,
 * the bar for attaching a set-aside face and the tracklet bar sit 5/3 of it away from the threshold (0.1 for onnx).
 */
export function defaultClusterParams(threshold: number, span = 0.06): ClusterParams {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const margin = (span * 5) / 3;
  return {
    threshold: round(threshold),
    sensitivity: [-3, -2, -1, 0, 1, 2, 3].map((s) => round(threshold + (s * span) / 3)),
    suggestFrom: round(threshold - margin),
    attachThreshold: round(threshold + margin),
    tracklet: { windowMs: 3000, minSimilarity: round(threshold - margin) },
    neighbours: 16,
  };
}

/**
 * The same-person threshold for grouping faces, per embedding model.
 *
 * The face engine's verification threshold (0.1% false matches per pair) is far too loose for grouping: a case
 * compares every face with every other, so at 6,598 faces each face already meets ~6 strangers above it. Grouping
 * uses the cosine at which one impostor pair in 10,000 passes, measured over every impostor pair of lfw-dev
 * (21,592,787 pairs of the largest face of each photo; genuine pairs: 170,716, 3.0% of them fall below it).
 */
export interface GroupingThreshold {
  threshold: number;
  /**
   * Half-width of the sensitivity range. For onnx, 0.395–0.515 spans one impostor pair in 3,000 to one in 22,000;
   * the tfjs model's cosines are crowded near 1, so the same span of false-match rates is 0.937–0.949.
   */
  span: number;
  /** Where the value comes from, written into every run's parameters. */
  basis: string;
}

const MEASURED: ReadonlyArray<{ modelIdPrefix: string; threshold: number; span: number; basis: string }> = [
  { modelIdPrefix: 'onnx:fr_feature@', threshold: 0.455, span: 0.06, basis: 'false match rate 1e-4 per pair on lfw-dev impostor pairs (21.6 M pairs); range 3.4e-4 to 4.6e-5' },
  // face-api's descriptor: the same rate is reached at 0.943, where 34% of genuine pairs already fall below.
  { modelIdPrefix: 'tfjs:face-api-recognition@', threshold: 0.943, span: 0.006, basis: 'false match rate 1e-4 per pair on lfw-dev impostor pairs (21.5 M pairs); range 2.5e-4 to 2.7e-5' },
];

export function groupingThreshold(modelId: string, verificationThreshold: number): GroupingThreshold {
  const known = MEASURED.find((m) => modelId.startsWith(m.modelIdPrefix));
  if (known) return { threshold: known.threshold, span: known.span, basis: known.basis };
  // Unmeasured model: its verification threshold (0.1% per pair) moved a third of the way to 1, the step that
  // took the measured model from 1e-3 to 1e-4; flagged in the run's parameters.
  const step = (1 - verificationThreshold) / 6;
  return { threshold: Math.round((verificationThreshold + step) * 1000) / 1000, span: Math.round(step * 1000) / 1000, basis: 'not measured for this model: verification threshold moved towards 1 (less certain)' };
}

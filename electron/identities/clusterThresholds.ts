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
  /** Where the value comes from, written into every run's parameters. */
  basis: string;
}

const MEASURED: ReadonlyArray<{ modelIdPrefix: string; threshold: number; basis: string }> = [
  { modelIdPrefix: 'onnx:fr_feature@', threshold: 0.455, basis: 'false match rate 1e-4 per pair on lfw-dev impostor pairs (21.6 M pairs)' },
];

export function groupingThreshold(modelId: string, verificationThreshold: number): GroupingThreshold {
  const known = MEASURED.find((m) => modelId.startsWith(m.modelIdPrefix));
  if (known) return { threshold: known.threshold, basis: known.basis };
  // Unmeasured model: its verification threshold (0.1% per pair) moved a third of the way to 1, the step that
  // took the measured model from 1e-3 to 1e-4; flagged in the run's parameters.
  return { threshold: Math.round((verificationThreshold + (1 - verificationThreshold) / 6) * 1000) / 1000, basis: 'not measured for this model: verification threshold moved towards 1 (less certain)' };
}

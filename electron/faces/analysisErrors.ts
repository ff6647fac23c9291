/**
 * The face engine's refusals as errors the user can act on, in their language, for the CLI and the API alike.
 */
import { UserError } from '../../shared/messages';
import type { AnalysisReport } from './analyzeCase';
import { FaceModelMismatchError } from './faceStore';
import { ModelChecksumError } from './modelFiles';

export function asUserError(error: unknown): unknown {
  if (error instanceof FaceModelMismatchError) return new UserError('faces.modelMismatch', { details: error.message });
  if (error instanceof ModelChecksumError) return new UserError('faces.modelChecksum', { details: error.message });
  return error;
}

/** A cancelled run returns its report; as a job it must end as cancelled, not done. */
export function throwIfCancelled(report: AnalysisReport): AnalysisReport {
  if (report.state === 'cancelled') throw new UserError('faces.cancelled');
  return report;
}

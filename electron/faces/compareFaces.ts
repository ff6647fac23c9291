/**
 * Comparing two stored faces: only ever within one embedding model. Two models' vectors live in unrelated
 * spaces; a cosine between them is a number without meaning, so asking for one is an error, not a low score.
 */
import { cosineSimilarity } from './faceEngine';

export interface ModelEmbedding {
  modelId: string;
  embedding: Float32Array;
}

export class MixedModelsError extends Error {
  constructor(a: string, b: string) {
    super(`cannot compare faces embedded by different models (${a} and ${b}): re-analyse both with one engine`);
    this.name = 'MixedModelsError';
  }
}

export function faceSimilarity(a: ModelEmbedding, b: ModelEmbedding): number {
  if (a.modelId !== b.modelId) throw new MixedModelsError(a.modelId, b.modelId);
  return cosineSimilarity(a.embedding, b.embedding);
}

/** Building blocks shared by the API contract's parts (shared/api.ts and the per-area contracts beside it). */
import { z } from 'zod';

export const caseRef = z.object({ caseId: z.string().min(1) });

export function call<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const JobStarted = z.object({ jobId: z.string() });

/**
 * The identities part of the API contract (issue 5): distinct people, their review, and the counts with their range.
 * Person ids are stable: the same id means the same person across reviews and re-clustering.
 */
import { z } from 'zod';
import { call, caseRef, JobStarted } from './apiParts';

export const PersonRole = z.enum(['unknown', 'staff', 'visitor']);
export type PersonRole = z.infer<typeof PersonRole>;

export const PersonItem = z.object({
  id: z.number().int(),
  /** 'R000012': what exports, documents and the audit log cite. */
  label: z.string(),
  role: PersonRole,
  faces: z.number().int(),
  captures: z.number().int(),
  days: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Camera ids, most captures first, and their names as the archive gives them (same order). */
  cameras: z.array(z.string()),
  cameraNames: z.array(z.string()),
  /** The face shown for the person (the one nearest the person's centre among clear faces). */
  repFaceId: z.number().int().nullable(),
  /** The platform's authentication records that name this person (customer name and masked phone as recorded). */
  authentications: z.array(z.object({ name: z.string(), phone: z.string() })),
});
export type PersonItem = z.infer<typeof PersonItem>;

export const PersonFace = z.object({
  faceId: z.number().int(),
  captureId: z.number().int(),
  faceIndex: z.number().int(),
  capturedAt: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  /** The face box in the analysed image's pixels. */
  box: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  /** How the face came to this person: 'cluster' | 'tracklet' | 'attached' | 'analyst'. */
  how: z.string(),
  similarity: z.number().nullable(),
  /** Below the quality floor: joined a person but could not have made one. */
  lowQuality: z.boolean(),
});
export type PersonFace = z.infer<typeof PersonFace>;

export const SensitivityPoint = z.object({
  threshold: z.number(),
  persons: z.number().int(),
  /** Persons with at least two faces: singletons are where clustering errors hide. */
  personsMulti: z.number().int(),
});

export const IdentitySummary = z.object({
  run: z.object({
    id: z.number().int(), state: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(),
    threshold: z.number(), faces: z.number().int(), facesClustered: z.number().int(),
    facesSetAside: z.number().int(), facesAttached: z.number().int(),
  }).nullable(),
  /** True when faces were analysed after the last clustering run: the people below are out of date. */
  stale: z.boolean(),
  persons: z.number().int(),
  staff: z.number().int(),
  visitors: z.number().int(),
  unknown: z.number().int(),
  /** Faces not assigned to anyone (set aside below the quality floor and not attached). */
  facesUnassigned: z.number().int(),
  sensitivity: z.array(SensitivityPoint),
  /** Persons at the strict and the loose end of the sensitivity range, with review decisions applied. */
  range: z.object({ low: z.number().int(), high: z.number().int(), lowThreshold: z.number(), highThreshold: z.number() }).nullable(),
  decisions: z.number().int(),
  undo: z.object({ seq: z.number().int(), kind: z.string(), summary: z.string() }).nullable(),
  redo: z.object({ seq: z.number().int(), kind: z.string(), summary: z.string() }).nullable(),
});
export type IdentitySummary = z.infer<typeof IdentitySummary>;

export const ReviewAction = z.discriminatedUnion('kind', [
  /** All the persons become the first one. */
  z.object({ kind: z.literal('merge'), personIds: z.array(z.number().int()).min(2) }),
  /** The faces leave their person and make a new one. */
  z.object({ kind: z.literal('split'), faceIds: z.array(z.number().int()).min(1) }),
  z.object({ kind: z.literal('move'), faceIds: z.array(z.number().int()).min(1), toPersonId: z.number().int() }),
  z.object({ kind: z.literal('not-same'), personA: z.number().int(), personB: z.number().int() }),
  z.object({ kind: z.literal('role'), personIds: z.array(z.number().int()).min(1), role: PersonRole }),
]);
export type ReviewAction = z.infer<typeof ReviewAction>;

export const ReviewResult = z.object({
  seq: z.number().int(),
  /** The persons the decision changed, as they are now (a merged-away person is absent). */
  persons: z.array(PersonItem),
  /** The person a split made. */
  newPersonId: z.number().int().nullable(),
});

export const MergeSuggestion = z.object({ a: PersonItem, b: PersonItem, similarity: z.number() });
export const StaffSuggestion = z.object({
  person: PersonItem,
  /** Share of the case's active days on which the person was captured, and of its opening hours (hour slots). */
  dayShare: z.number(),
  hourShare: z.number(),
});

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const identitiesContract = {
  /** Clusters the analysed faces into persons, keeping every review decision; the job's result is the summary. */
  'identities.cluster.start': call(caseRef, JobStarted),
  'identities.summary': call(caseRef, IdentitySummary),
  'persons.list': call(
    caseRef.extend({ ...page, role: PersonRole.optional(), sort: z.enum(['captures', 'first', 'label']).default('captures') }),
    z.object({ total: z.number().int(), items: z.array(PersonItem) }),
  ),
  'persons.get': call(caseRef.extend({ personId: z.number().int() }), PersonItem),
  /** A current person by the label analysts cite (R000012): null when none has it (or it was merged away). */
  'persons.byLabel': call(caseRef.extend({ label: z.string().trim().min(1) }), PersonItem.nullable()),
  'persons.faces': call(
    caseRef.extend({ personId: z.number().int(), ...page }),
    z.object({ total: z.number().int(), items: z.array(PersonFace) }),
  ),
  'identities.review': call(caseRef.extend({ action: ReviewAction }), ReviewResult),
  'identities.undo': call(caseRef, z.object({ seq: z.number().int().nullable() })),
  'identities.redo': call(caseRef, z.object({ seq: z.number().int().nullable() })),
  'identities.suggestions': call(caseRef.extend(page), z.object({ total: z.number().int(), items: z.array(MergeSuggestion) })),
  'identities.staffSuggestions': call(caseRef, z.array(StaffSuggestion)),
  /** Writes the one-row-per-face table into the case's exports/ folder; the path is returned. */
  'identities.export': call(caseRef.extend({ format: z.enum(['csv', 'xlsx']) }), z.object({ path: z.string(), rows: z.number().int() })),
} as const;

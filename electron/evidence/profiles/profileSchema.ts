/**
 * A column-mapping profile: how one platform's sheets map to FaceAudit's fields, made once in the UI's mapping
 * step (or by hand) and reused for every export of that platform, also from the CLI (`--profile <name>`).
 */
import { z } from 'zod';
import type { CaptureField } from '../sheet/headerAliases';

const FIELDS = [
  'time', 'cameraId', 'cameraName', 'zone', 'faceImage', 'sceneImage', 'personId', 'similarity', 'customerName',
  'phone', 'salesAgent', 'channel', 'visitType', 'serial', 'authTime', 'result', 'idNumber', 'date',
] as const satisfies readonly CaptureField[];

// Fails to compile when headerAliases gains a field this list lacks.
type Unlisted = Exclude<CaptureField, (typeof FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

export const CaptureFieldSchema = z.enum(FIELDS);

export const ColumnProfileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).optional(),
  /** The header's row number as the sheet numbers it (1 = first row); 0 = the sheet has no header row. */
  headerRow: z.number().int().min(0).optional(),
  /** Each field's column: its header text (matched ignoring case, width and spaces) or its 0-based index. */
  columns: z.partialRecord(CaptureFieldSchema, z.union([z.string().trim().min(1), z.number().int().min(0)])),
  /** A luxon format for time text the general reader does not know, e.g. 'yyyy/M/d H:mm'. */
  timeFormat: z.string().min(1).optional(),
  kind: z.enum(['captures', 'auth']),
});

export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;

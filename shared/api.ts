/**
 * The one API contract between the page and the services.
 *
 * Each call has a name, an argument schema and a result schema. The Electron main process and the browser
 * host both validate arguments against these schemas before a service sees them; the preload and the
 * WebSocket client expose exactly these names and nothing else of Node or Electron.
 */
import { z } from 'zod';
import type { WireError } from './messages';
import { call, caseRef } from './apiParts';
import { findingsContract, IdentityState, Provenance, ZoneStat } from './findingsApi';
import { documentsContract } from './documentsApi';
import { identitiesContract } from './identitiesApi';

export const CaseInfoInput = z.object({
  /** 文号, e.g. 禹市监处罚〔2022〕12号 */
  number: z.string().trim().min(1),
  /** 案件名称 */
  name: z.string().trim().default(''),
  partyName: z.string().trim().min(1),
  creditCode: z.string().trim().toUpperCase().default(''),
  domicile: z.string().trim().default(''),
  legalRepresentative: z.string().trim().default(''),
  handlingUnit: z.string().trim().default(''),
  officers: z.array(z.string().trim().min(1)).default([]),
  /** IANA zone in which the archive's local times are read. */
  timezone: z.string().default('Asia/Shanghai'),
});
export type CaseInfoInput = z.input<typeof CaseInfoInput>;
export type CaseInfo = z.output<typeof CaseInfoInput> & { createdAt: string };

export const CaseSummary = z.object({
  /** The case folder's absolute path: the case's identity. */
  id: z.string(),
  number: z.string(),
  name: z.string(),
  partyName: z.string(),
  createdAt: z.string(),
  captures: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = z.object({
  id: z.string(),
  info: CaseInfoInput.extend({ createdAt: z.string() }),
  sources: z.array(
    z.object({
      id: z.number().int(),
      path: z.string(),
      importedAt: z.string(),
      files: z.number().int(),
      captures: z.number().int(),
      sha256: z.string(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CameraStat = z.object({
  id: z.string(),
  name: z.string(),
  captures: z.number().int(),
  zone: z.string(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  activeDays: z.number().int(),
});
export const DayStat = z.object({
  date: z.string(),
  captures: z.number().int(),
  /** Distinct active persons captured that day, and those not confirmed staff; null until clustering has run. */
  persons: z.number().int().nullable(),
  visitors: z.number().int().nullable(),
});
export const Stats = z.object({
  captures: z.number().int(),
  cameras: z.array(CameraStat),
  period: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
  daysActive: z.number().int(),
  perDay: z.array(DayStat),
  /** Capture records whose image was named in a sheet but absent from the archive. */
  capturesWithoutImage: z.number().int(),
  timezone: z.string(),
  /** Distinct capture images (face crops and scene images, not video frames) and video clips in the evidence. */
  images: z.number().int(),
  videos: z.number().int(),
  faces: z.number().int(),
  /** Person figures (issue 5): null until clustering has run. Visitors are persons not confirmed as staff. */
  persons: z.number().int().nullable(),
  staff: z.number().int().nullable(),
  visitors: z.number().int().nullable(),
  personsRange: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
  authentications: z.number().int(),
  authenticatedPersons: z.number().int().nullable(),
  /** Visitors with two visits or more, and all visitors' visits (a new visit after a gap of visitGapMinutes). */
  repeatVisitors: z.number().int().nullable(),
  visits: z.number().int().nullable(),
  visitGapMinutes: z.number(),
  zones: z.array(ZoneStat),
  identity: IdentityState,
  computedAt: z.string(),
  /** Each figure's provenance, by figure name (captures, perDay, cameras, persons, …). */
  provenance: z.record(z.string(), Provenance),
});
export type Stats = z.infer<typeof Stats>;

export const CaptureItem = z.object({
  id: z.number().int(),
  capturedAt: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  /** The image's path inside the archive as imported. */
  imagePath: z.string().nullable(),
  sha256: z.string().nullable(),
  /** Where the record came from: the sheet and its row as a spreadsheet program numbers it (null: from a file name). */
  sheetPath: z.string().nullable(),
  sheetRow: z.number().int().nullable(),
  /** 'sheet' | 'filename' | 'file-time': what the capture time was read from. */
  timeSource: z.string(),
});
export type CaptureItem = z.infer<typeof CaptureItem>;

export const SkippedFile = z.object({ path: z.string(), reason: z.string() });
export const SourceKind = z.enum(['folder', 'zip', 'sheet', 'video', 'image']);
export const ImportReport = z.object({
  sourceId: z.number().int(),
  /** What was imported: a folder, a ZIP, or a single sheet, video or image. */
  kind: SourceKind,
  path: z.string(),
  /** SHA-256 over the sorted (path, file hash) list: the source's content as received. */
  sha256: z.string(),
  /** A single file or archive: the SHA-256 of the file itself, as received. */
  receivedSha256: z.string().nullable(),
  filesSeen: z.number().int(),
  filesStored: z.number().int(),
  /** Files a previous, interrupted run of this import had already hashed into the vault. */
  filesResumed: z.number().int(),
  duplicateFiles: z.number().int(),
  /** When the same archive (same files, same hashes) was imported before: that source's id. */
  duplicateOf: z.number().int().nullable(),
  skipped: z.array(SkippedFile),
  /** Archives opened during the import (nested ones too), with the number of entries taken from each. */
  archives: z.array(z.object({ path: z.string(), sha256: z.string(), entries: z.number().int() })),
  sheets: z.array(z.object({ path: z.string(), encoding: z.string(), rows: z.number().int(), kind: z.string() })),
  videos: z.array(z.object({
    path: z.string(), sha256: z.string(), durationMs: z.number().nullable(), frames: z.number().int(),
    start: z.string().nullable(), startSource: z.string().nullable(),
  })),
  captures: z.number().int(),
  /** How many captures took their time from each source: sheet, filename, exif, file-time, video. */
  timeSources: z.record(z.string(), z.number().int()),
  authRecords: z.number().int(),
  /** Authentication records linked to at least one capture. */
  authLinked: z.number().int(),
  rowsWithoutFile: z.array(z.object({ sheet: z.string(), row: z.number().int(), path: z.string() })),
  filesWithoutRow: z.array(z.string()),
  badRows: z.array(z.object({ sheet: z.string(), row: z.number().int(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const VerifyProblem = z.object({ path: z.string(), sha256: z.string().nullable(), problem: z.string() });
/** The result of re-hashing a case's evidence: the vault, and the originals that can still be reached. */
export const VerifyReport = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  vault: z.object({
    files: z.number().int(),
    bytes: z.number(),
    missing: z.array(VerifyProblem),
    mismatched: z.array(VerifyProblem),
    /** Vault files that can be written to: not tampering, but no longer protected against it. */
    writable: z.array(VerifyProblem),
    /** Files in the vault that no source refers to (left by an interrupted import): listed, never deleted here. */
    unreferenced: z.array(VerifyProblem),
  }),
  originals: z.array(z.object({
    sourceId: z.number().int(),
    path: z.string(),
    reachable: z.boolean(),
    filesChecked: z.number().int(),
    missing: z.array(VerifyProblem),
    mismatched: z.array(VerifyProblem),
  })),
  audit: z.object({ entries: z.number().int(), brokenAt: z.number().int().nullable() }),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/** The fields a sheet column can be mapped to (electron/evidence/sheet/headerAliases.ts). */
export const CAPTURE_FIELDS = [
  'time', 'cameraId', 'cameraName', 'zone', 'faceImage', 'sceneImage', 'personId', 'similarity', 'customerName', 'phone',
  'salesAgent', 'channel', 'visitType', 'serial', 'authTime', 'result', 'idNumber', 'date',
] as const;

/** One sheet of a source before import, as the column-mapping step shows it. */
export const SheetPreviewItem = z.object({
  name: z.string(),
  file: z.string(),
  kind: z.enum(['captures', 'auth', 'unknown']),
  rowUnit: z.enum(['row', 'line', 'record']),
  headerRow: z.number().int().nullable(),
  /** Recognised columns: field → 0-based column index. */
  mapping: z.record(z.string(), z.number().int()),
  /** Why the chosen profile did not fit this sheet, when it did not. */
  profileError: z.string().nullable(),
  /** Why the sheet could not be read at all. */
  error: z.string().nullable(),
  preview: z.object({
    rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
    columnCount: z.number().int(),
    totalRows: z.number().int(),
    /** Row numbers that could be the header, best first. */
    headerCandidates: z.array(z.number().int()),
  }),
});
export type SheetPreviewItem = z.infer<typeof SheetPreviewItem>;

/** A saved column mapping (electron/evidence/profiles/profileSchema.ts is the authority; this is its wire form). */
export const ColumnProfileWire = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).optional(),
  headerRow: z.number().int().min(0).optional(),
  columns: z.record(z.string(), z.union([z.string(), z.number().int().min(0)])),
  timeFormat: z.string().min(1).optional(),
  kind: z.enum(['captures', 'auth']),
});
export type ColumnProfileWire = z.infer<typeof ColumnProfileWire>;

/** Where a case's face analysis stands (electron/faces/faceStore.ts faceSummary). */
export const FaceSummary = z.object({
  model: z.object({
    engine: z.string(), modelId: z.string(), embeddingSize: z.number().int(), sameThreshold: z.number(),
    minRecognisableNorm: z.number().nullable(), description: z.string(), chosenAt: z.string(),
  }).nullable(),
  capturesWithImage: z.number().int(),
  capturesAnalysed: z.number().int(),
  capturesFailed: z.number().int(),
  faces: z.number().int(),
  recognisableFaces: z.number().int(),
  lastRun: z.object({ id: z.number().int(), state: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), engine: z.string() }).nullable(),
});
export type FaceSummary = z.infer<typeof FaceSummary>;

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const JobKind = z.enum(['import', 'analyze', 'verify', 'cluster', 'casefile']);
export const JobStatus = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: JobKind,
  state: JobState,
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  /** Bytes read so far and in all, where the work is measured in bytes too (imports). */
  bytesDone: z.number().optional(),
  bytesTotal: z.number().optional(),
  /** Items per second and bytes per second over the last seconds of the current phase. */
  rate: z.number().optional(),
  bytesRate: z.number().optional(),
  /** Seconds left in the current phase at the current rate; absent when it cannot be told. */
  etaSeconds: z.number().optional(),
  error: z.custom<WireError>().optional(),
  /** The job's result: an ImportReport for imports; the analysis summary for analyses. */
  result: z.unknown().optional(),
});
export type JobStatus = z.infer<typeof JobStatus>;


export const apiContract = {
  'cases.list': call(z.object({}), z.array(CaseSummary)),
  'cases.create': call(z.object({ dir: z.string().optional(), info: CaseInfoInput }), CaseSummary),
  'cases.get': call(caseRef, CaseDetail),
  /** A case folder made elsewhere (the CLI, another workstation, an archived copy): remembered for the list. */
  'cases.open': call(z.object({ dir: z.string().min(1) }), CaseSummary),
  // One source per job, so each job ends in that source's own import report.
  'import.start': call(caseRef.extend({ path: z.string().min(1), profile: z.string().optional() }), z.object({ jobId: z.string() })),
  /** The sheets a source holds and how each would be read, before importing it: the column-mapping step. */
  'import.preview': call(z.object({ path: z.string().min(1), profile: z.string().optional() }), z.array(SheetPreviewItem)),
  'profiles.list': call(z.object({}), z.array(ColumnProfileWire)),
  'profiles.save': call(z.object({ profile: ColumnProfileWire }), ColumnProfileWire),
  /** Finds, aligns and embeds every capture's faces on this machine; the job's result is the analysis report. */
  'faces.analyze.start': call(caseRef.extend({ engine: z.enum(['onnx', 'tfjs']).optional() }), z.object({ jobId: z.string() })),
  'faces.summary': call(caseRef, FaceSummary),
  /** Re-hashes the case's vault and reachable originals; the job's result is a VerifyReport. */
  'verify.start': call(caseRef, z.object({ jobId: z.string() })),
  'jobs.get': call(z.object({ jobId: z.string() }), JobStatus),
  'jobs.cancel': call(z.object({ jobId: z.string() }), z.object({ cancelled: z.boolean() })),
  'stats.get': call(caseRef, Stats),
  'captures.list': call(
    caseRef.extend({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(2000).default(200),
    }),
    z.object({ total: z.number().int(), items: z.array(CaptureItem) }),
  ),
  ...identitiesContract,
  ...findingsContract,
  ...documentsContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiName = keyof ApiContract;
export type ApiArgs<N extends ApiName> = z.input<ApiContract[N]['args']>;
export type ApiParsedArgs<N extends ApiName> = z.output<ApiContract[N]['args']>;
export type ApiResult<N extends ApiName> = z.output<ApiContract[N]['result']>;
export const API_NAMES = Object.keys(apiContract) as ApiName[];

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}

/** Events pushed from the services to the page. */
export type ApiEvent = { type: 'job'; job: JobStatus };

/** 'thumb' and 'full' show a capture's image; 'face' shows a face's aligned thumbnail (the id is then a face id). */
export type MediaVariant = 'thumb' | 'full' | 'face';

/** What the page sees, whichever transport carries it. */
export interface FaceAuditBridge {
  call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResult<N>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** `id` is a capture id for 'thumb' and 'full', a face id for 'face'. */
  mediaUrl(caseId: string, id: number, variant: MediaVariant): string;
  /** 'electron' or 'browser': the page shows native pickers only where they exist. */
  readonly transport: 'electron' | 'browser';
  /** Native folder picker (Electron only). */
  pickPaths?(kind: 'folder' | 'file'): Promise<string[]>;
  /**
   * Electron's print dialog for a document page (the HTML of shared/documents/html documentHtml, forPrint): resolves
   * when the dialog closes. Absent in the browser host, which offers the exported PDF instead.
   */
  printHtml?(html: string): Promise<PrintOutcome>;
  /** A download address for a file the services wrote into a case's exports/ folder (browser host only). */
  exportUrl?(caseId: string, file: string): string;
}

/** How a print dialog ended: printed, or not (cancelled, or the printer failed) with the reason Electron gives. */
export interface PrintOutcome {
  printed: boolean;
  reason: string | null;
}

/** The result envelope on both transports. */
export type ApiResponse = { ok: true; value: unknown } | { ok: false; error: WireError };

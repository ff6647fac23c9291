/**
 * The findings part of the API contract (issue 6): figures with their provenance, and the views' queries.
 *
 * Self-contained (only apiParts): shared/api.ts imports the figure schemas from here for Stats, so this file must
 * not import shared/api.ts back.
 */
import { z } from 'zod';
// Type only (erased at run time): shared/api.ts imports this file for its values, never the other way round.
import type { Stats } from './api';
import { call, caseRef } from './apiParts';

/**
 * Where a figure came from, so a document can cite it and anyone can re-run it: the SQL and its parameters, the
 * clustering run and number of review decisions it reflects (null for figures that do not depend on people), and
 * when it was computed.
 */
export const Provenance = z.object({
  sql: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  identityRun: z.number().int().nullable(),
  decisions: z.number().int().nullable(),
  computedAt: z.string(),
  /** What the figure counts, in words a drafter can quote (English; the UI translates the figure's name). */
  note: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * The services describe each figure's provenance in English (the `note` beside its SQL); the Chinese UI shows these
 * translations, keyed by that English text (here, beside the contract, so the services' tests can check them). A note without a translation shows as sent.
 */
export const PROVENANCE_NOTES_ZH: Record<string, string> = {
  'capture records whose image was named in a sheet but absent from the archive': '记录表中列出、但取证数据中没有图片文件的抓拍记录',
  'distinct image files (SHA-256) named by captures, face crops and scenes, not frames cut from videos': '抓拍记录所指的图片文件（人脸小图和场景图，按 SHA-256 去重），不含从视频中截取的帧',
  'distinct video files (SHA-256) in the evidence': '取证数据中的视频文件（按 SHA-256 去重）',
  "rows of the platform's authentication sheets (客户认证记录)": '平台客户认证记录表的行数',
  'captures by local day of week (0 = Sunday) and local hour': '按当地时间的星期（0 = 周日）和小时统计的抓拍数',
  'active persons with at least one face': '至少有一张人脸的有效人员',
  "persons the analyst confirmed as staff (role = 'staff')": '经复核确认为工作人员的人员（role = staff）',
  'persons − staff: persons not confirmed as staff': '人数 − 工作人员：未确认为工作人员的人员',
  "persons at the loose and the strict end of the run's sensitivity points, shifted by the review's decisions since the run":
    '人员归并在最宽松和最严格灵敏度下的人数，并按归并后的复核决定作相应调整',
  "persons with a capture linked to a row of the platform's authentication sheets": '有抓拍与平台客户认证记录关联的人员',
  'the captures holding a face of the person; a new visit after a gap longer than gapMinutes': '含该人员人脸的抓拍；间隔超过 gapMinutes 分钟算新的一次到访',
  "distinct person ids (人员编号) in the platform's capture sheets; captures with and without one": '平台抓拍记录表中的人员编号（去重）；有、无人员编号的抓拍数',
  'distinct customers (name, phone, person id) in the authentication sheets': '认证记录表中的客户（按姓名、手机号、人员编号去重）',
  'captures holding a face of an active person; the rest hold none': '含有效人员人脸的抓拍；其余抓拍不含任何人员',
  'visitors with two visits or more, most visits first': '到访两次及以上的访客，按到访次数排列',
  "captures per camera per bucket of bucketMs, buckets aligned on the case zone's clock": '每个摄像头在每个时间格（bucketMs 毫秒，按当地时间对齐）内的抓拍数',
  'visits of persons not confirmed staff, a new visit after a gap longer than gapMinutes; repeat visitors have two visits or more':
    '未确认为工作人员的人员的到访次数，间隔超过 gapMinutes 分钟算新的一次到访；复访访客为到访两次及以上者',
};

export const ZoneStat = z.object({
  zone: z.string(),
  cameras: z.number().int(),
  captures: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  activeDays: z.number().int(),
  /** Distinct persons captured in the zone; null until clustering has run. */
  persons: z.number().int().nullable(),
});
export type ZoneStat = z.infer<typeof ZoneStat>;

/** Where the person figures stand: none (no clustering yet), done, or stale (faces analysed after the last run). */
export const IdentityState = z.object({
  state: z.enum(['none', 'done', 'stale']),
  runId: z.number().int().nullable(),
  decisions: z.number().int(),
});
export type IdentityState = z.infer<typeof IdentityState>;

/** Which captures a bar or cell stands for: every field given narrows the set (AND). */
export const CaptureFilter = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  cameraId: z.string().optional(),
  zone: z.string().optional(),
  /** Epoch milliseconds, from included, to excluded. */
  fromMs: z.number().int().optional(),
  toMs: z.number().int().optional(),
  /** Local hour of day 0–23 and day of week 0 (Sunday)–6, as the heat map counts them. */
  hour: z.number().int().min(0).max(23).optional(),
  weekday: z.number().int().min(0).max(6).optional(),
  personId: z.number().int().optional(),
});
export type CaptureFilter = z.infer<typeof CaptureFilter>;

export const FindingCapture = z.object({
  id: z.number().int(),
  capturedAt: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  zone: z.string(),
  imagePath: z.string().nullable(),
  sha256: z.string().nullable(),
  sheetPath: z.string().nullable(),
  sheetRow: z.number().int().nullable(),
  timeSource: z.string(),
  /** Labels of the active persons whose faces are in the capture (R000012). */
  persons: z.array(z.string()),
});
export type FindingCapture = z.infer<typeof FindingCapture>;

export const HeatMap = z.object({
  /** Captures by local day of week (0 = Sunday) and hour; only non-empty cells. */
  cells: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), captures: z.number().int() })),
  provenance: Provenance,
});
export type HeatMap = z.infer<typeof HeatMap>;

export const Timeline = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  bucketMs: z.number(),
  cameras: z.array(z.object({ id: z.string(), name: z.string(), zone: z.string() })),
  /** Non-empty buckets: the bucket's start, the camera, and how many captures fell in it. */
  cells: z.array(z.object({ startMs: z.number(), cameraId: z.string(), captures: z.number().int() })),
  /** The whole period of the case, for "zoom out". */
  period: z.object({ firstMs: z.number().nullable(), lastMs: z.number().nullable() }),
  timezone: z.string(),
  provenance: Provenance,
});
export type Timeline = z.infer<typeof Timeline>;

export const Visit = z.object({
  index: z.number().int(),
  start: z.string(),
  end: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  captures: z.number().int(),
  cameras: z.array(z.string()),
});
export const PersonVisits = z.object({
  person: z.object({ id: z.number().int(), label: z.string(), role: z.string(), active: z.boolean() }),
  gapMinutes: z.number(),
  visits: z.array(Visit),
  /** Every capture of the person, in time order, for the timeline dots. */
  captures: z.array(z.object({ id: z.number().int(), ms: z.number(), capturedAt: z.string(), cameraId: z.string() })),
  provenance: Provenance,
});
export type PersonVisits = z.infer<typeof PersonVisits>;

/** One line of the platform-against-ours table: what the platform's sheets claim, what we count, and the difference. */
export const PlatformRow = z.object({
  key: z.string(),
  platform: z.number().int().nullable(),
  ours: z.number().int().nullable(),
  /** ours − platform, when both exist. */
  difference: z.number().int().nullable(),
  platformProvenance: Provenance.nullable(),
  oursProvenance: Provenance.nullable(),
});
export const PlatformComparison = z.object({
  rows: z.array(PlatformRow),
  perDay: z.array(z.object({ date: z.string(), platformIds: z.number().int(), persons: z.number().int().nullable() })),
});
export type PlatformComparison = z.infer<typeof PlatformComparison>;

/** Tables the service can write as CSV or XLSX, with the case number, title and provenance on top. */
export const ExportTable = z.enum(['headline', 'perDay', 'cameras', 'zones', 'heatmap', 'platform', 'visits', 'captures']);
export type ExportTable = z.infer<typeof ExportTable>;

export const RepeatVisitor = z.object({
  personId: z.number().int(),
  label: z.string(),
  visits: z.number().int(),
  captures: z.number().int(),
  firstMs: z.number(),
  lastMs: z.number(),
});
export type RepeatVisitor = z.infer<typeof RepeatVisitor>;

/** Everything the case overview draws, from one connection and one copy of the working set (electron/findings/workingSet.ts). */
export const FindingsOverview = z.object({
  stats: z.custom<Stats>(),
  heatmap: HeatMap,
  timeline: Timeline,
  platform: PlatformComparison,
  /** The visitors who came back most (null until clustering has run), with the query behind the list. */
  repeatVisitors: z.object({ items: z.array(RepeatVisitor), provenance: Provenance }).nullable(),
});
export type FindingsOverview = z.infer<typeof FindingsOverview>;

export const findingsContract = {
  /** The overview's figures and charts in one call: stats.get's figures, the heat map, the whole-period timeline, the platform comparison. */
  'findings.overview': call(caseRef, FindingsOverview),
  /** The captures behind a bar or cell of any findings chart, a page at a time, in time order. */
  'findings.captures': call(
    caseRef.extend({ filter: CaptureFilter, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(2000).default(200) }),
    z.object({ total: z.number().int(), items: z.array(FindingCapture) }),
  ),
  'findings.heatmap': call(caseRef, HeatMap),
  /** Camera activity from fromMs to toMs (default: the whole period) in about `buckets` buckets of a round size. */
  'findings.timeline': call(
    caseRef.extend({ fromMs: z.number().optional(), toMs: z.number().optional(), buckets: z.number().int().min(10).max(2000).default(240) }),
    Timeline,
  ),
  /** A person's captures split into visits wherever two captures are more than gapMinutes apart. */
  'findings.personVisits': call(caseRef.extend({ personId: z.number().int(), gapMinutes: z.number().min(1).max(24 * 60).default(30) }), PersonVisits),
  'findings.platform': call(caseRef, PlatformComparison),
  /** Writes a table into the case's exports/ folder (and the audit log); returns the file's path. */
  'findings.exportTable': call(
    caseRef.extend({
      table: ExportTable,
      format: z.enum(['csv', 'xlsx']),
      lang: z.enum(['zh', 'en']).default('zh'),
      filter: CaptureFilter.optional(),
      personId: z.number().int().optional(),
    }),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
  /** Saves a chart drawn by the page (SVG text, or a PNG as base64) into the case's exports/ folder. */
  'findings.exportChart': call(
    caseRef.extend({
      name: z.string().regex(/^[\w-]{1,60}$/),
      format: z.enum(['svg', 'png']),
      data: z.string().min(1).max(900_000),
    }),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
} as const;

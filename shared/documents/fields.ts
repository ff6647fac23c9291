/**
 * What the case documents need beyond the case record (shared/api.ts CaseInfoInput) and the findings: the issuing
 * body, document numbers, dates of the procedure, the premises, the chosen legal basis and fine, the discretion
 * factors, the party's statements, payment and remedies. Every field is editable; `defaultFields` fills what can be
 * told from the case and ../shared/DOMAIN.md, and leaves the rest for the drafter.
 *
 * Pure (no Node): the page edits these with the same schema the services validate.
 */
import { z } from 'zod';
import type { CaseInfo } from '../api';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'YYYY-MM-DD');
/** A date not yet known: drafts print a blank (____年__月__日) for it. */
const maybeDate = isoDate.nullable();

export const StatuteIdSchema = z.enum([
  'consumerProtection', 'consumerPenaltyMeasures', 'pipl', 'administrativePenalty', 'administrativeReconsideration',
  'administrativeLitigation', 'penaltyProcedure', 'penaltyPublicity', 'faceRecognitionInterpretation',
]);

/** The legal library's CitationRef (shared/legal), as a schema so fields can be validated on the wire. */
export const CitationRefSchema = z.object({
  statute: StatuteIdSchema,
  article: z.number().int().min(1),
  paragraph: z.number().int().min(1).optional(),
  item: z.number().int().min(1).optional(),
});
export type CitationRefField = z.infer<typeof CitationRefSchema>;

export const Officer = z.object({
  name: z.string().trim().min(1),
  /** 执法证号 */
  certificate: z.string().trim().default(''),
});

export const CaseSourceKind = z.enum(['inspection', 'complaint', 'referral']);
export type CaseSourceKind = z.infer<typeof CaseSourceKind>;

export const NoticeSign = z.enum(['none', 'inadequate']);

export const DocumentFields = z.object({
  /** 发文机关 and its short code (禹市监), from which the document numbers are made. */
  issuer: z.object({ name: z.string().trim().default(''), code: z.string().trim().default('') }).default({ name: '', code: '' }),
  numbers: z.object({
    /** 禹市监处罚〔2022〕12号 */
    decision: z.string().trim().default(''),
    /** 禹市监罚告〔2022〕12号 */
    notice: z.string().trim().default(''),
  }).default({ decision: '', notice: '' }),
  party: z.object({
    /** 联系电话 / 联系方式 */
    contact: z.string().trim().default(''),
    /** The legal representative's ID (身份证号), where the template asks for it. */
    representativeId: z.string().trim().default(''),
  }).default({ contact: '', representativeId: '' }),
  officers: z.array(Officer).default([]),
  caseSource: z.object({
    kind: CaseSourceKind.default('inspection'),
    date: maybeDate.default(null),
    /** Free words for a complaint's or referral's origin (投诉人、移送机关). */
    detail: z.string().default(''),
  }).default({ kind: 'inspection', date: null, detail: '' }),
  /** 立案日期 */
  filingDate: maybeDate.default(null),
  /** 现场检查日期 and the day the platform's data was extracted (电子数据提取). */
  inspectionDate: maybeDate.default(null),
  evidenceDate: maybeDate.default(null),
  premises: z.object({
    /** 某某项目销售中心 */
    name: z.string().default('销售中心'),
    address: z.string().default(''),
    /** Cameras seen capturing at the inspection (Yuzhou: 7 of 9), null when not recorded. */
    camerasWorkingAtInspection: z.number().int().min(0).nullable().default(null),
  }).default({ name: '销售中心', address: '', camerasWorkingAtInspection: null }),
  platform: z.object({
    name: z.string().default('某云平台'),
    operator: z.string().default(''),
  }).default({ name: '某云平台', operator: '' }),
  notice: z.object({
    sign: NoticeSign.default('none'),
    description: z.string().default(''),
  }).default({ sign: 'none', description: '' }),
  stopped: z.object({
    systemStopped: z.boolean().default(false),
    dataDeleted: z.boolean().default(false),
    date: maybeDate.default(null),
  }).default({ systemStopped: false, dataDeleted: false, date: null }),
  cooperated: z.boolean().default(true),
  firstOffence: z.boolean().default(true),
  /** 违法所得 in yuan; null means it cannot be calculated (无法计算), the usual finding. */
  illegalGainsYuan: z.number().min(0).nullable().default(null),
  /** Whether the party refused an order to correct: the only ground for a fine under 个人信息保护法 第六十六条. */
  refusedToCorrect: z.boolean().default(false),
  basis: z.object({
    /** Norms violated (违反了……的规定). */
    violated: z.array(CitationRefSchema).default([]),
    /** Norms the penalty is imposed under (依据……). */
    penalty: z.array(CitationRefSchema).default([]),
  }).default({ violated: [], penalty: [] }),
  fineYuan: z.number().min(0).default(0),
  orderToCorrect: z.boolean().default(true),
  warning: z.boolean().default(false),
  /**
   * 较大数额罚款 (行政处罚法 第六十三条): from this fine on, the notice tells the party of the right to a hearing.
   * Provinces set the amount; 100,000 yuan for an organisation is a common one [unverified: check the local rule].
   */
  hearingThresholdYuan: z.number().min(0).default(100_000),
  /** 告知书 served on; statements and defence; hearing. */
  noticeDate: maybeDate.default(null),
  statements: z.object({
    received: z.boolean().default(false),
    summary: z.string().default(''),
    accepted: z.boolean().nullable().default(null),
    reasons: z.string().default(''),
    hearingRequested: z.boolean().default(false),
  }).default({ received: false, summary: '', accepted: null, reasons: '', hearingRequested: false }),
  reportDate: maybeDate.default(null),
  decisionDate: maybeDate.default(null),
  payment: z.object({
    bank: z.string().default(''),
    accountName: z.string().default(''),
    account: z.string().default(''),
    days: z.number().int().min(1).default(15),
  }).default({ bank: '', accountName: '', account: '', days: 15 }),
  remedies: z.object({
    /** 同级人民政府 (行政复议法 2023 第二十四条). */
    reviewBody: z.string().default(''),
    court: z.string().default(''),
  }).default({ reviewBody: '', court: '' }),
  discretion: z.object({
    /** Whether the notice was judged adequate, said in the drafter's words; free text follows the factors. */
    freeText: z.string().default(''),
  }).default({ freeText: '' }),
});
export type DocumentFields = z.output<typeof DocumentFields>;
export type DocumentFieldsInput = z.input<typeof DocumentFields>;

/** PIPL (个人信息保护法) is in force from this date; conduct that ended before it is not judged under it (行政处罚法 第三十七条). */
export const PIPL_IN_FORCE = '2021-11-01';

/** The usual basis (DOMAIN.md §4): 消法 29.1 + 办法 11.1(一) violated; penalty under 消法 56.1(九) via 办法 14. */
export function defaultBasis(conductLast: string | null): DocumentFields['basis'] {
  const violated: CitationRefField[] = [
    { statute: 'consumerProtection', article: 29, paragraph: 1 },
    { statute: 'consumerPenaltyMeasures', article: 11, paragraph: 1, item: 1 },
  ];
  const penalty: CitationRefField[] = [
    { statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 },
    { statute: 'consumerPenaltyMeasures', article: 14 },
  ];
  // Conduct reaching past 2021-11-01 also breaches PIPL's rules on consent, notice, public-place capture and
  // sensitive data; its fine (第六十六条) is left to the drafter, as it needs a refusal to correct.
  if (conductLast !== null && conductLast.slice(0, 10) >= PIPL_IN_FORCE) {
    for (const article of [13, 14, 17, 26, 28, 29]) violated.push({ statute: 'pipl', article });
  }
  return { violated, penalty };
}

/** 禹市监处罚〔2022〕12号 → { code: 禹市监, year: 2022, serial: 12 }; null when the number is not of that form. */
export function parseDocNumber(number: string): { code: string; year: number; serial: number } | null {
  const m = /^(.+?)(?:处罚|罚告|罚)?〔(\d{4})〕([1-9]\d*)号$/u.exec(number.trim());
  return m ? { code: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** 禹州市市场监督管理局 → 禹州市: the place whose people's government and court hear review and lawsuits. */
function placeOf(issuerName: string): string {
  const m = /^(.+?[市县区旗])(?:市场监督管理局|市场监管局)/u.exec(issuerName);
  return m ? m[1]! : '';
}

/**
 * Where the party may seek review and sue: the people's government at the issuer's level (行政复议法 2023
 * 第二十四条) and that place's court; empty when the issuer's name does not tell the place.
 */
export function remediesFor(issuerName: string): DocumentFields['remedies'] {
  const place = placeOf(issuerName);
  return { reviewBody: place ? `${place}人民政府` : '', court: place ? `${place}人民法院` : '' };
}

/** Fields for a case with nothing saved yet, from the case record and the conduct's last capture. */
export function defaultFields(info: CaseInfo, conductLast: string | null): DocumentFields {
  const parsed = parseDocNumber(info.number);
  const issuerName = info.handlingUnit;
  return DocumentFields.parse({
    issuer: { name: issuerName, code: parsed?.code ?? '' },
    numbers: {
      decision: info.number,
      notice: parsed ? `${parsed.code}罚告〔${parsed.year}〕${parsed.serial}号` : '',
    },
    officers: info.officers.map((name) => ({ name, certificate: '' })),
    basis: defaultBasis(conductLast),
    remedies: remediesFor(issuerName),
  });
}

/** A field's value as the change banner shows it: text as is, lists of officers and citations in short form. */
function shownValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value.map((v: unknown) => {
      if (v && typeof v === 'object' && 'name' in v) {
        const o = v as { name: string; certificate?: string };
        return o.certificate ? `${o.name}（${o.certificate}）` : o.name;
      }
      if (v && typeof v === 'object' && 'statute' in v && 'article' in v) {
        const c = v as CitationRefField;
        return `${c.statute} ${c.article}${c.paragraph ? `.${c.paragraph}` : ''}${c.item ? `(${c.item})` : ''}`;
      }
      return JSON.stringify(v);
    }).join('、');
  }
  return JSON.stringify(value);
}

/** The fields as leaves by dotted path (issuer.name, fineYuan, basis.violated); lists are one leaf each. */
function fieldLeaves(value: unknown, prefix: string, out: Map<string, string | null>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) fieldLeaves(v, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, shownValue(value));
  }
}

/**
 * The fields a signed document was signed with that the case now gives differently, as dotted paths with the
 * signed and the current value (like a signed document's changed figures), in the order of the schema.
 */
export function changedFields(signed: DocumentFields, current: DocumentFields): Array<{ key: string; signed: string | null; current: string | null }> {
  const before = new Map<string, string | null>();
  const after = new Map<string, string | null>();
  fieldLeaves(signed, '', before);
  fieldLeaves(current, '', after);
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  return keys
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => ({ key, signed: before.get(key) ?? null, current: after.get(key) ?? null }));
}

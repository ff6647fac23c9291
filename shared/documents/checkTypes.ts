/**
 * What the drafting checks read and what they report. The drafter fills a CheckInput from a draft (fields, section
 * texts as they will print, with figures resolved); checkDraft returns findings; checkMessage words them.
 */
import type { CitationRef } from '../legal';

export type CheckDocumentKind = 'decision' | 'notice' | 'report' | 'evidence' | 'casefile';

/** What a citation does in the document: the norm broken, the norm punishing, procedure, or the remedies. */
export type CitationRole = 'violated' | 'penaltyBasis' | 'procedure' | 'remedy';

export interface CheckInput {
  kind: CheckDocumentKind;
  /** ISO dates (or ISO times with offset) of the first and last capture: the period of the conduct. */
  conduct: { first: string | null; last: string | null };
  /** 作出日期 of this document, ISO; null when not yet set. */
  documentDate: string | null;
  citations: { ref: CitationRef; role: CitationRole }[];
  penalty: {
    fineYuan: number | null;
    /** null: 无法计算 (cannot be calculated), treated as "no illegal gains" by 消法 第五十六条. */
    illegalGainsYuan: number | null;
    refusedToCorrect: boolean;
    /** The article the fine is imposed under; when null, the citations with role penaltyBasis are used. */
    basis: CitationRef | null;
    /** 上一年度营业额, for 个人信息保护法 第六十六条第二款's 5 % cap; unknown when absent. */
    turnoverYuan?: number | null;
  } | null;
  /** 文号 */
  docNumber: string;
  /** Every section as drafted: `section` its id, `title` what it is (for messages). */
  texts: { section: string; title: string; text: string; required: boolean }[];
  /** Amounts the template prints, in figures and (where it wants them) in capital numerals. */
  amounts?: { section: string; yuan: number; figures: string | null; capital: string | null; capitalRequired: boolean }[];
  /** 告知书 served on (ISO): a decision must come after the party's 5 working days to state, defend, ask for a hearing. */
  noticeDate?: string | null;
  /** 较大数额罚款 from which the notice must tell of the right to a hearing (行政处罚法 第六十三条; set by the province). */
  hearingThresholdYuan?: number | null;
}

export type CheckSeverity = 'warning' | 'info';

export interface CheckFinding {
  code: CheckCode;
  severity: CheckSeverity;
  /** The section it concerns, when one does. */
  section?: string;
  params: Record<string, string | number>;
}

export type CheckCode =
  | 'citation.unresolved'
  | 'law.notInForce'
  | 'law.partlyInForce'
  | 'law.notInForceAtDocument'
  | 'conduct.datesMissing'
  | 'fine.notPositive'
  | 'fine.noBasis'
  | 'fine.aboveCap'
  | 'fine.belowGainsMultiple'
  | 'fine.aboveGainsMultiple'
  | 'fine.gainsUnknown'
  | 'fine.needsRefusal'
  | 'fine.provincialOnly'
  | 'fine.textMismatch'
  | 'docNumber.format'
  | 'date.missing'
  | 'date.notInText'
  | 'date.format'
  | 'date.beforeConductEnd'
  | 'date.beforeNotice'
  | 'date.noticePeriodOpen'
  | 'amount.capitalMismatch'
  | 'amount.capitalUnreadable'
  | 'amount.capitalMissing'
  | 'amount.capitalNoZheng'
  | 'amount.figureMismatch'
  | 'amount.grouping'
  | 'section.empty'
  | 'section.placeholder'
  | 'notice.hearingRight'
  | 'remedy.missing';

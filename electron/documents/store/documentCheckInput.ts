/**
 * A saved document as the drafting checks read it (shared/documents/checkTypes.ts CheckInput): its citations by
 * role, the fine, its dates, every section as it will print (figures resolved), and the amounts the text prints in
 * figures and capital numerals — read from the text, so an edit that breaks them is caught.
 */
import type { CheckInput, CitationRole } from '../../../shared/documents/checkTypes';
import type { CitationRefField, DocumentFields } from '../../../shared/documents/fields';
import { resolveText, type FigureTable } from '../../../shared/documents/figureTokens';
import type { DraftKind, DraftSection } from '../../../shared/documentsApi';
import { parseYuanFigures } from '../../../shared/chineseNumbers';
import type { Stats } from '../../../shared/api';
import { DOCUMENT_SPECS } from '../drafts/documentSpecs';

/** The remedies and procedure a decision or notice cites in its fixed text (decisionDraft.ts, noticeDraft.ts). */
const FIXED_CITATIONS: Record<DraftKind, Array<{ ref: CitationRefField; role: CitationRole }>> = {
  decision: [
    { ref: { statute: 'administrativePenalty', article: 72, paragraph: 1, item: 1 }, role: 'procedure' },
    { ref: { statute: 'administrativeReconsideration', article: 20 }, role: 'remedy' },
    { ref: { statute: 'administrativeReconsideration', article: 24 }, role: 'remedy' },
    { ref: { statute: 'administrativeLitigation', article: 46 }, role: 'remedy' },
  ],
  notice: [
    { ref: { statute: 'penaltyProcedure', article: 57 }, role: 'procedure' },
    { ref: { statute: 'administrativePenalty', article: 45 }, role: 'procedure' },
  ],
  report: [{ ref: { statute: 'penaltyProcedure', article: 48 }, role: 'procedure' }],
  evidence: [],
};

/** The section holding the decision's (or proposal's) measures, where the fine is printed. */
const PENALTY_SECTION: Partial<Record<DraftKind, string>> = { decision: 'decision', notice: 'proposed', report: 'proposal' };

function documentDate(kind: DraftKind, f: DocumentFields): string | null {
  if (kind === 'decision') return f.decisionDate;
  if (kind === 'notice') return f.noticeDate;
  if (kind === 'report') return f.reportDate;
  return f.reportDate ?? f.evidenceDate;
}

/** 罚款200000元（大写：贰拾万元整） as printed in a section: the figures and the capital numerals, each or null. */
function printedFine(section: string, text: string, yuan: number): NonNullable<CheckInput['amounts']>[number] {
  const m = /罚款\s*([0-9０-９,，.]+\s*元)(?:\s*[（(]\s*大写[：:]\s*([^）)]+)[）)])?/u.exec(text);
  return { section, yuan: m ? (parseYuanFigures(m[1]!) ?? yuan) : yuan, figures: m?.[1] ?? null, capital: m?.[2] ?? null, capitalRequired: true };
}

export function documentCheckInput(kind: DraftKind, fields: DocumentFields, sections: DraftSection[], stats: Stats, table: FigureTable): CheckInput {
  const spec = DOCUMENT_SPECS[kind];
  const texts = sections.map((s) => ({ section: s.id, title: s.title, text: resolveText(s.text, table), required: s.required }));
  const withPenalty = kind !== 'evidence';
  const penaltySection = PENALTY_SECTION[kind];
  const penaltyText = texts.find((t) => t.section === penaltySection)?.text;
  return {
    kind,
    conduct: { first: stats.period.first, last: stats.period.last },
    documentDate: documentDate(kind, fields),
    citations: [
      ...fields.basis.violated.map((ref) => ({ ref, role: 'violated' as const })),
      ...(withPenalty ? fields.basis.penalty.map((ref) => ({ ref, role: 'penaltyBasis' as const })) : []),
      ...FIXED_CITATIONS[kind],
    ],
    penalty: withPenalty
      ? { fineYuan: fields.fineYuan, illegalGainsYuan: fields.illegalGainsYuan, refusedToCorrect: fields.refusedToCorrect, basis: null }
      : null,
    // The report and the evidence list carry the decision's number (the case's), checked for its form too.
    docNumber: spec.docNumber({ fields })?.replace(/^（(.*)）$/u, '$1') ?? fields.numbers.decision,
    texts,
    amounts: penaltySection && penaltyText !== undefined ? [printedFine(penaltySection, penaltyText, fields.fineYuan)] : [],
    noticeDate: fields.noticeDate,
    hearingThresholdYuan: fields.hearingThresholdYuan,
  };
}

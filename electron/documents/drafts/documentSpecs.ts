/** The four drafted documents by kind. */
import type { DraftKind, DraftSection } from '../../../shared/documentsApi';
import { UserError } from '../../../shared/messages';
import { decisionSpec } from './decisionDraft';
import type { DraftContext } from './draftContext';
import { evidenceSpec } from './evidenceDraft';
import { noticeSpec } from './noticeDraft';
import { reportSpec } from './reportDraft';
import { writeSection, type DocumentSpec } from './sectionSpec';

export const DOCUMENT_SPECS: Record<DraftKind, DocumentSpec> = {
  decision: decisionSpec,
  notice: noticeSpec,
  report: reportSpec,
  evidence: evidenceSpec,
};

/** Every section of a kind written afresh from the case. */
export function draftSections(kind: DraftKind, ctx: DraftContext): DraftSection[] {
  return DOCUMENT_SPECS[kind].sections.map((spec) => writeSection(spec, ctx));
}

/**
 * The saved sections with the named ones written afresh (重新生成); every other section keeps the drafter's text.
 * Sections the spec has gained since the draft was saved are added; unknown ids are an error for the caller.
 */
export function regenerateSections(kind: DraftKind, saved: DraftSection[], ids: string[], ctx: DraftContext): DraftSection[] {
  const specs = DOCUMENT_SPECS[kind].sections;
  const unknown = ids.filter((id) => !specs.some((s) => s.id === id));
  if (unknown.length) throw new UserError('args.invalid', { details: `no such section in ${kind}: ${unknown.join(', ')}` });
  const byId = new Map(saved.map((s) => [s.id, s]));
  return specs.map((spec) => {
    const kept = byId.get(spec.id);
    return kept && !ids.includes(spec.id) ? kept : writeSection(spec, ctx);
  });
}

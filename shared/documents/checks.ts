/**
 * Drafting checks: mistakes that real decisions have carried, caught before signing. Checks warn; the drafter
 * decides. Pure: the page runs them while the drafter types, the services before export.
 *
 *   const findings = checkDraft(input);
 *   findings.map((f) => checkMessage(f, 'zh-CN'));
 */
import { checkAmountsInText, checkStructuredAmounts } from './checksAmounts';
import { checkDates } from './checksDates';
import { checkFineInText, checkFineRange } from './checksFine';
import { checkCitationsInForce } from './checksLaw';
import { checkSections } from './checksSections';
import { validateCaseNumber } from '../caseNumber';
import type { CheckFinding, CheckInput } from './checkTypes';

export type { CheckCode, CheckDocumentKind, CheckFinding, CheckInput, CheckSeverity, CitationRole } from './checkTypes';
export { checkMessage } from './checkMessages';

const NUMBERED_KINDS = new Set(['decision', 'notice']);

function checkDocNumber(input: CheckInput): CheckFinding[] {
  if (!NUMBERED_KINDS.has(input.kind)) return [];
  const result = validateCaseNumber(input.docNumber);
  if (result.ok) return [];
  return [{
    code: 'docNumber.format',
    severity: 'warning',
    params: { value: input.docNumber, problems: result.problems.join(','), suggestion: result.suggestion ?? '' },
  }];
}

/** Every finding for a draft, warnings first, in the order of the document's concerns: law, fine, form. */
export function checkDraft(input: CheckInput): CheckFinding[] {
  const findings = [
    ...checkCitationsInForce(input),
    ...checkFineRange(input),
    ...checkFineInText(input),
    ...checkDocNumber(input),
    ...checkDates(input),
    ...checkAmountsInText(input),
    ...checkStructuredAmounts(input),
    ...checkSections(input),
  ];
  return [...findings.filter((f) => f.severity === 'warning'), ...findings.filter((f) => f.severity === 'info')];
}

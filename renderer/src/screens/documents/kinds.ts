/** The documents of a case in the order a procedure produces them, and their titles in the UI language. */
import type { DocumentKind } from '../../../../shared/documents/model';
import type { DraftKind } from '../../../../shared/documentsApi';
import type { DictKey } from '../../i18n/dict';

export const DRAFT_KINDS: readonly DraftKind[] = ['notice', 'report', 'decision', 'evidence'];

const TITLE_KEYS: Record<DocumentKind, DictKey> = {
  decision: 'docs.kind.decision',
  notice: 'docs.kind.notice',
  report: 'docs.kind.report',
  evidence: 'docs.kind.evidence',
  casefile: 'docs.kind.casefile',
};

export function kindTitle(kind: DocumentKind, t: (key: DictKey) => string): string {
  return t(TITLE_KEYS[kind]);
}

/**
 * How a document kind is drafted: its title, its sections in order (each able to write itself from the case), and
 * what closes it (the signature). One file per document builds one of these.
 */
import type { DraftKind, DraftSection } from '../../../shared/documentsApi';
import type { DraftContext } from './draftContext';

export interface SectionSpec {
  id: string;
  title: string;
  heading?: string;
  required: boolean;
  layout?: 'paragraphs' | 'table';
  columns?: string[];
  /** Writes the section's text (with figure tokens) from the case. */
  write(ctx: DraftContext): string;
}

export interface DocumentSpec {
  kind: DraftKind;
  /** 行政处罚决定书 */
  title: string;
  /** The 文号 printed under the title, if the document has one. */
  docNumber(ctx: Pick<DraftContext, 'fields'>): string | null;
  sections: SectionSpec[];
  /** Lines of the closing signature block (issuer, date), from the fields. */
  signature(ctx: Pick<DraftContext, 'fields' | 'info'>): { lines: string[]; seal: boolean };
}

export function writeSection(spec: SectionSpec, ctx: DraftContext): DraftSection {
  return {
    id: spec.id,
    title: spec.title,
    heading: spec.heading ?? null,
    required: spec.required,
    layout: spec.layout ?? 'paragraphs',
    ...(spec.columns ? { columns: spec.columns } : {}),
    text: spec.write(ctx),
  };
}

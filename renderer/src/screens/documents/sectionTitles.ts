/**
 * A section's name in the UI language: the services' own (Chinese, as the document prints it) in the Chinese UI;
 * an English name in the English UI, falling back to the Chinese one for a section this list does not know.
 */
import type { Lang } from '../../../../shared/messages';
import type { DocumentKind } from '../../../../shared/documents/model';
import { SECTION_TITLES_EN } from '../../i18n/documentsDict';

export function sectionTitle(kind: DocumentKind, section: { id: string; title: string }, lang: Lang): string {
  if (lang === 'zh') return section.title;
  return SECTION_TITLES_EN[`${kind}.${section.id}`] ?? SECTION_TITLES_EN[section.id] ?? section.title;
}

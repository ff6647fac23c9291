import type { Block } from '../model';

/**
 * Blank grid lines after a block, the same in HTML and DOCX: the title block (issuer, title, number) is followed by
 * one blank line before the text, as GB/T 9704 sets the 主送机关 one line under the title.
 */
export function blankLinesAfter(block: Block, next: Block | undefined): number {
  switch (block.kind) {
    case 'issuer':
      return next?.kind === 'title' ? 0 : 1;
    case 'title':
      return next?.kind === 'docNumber' ? 0 : 1;
    case 'docNumber':
      return 1;
    case 'table':
    case 'image':
    case 'toc':
    case 'fields':
      // Rules and pictures meet the next paragraph's text otherwise.
      return next === undefined ? 0 : 1;
    default:
      return 0;
  }
}

/**
 * Whether a block's end must stand on the same page as the next block's start, the same in HTML and DOCX:
 * - before the signature (GB/T 9704-2012 §7.3.5: the signature is never alone on a page without body text; see the
 *   renderers for how: the last body lines move onto the signature's page);
 * - a lead-in paragraph ending in a colon (上述事实，有以下证据证明：, 本局决定：) before what it introduces, so it
 *   does not end a page with its list on the next.
 */
export function keepsWithNext(block: Block, next: Block | undefined): boolean {
  if (next === undefined || next.kind === 'pageBreak') return false;
  if (next.kind === 'signature') return true;
  if (block.kind !== 'paragraph') return false;
  const text = block.runs.map((run) => run.text).join('').trimEnd();
  return /[：:]$/.test(text) && (next.kind === 'paragraph' || next.kind === 'list' || next.kind === 'table');
}

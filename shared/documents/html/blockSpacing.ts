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

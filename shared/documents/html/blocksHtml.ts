/** One document block → HTML. Every text goes through escapeHtml: drafts carry user input. */
import type { Block, Run } from '../model';
import { escapeHtml, safeImageDataUrl } from './escape';
import { CHAR_PITCH_PT, LINE_PITCH_PT, signatureRightIndents, signatureSpaceLines, tocPages } from './officialLayout';
import { tableColumnPercents } from './tableColumns';

/** TOC column heads: the document is Chinese whatever the UI language (卷内目录). */
export const TOC_HEAD = { title: '题名', page: '页号' } as const;

export function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.figure) {
        const title = run.figure.provenance === undefined ? '' : ` title="${escapeHtml(run.figure.provenance)}"`;
        html = `<span class="figure" data-figure="${escapeHtml(run.figure.key)}"${title}>${html}</span>`;
      }
      return html;
    })
    .join('');
}

function spaceAfter(lines: number): string {
  return lines > 0 ? ` style="margin-bottom: ${lines * LINE_PITCH_PT}pt"` : '';
}

/** The drafter's widths, widened where a head would not fit on one line (tableColumnPercents); none: automatic. */
function colgroup(widths: readonly number[] | undefined, header: readonly string[]): string {
  if (!widths || widths.length !== header.length) return '';
  return `<colgroup>${tableColumnPercents(header, widths).map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>`;
}

function cells(tag: 'th' | 'td', values: readonly string[]): string {
  return `<tr>${values.map((v) => `<${tag}>${escapeHtml(v)}</${tag}>`).join('')}</tr>`;
}

export interface BlockHtmlOptions {
  /** The block's end stays on the page of the next block (keepsWithNext): class `keep-with-next`. */
  keepWithNext?: boolean;
}

export function blockHtml(block: Block, blankLinesAfter: number, opts: BlockHtmlOptions = {}): string {
  const after = spaceAfter(blankLinesAfter);
  const keep = opts.keepWithNext ? ' keep-with-next' : '';
  switch (block.kind) {
    case 'issuer':
      return `<p class="issuer${keep}"${after}>${escapeHtml(block.text)}</p>`;
    case 'title':
      return `<h1 class="title${keep}"${after}>${escapeHtml(block.text)}</h1>`;
    case 'docNumber':
      return `<p class="doc-number${keep}"${after}>${escapeHtml(block.text)}</p>`;
    case 'heading': {
      const tag = `h${block.level + 1}`;
      return `<${tag} class="heading level-${block.level}${keep}"${after}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph': {
      const classes = ['body'];
      if (opts.keepWithNext) classes.push('keep-with-next');
      if (block.indent === false) classes.push('no-indent');
      if (block.align) classes.push(`align-${block.align}`);
      return `<p class="${classes.join(' ')}"${after}>${runsHtml(block.runs)}</p>`;
    }
    case 'list':
      return `<ol class="list${keep}"${after}>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</ol>`;
    case 'table': {
      const caption = block.caption === undefined ? '' : `<caption>${escapeHtml(block.caption)}</caption>`;
      return (
        `<table class="grid${keep}"${after}>${caption}${colgroup(block.widths, block.header)}` +
        `<thead>${cells('th', block.header)}</thead><tbody>${block.rows.map((r) => cells('td', r)).join('')}</tbody></table>`
      );
    }
    case 'signature': {
      const indents = signatureRightIndents(block.lines, block.seal ?? false);
      const top = signatureSpaceLines(block.seal ?? false) * LINE_PITCH_PT;
      const lines = block.lines
        .map((text, i) => `<p style="margin-right: ${+((indents[i] ?? 0) * CHAR_PITCH_PT).toFixed(3)}pt">${escapeHtml(text)}</p>`)
        .join('');
      return `<div class="signature${block.seal ? ' seal' : ''}" style="margin-top: ${top}pt"${after}>${lines}</div>`;
    }
    case 'image': {
      const src = safeImageDataUrl(block.dataUrl);
      const caption = block.caption === undefined ? '' : `<figcaption>${escapeHtml(block.caption)}</figcaption>`;
      const alt = escapeHtml(block.caption ?? '');
      const img = src === null ? '' : `<img src="${escapeHtml(src)}" alt="${alt}" style="width: ${block.widthMm}mm; height: ${block.heightMm}mm">`;
      return `<figure class="image${keep}"${after}>${img}${caption}</figure>`;
    }
    case 'fields':
      return `<table class="fields${keep}"${after}><tbody>${block.rows
        .map((row) => `<tr><th>${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'toc':
      return (
        `<table class="toc${keep}"${after}><thead>${cells('th', [TOC_HEAD.title, TOC_HEAD.page])}</thead><tbody>` +
        block.entries.map((e) => `<tr><td>${escapeHtml(e.title)}</td><td class="page">${tocPages(e)}</td></tr>`).join('') +
        `</tbody></table>`
      );
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

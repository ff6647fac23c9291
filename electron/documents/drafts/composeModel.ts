/**
 * A draft as the one DocumentModel the renderers print (shared/documents/model.ts): issuer, title and 文号, then
 * each section's text with its figure tokens resolved against the case as it stands, then the signature.
 */
import type { CaseInfo } from '../../../shared/api';
import type { DocumentFields } from '../../../shared/documents/fields';
import { resolveRuns, resolveText, type FigureTable } from '../../../shared/documents/figureTokens';
import type { Block, DocumentModel, Run } from '../../../shared/documents/model';
import type { DraftKind, DraftSection } from '../../../shared/documentsApi';
import { DOCUMENT_SPECS } from './documentSpecs';

/** A line that starts a numbered list item: 1. 1、 1． */
const LIST_ITEM = /^\s*\d+\s*[.、．]/u;
/**
 * A label line is flush left, not indented as body text: the party's particulars (当事人：…, 统一社会信用代码：…;
 * the labels partyLines writes) and the addressee alone on its line (某房地产开发有限公司：). A sentence that merely
 * leads in with a colon (本局综合考虑以下情节：…) is body text and keeps its indent.
 */
const LABEL_LINE = /^(?:当事人|统一社会信用代码|住所|法定代表人|负责人|身份证件号码|联系方式|经营场所)：|^[^，。：、；\s]{2,40}：$/u;

/** One paragraph per line; runs of numbered lines become one list. Party lines (label：value) are not indented. */
function paragraphBlocks(section: DraftSection, table: FigureTable): Block[] {
  const blocks: Block[] = [];
  let list: Run[][] | null = null;
  for (const line of section.text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const runs = resolveRuns(line, table);
    if (LIST_ITEM.test(line)) {
      if (!list) blocks.push({ kind: 'list', items: (list = []) });
      list.push(runs);
      continue;
    }
    list = null;
    blocks.push(LABEL_LINE.test(line) ? { kind: 'paragraph', runs, indent: false } : { kind: 'paragraph', runs });
  }
  return blocks;
}

function tableBlock(section: DraftSection, table: FigureTable): Block {
  const header = section.columns ?? [];
  const rows = section.text.split('\n').filter((l) => l.trim()).map((line) => {
    const cells = line.split('\t').map((c) => resolveText(c.trim(), table));
    while (cells.length < header.length) cells.push('');
    return cells;
  });
  return { kind: 'table', header, rows, ...(header.length === 6 ? { widths: [6, 18, 22, 24, 12, 18] } : {}) };
}

export function composeModel(kind: DraftKind, info: CaseInfo, fields: DocumentFields, sections: DraftSection[], table: FigureTable): DocumentModel {
  const spec = DOCUMENT_SPECS[kind];
  const blocks: Block[] = [];
  if (fields.issuer.name) blocks.push({ kind: 'issuer', text: fields.issuer.name });
  blocks.push({ kind: 'title', text: spec.title });
  const number = spec.docNumber({ fields });
  if (number) blocks.push({ kind: 'docNumber', text: number });
  for (const section of sections) {
    if (section.heading) blocks.push({ kind: 'heading', level: 1, text: section.heading });
    if (section.layout === 'table') blocks.push(tableBlock(section, table));
    else blocks.push(...paragraphBlocks(section, table));
  }
  const signature = spec.signature({ fields, info });
  blocks.push({ kind: 'signature', lines: signature.lines.filter(Boolean), seal: signature.seal });
  return { kind, title: number ? `${spec.title} ${number}` : spec.title, parts: [{ title: spec.title, blocks }] };
}

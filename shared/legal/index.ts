/**
 * The legal-basis library: the statutes a face-capture decision cites, verbatim, with their dates.
 *
 * The words come from statutes/*.ts, written by scripts/transcribeStatutes.mjs from ../shared/legal; the titles and
 * dates from catalogue.ts. Citations address an article, a paragraph (款) and an item (项) so a decision can cite
 * 第五十六条第一款第（九）项 and quote the lead-in of 第一款 with item （九） exactly.
 */
import { articleLabel, chineseInteger, itemLabel } from '../chineseNumbers';
import { CATALOGUE } from './catalogue';
import type { Article, CitationRef, Statute, StatuteId, StatuteText } from './types';
import { administrativeLitigation } from './statutes/administrativeLitigation';
import { administrativePenalty } from './statutes/administrativePenalty';
import { administrativeReconsideration } from './statutes/administrativeReconsideration';
import { consumerPenaltyMeasures } from './statutes/consumerPenaltyMeasures';
import { consumerProtection } from './statutes/consumerProtection';
import { faceRecognitionInterpretation } from './statutes/faceRecognitionInterpretation';
import { penaltyProcedure } from './statutes/penaltyProcedure';
import { penaltyPublicity } from './statutes/penaltyPublicity';
import { pipl } from './statutes/pipl';

export type { Article, CitationRef, Paragraph, Statute, StatuteId } from './types';
export { FACE_CAPTURE_BASIS, type BasisEntry, type BasisUse } from './faceCaptureBasis';

const TEXTS: Record<StatuteId, StatuteText> = {
  consumerProtection,
  consumerPenaltyMeasures,
  pipl,
  administrativePenalty,
  administrativeReconsideration,
  administrativeLitigation,
  penaltyProcedure,
  penaltyPublicity,
  faceRecognitionInterpretation,
};

export const STATUTE_IDS = Object.keys(TEXTS) as StatuteId[];

const cache = new Map<StatuteId, Statute>();

export function statute(id: StatuteId): Statute {
  let found = cache.get(id);
  if (found) return found;
  const text = TEXTS[id];
  if (!text) throw new Error(`unknown statute: ${String(id)}`);
  const articles: Record<number, Article> = {};
  for (const a of text.articles) articles[a.number] = { ...a, label: articleLabel(a.number) };
  found = { id, ...CATALOGUE[id], articles };
  cache.set(id, found);
  return found;
}

/** Why a reference does not resolve, or null when it does: for citations typed or picked by a drafter. */
export function refProblem(ref: CitationRef): string | null {
  const text = TEXTS[ref.statute];
  if (!text) return `unknown statute ${String(ref.statute)}`;
  const article = text.articles[ref.article - 1];
  if (!article) return `${text.title} has no article ${ref.article}`;
  if (ref.paragraph !== undefined && !article.paragraphs[ref.paragraph - 1]) {
    return `article ${ref.article} has ${article.paragraphs.length} paragraph(s), not ${ref.paragraph}`;
  }
  if (ref.item !== undefined) {
    const paragraph = article.paragraphs[(ref.paragraph ?? 1) - 1]!;
    if (!paragraph.items[ref.item - 1]) return `paragraph ${ref.paragraph ?? 1} of article ${ref.article} has ${paragraph.items.length} item(s), not ${ref.item}`;
  }
  return null;
}

function resolve(ref: CitationRef): { statute: Statute; article: Article } {
  const problem = refProblem(ref);
  if (problem) throw new Error(`citation does not resolve: ${problem}`);
  const s = statute(ref.statute);
  return { statute: s, article: s.articles[ref.article]! };
}

/**
 * The citation as a decision writes it: 《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项.
 * An item without a paragraph is in the first; 第一款 is not written for an article of one paragraph, as usage has it.
 */
export function citationText(ref: CitationRef): string {
  return `《${statute(ref.statute).title}》${citationTail(ref)}`;
}

/** The part after the title: 第五十六条第一款第（九）项 (for lists citing several parts of one statute). */
export function citationTail(ref: CitationRef): string {
  const { article } = resolve(ref);
  let out = article.label;
  const paragraph = ref.paragraph ?? (ref.item !== undefined ? 1 : undefined);
  if (paragraph !== undefined && article.paragraphs.length > 1) out += `第${chineseInteger(paragraph)}款`;
  if (ref.item !== undefined) out += `第${itemLabel(ref.item)}项`;
  return out;
}

/**
 * The cited words verbatim, one line per paragraph and per item: the whole article; one paragraph with its items;
 * or the paragraph's lead-in and the one item.
 */
export function quoteLines(ref: CitationRef): string[] {
  const { article } = resolve(ref);
  if (ref.paragraph === undefined && ref.item === undefined) return article.paragraphs.flatMap((p) => [p.text, ...p.items]);
  const paragraph = article.paragraphs[(ref.paragraph ?? 1) - 1]!;
  if (ref.item === undefined) return [paragraph.text, ...paragraph.items];
  return [paragraph.text, paragraph.items[ref.item - 1]!];
}

/** quoteLines joined by line breaks. */
export function quote(ref: CitationRef): string {
  return quoteLines(ref).join('\n');
}

/** Whether the version held applies on a day (ISO date): on or after its effective date. */
export function inForceOn(id: StatuteId, isoDate: string): boolean {
  return isoDate.slice(0, 10) >= statute(id).effectiveFrom;
}

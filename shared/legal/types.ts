/** Types of the legal-basis library: statutes transcribed verbatim from ../shared/legal (see statutes/). */

export type StatuteId =
  | 'consumerProtection'
  | 'consumerPenaltyMeasures'
  | 'pipl'
  | 'administrativePenalty'
  | 'administrativeReconsideration'
  | 'administrativeLitigation'
  | 'penaltyProcedure'
  | 'penaltyPublicity'
  | 'faceRecognitionInterpretation';

/** One paragraph (款) verbatim; `items` are its numbered items (项) verbatim, each starting with （一）…. */
export interface Paragraph {
  text: string;
  items: string[];
}

export interface ArticleText {
  number: number;
  paragraphs: Paragraph[];
}

/** What the transcription script writes for one statute (statutes/*.ts): the words, nothing decided by hand. */
export interface StatuteText {
  /** Source file in ../shared/legal. */
  source: string;
  /** Title as the source's first line gives it. */
  title: string;
  /** The source's header lines (adoption, amendments, publication, entry into force). */
  header: string[];
  articles: ArticleText[];
}

export interface Article extends ArticleText {
  /** 第二十九条 */
  label: string;
}

/** What is known of a statute besides its text (shared/legal/catalogue.ts). */
export interface StatuteInfo {
  /** Full title as cited between 《》: 中华人民共和国消费者权益保护法. */
  title: string;
  /** Name used in running text and lists: 消费者权益保护法. */
  shortTitle: string;
  /** Document number where one is cited with the title (法释〔2021〕15号, 国家工商行政管理总局令第73号). */
  docNumber?: string;
  /** Date of the version held (adoption of the last amendment or revision), ISO. */
  versionDate: string;
  /** Date from which the version held applies, ISO: the date the checks compare conduct and documents with. */
  effectiveFrom: string;
  /** Where versionDate and effectiveFrom come from (header line, an article, or the amending decision). */
  dateSource: string;
}

export interface Statute extends StatuteInfo {
  id: StatuteId;
  articles: Record<number, Article>;
}

/** A citation: an article, optionally one paragraph (款, 1-based) and one item (项, 1-based) of it. */
export interface CitationRef {
  statute: StatuteId;
  article: number;
  paragraph?: number;
  item?: number;
}

/**
 * The one model of a case document, between drafting and output.
 *
 * Drafting (electron/documents/drafts) turns a case and its findings into a `DocumentModel`; the renderers turn the
 * same model into DOCX (the `docx` package), into HTML for the preview and for PDF through Chromium's print engine,
 * so the editable Word file and the printed PDF cannot say different things. Pure data, no Node: the page renders
 * previews from it too.
 *
 * Layout is implied by the block kinds (GB/T 9704-2012, see ../shared/DOMAIN.md §6): a renderer decides fonts and
 * sizes; a drafter decides words.
 */
import type { Provenance } from '../findingsApi';

/** A figure cited in the text: its value as printed, and the key of the figure (and its provenance) behind it. */
export interface FigureRef {
  /** Key of the figure in the case's findings (captures, persons, period.first, perDay…); see figureTokens. */
  key: string;
  /** Provenance note or query id the reader can follow; shown on hover in the preview. */
  provenance?: string;
  /** The findings figure's provenance itself (query, parameters, identity run, decisions), for the preview's detail. */
  source?: Provenance;
}

/** A run of text in one style. `figure` marks text produced from a figure, so the preview can link it. */
export interface Run {
  text: string;
  bold?: boolean;
  figure?: FigureRef;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /** Issuing body's name above the title (e.g. 禹州市市场监督管理局), centred, 小标宋 2号. */
  | { kind: 'issuer'; text: string }
  /** The document's title (行政处罚决定书), centred, 小标宋 2号. */
  | { kind: 'title'; text: string }
  /** 文号 (禹市监处罚〔2022〕12号), centred under the title in 仿宋 3号. */
  | { kind: 'docNumber'; text: string }
  /**
   * A heading. GB/T 9704 levels: 1 一、 in 黑体; 2 （一） in 楷体; 3 1. in 仿宋 bold; 4 （1） in 仿宋.
   * The numbering is part of `text` (drafts number their own headings), renderers only style it.
   */
  | { kind: 'heading'; level: HeadingLevel; text: string }
  /** A body paragraph, first line indented two characters unless `indent` is false. */
  | { kind: 'paragraph'; runs: Run[]; indent?: boolean; align?: 'left' | 'center' | 'right' | 'justify' }
  /** A numbered list (evidence items, decision items); numbers are part of the item text. */
  | { kind: 'list'; items: Run[][] }
  /** A table (evidence list, figures). Column widths in per cent of the text block; header row repeats on each page. */
  | { kind: 'table'; caption?: string; header: string[]; rows: string[][]; widths?: number[] }
  /** Issuing body and date at the end, right-aligned; `seal` leaves room for the stamp. */
  | { kind: 'signature'; lines: string[]; seal?: boolean }
  /**
   * A picture: a chart (SVG) or a capture (JPEG/PNG), as a data URL so the model stays self-contained.
   * `widthMm` is the printed width (at most 156 mm, the text block).
   */
  | { kind: 'image'; dataUrl: string; widthMm: number; heightMm: number; caption?: string }
  /** Key–value lines of a cover or a form (案卷封面, 备考表): label in 黑体, value in 仿宋. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** Table of contents of a case file: title and the page it starts on. */
  | { kind: 'toc'; entries: { title: string; page: number | null; pages?: number }[] }
  | { kind: 'pageBreak' };

export type DocumentKind = 'decision' | 'notice' | 'report' | 'evidence' | 'casefile';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['decision', 'notice', 'report', 'evidence', 'casefile'];

/** A part of a case file that starts on a new page and has its own entry in the table of contents. */
export interface DocumentPart {
  title: string;
  blocks: Block[];
  /** 正卷 (main volume) or 副卷 (secondary volume), 程序规定 第七十八条. Only case files use volumes. */
  volume?: 'main' | 'secondary';
  /** Cover and closing sheet are not numbered in the table of contents. */
  inToc?: boolean;
}

export interface DocumentModel {
  kind: DocumentKind;
  /** Title for the file name and the window (e.g. 行政处罚决定书 禹市监处罚〔2022〕12号). */
  title: string;
  /** Parts, each starting on a new page; a single document has one part. */
  parts: DocumentPart[];
  /** Text in the page footer beside the number, if any (case files carry the case number). */
  footer?: string;
}

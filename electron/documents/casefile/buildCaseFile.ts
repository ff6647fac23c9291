/**
 * The printed case file (案卷) of one case: cover, table of contents with true page numbers, the drafted documents,
 * the evidence list, the statistics charts, a sample of captures with bystanders' faces masked, the closing note
 * sheet; main volume (正卷), secondary volume (副卷) or both, in the order of 程序规定 第七十八条.
 *
 * The PDF is the case file of record: only a printed PDF knows its page numbers. The caller audits the export with
 * what this returns (parts and their pages, the sample's pictures and how many faces were masked).
 */
import path from 'node:path';
import { chineseDate } from '../../../shared/chineseDates';
import type { DocumentModel, DocumentPart } from '../../../shared/documents/model';
import { heatMap } from '../../findings/heatMap';
import { computeStats } from '../../findings/stats';
import type { CaseDb } from '../../store/caseDb';
import { readCaseInfo } from '../../store/caseStore';
import type { PdfPrinter } from '../render/pdf';
import { VOLUME_NAMES, volumeContents, type CaseDocuments, type ContentsItem, type EvidenceParts, type Volume } from './caseFileContents';
import { paginate, type Layout } from './paginate';
import { samplePart, type SampleResult } from './samplePart';
import { CHARTS_TITLE, caseCharts, chartBlocks, computedAtZh } from './statisticsCharts';
import { closingPart, coverPart, tocPart, volumeNumbers, type CaseFileFacts, type TocLine } from './volumeSheets';

export interface BuildCaseFileOptions {
  printer: PdfPrinter;
  /** Which volume to print; both = main then secondary in one PDF, pages numbered through. Default main. */
  volume?: Volume | 'both';
  /** Print bystanders' faces unmasked (a reviewer's copy, marked as such). Default false. */
  unmaskFaces?: boolean;
  /** Pictures in the sample of captures; default 12. */
  captureSample?: number;
  /** The drafted documents as saved (a missing one is listed as not yet drafted). */
  documents?: CaseDocuments;
  /** A hearing was held: its record and report are listed (on paper). */
  hearing?: boolean;
  /** Cover and closing-sheet details the case database does not hold (ISO dates); blank lines where absent. */
  filedOn?: string | null;
  closedOn?: string | null;
  /** 保管期限; default 长期 (local archiving rules decide). */
  retention?: string;
  filedBy?: string;
  checkedBy?: string;
}

export interface CaseFilePage {
  title: string;
  volume: Volume;
  first: number;
  count: number;
  /** Listed in the table of contents (the cover, the contents and the closing sheet are not). */
  inToc: boolean;
}

export interface CaseFileTocEntry {
  volume: Volume;
  title: string;
  docNumber: string;
  date: string;
  note: string;
  first: number | null;
  count: number;
}

export interface CaseFile {
  model: DocumentModel;
  pdf: Buffer;
  pages: CaseFilePage[];
  toc: CaseFileTocEntry[];
  /** Pictures in the sample, and faces masked in them (0 when unmasked). */
  sample: { captureId: number; sha256: string; faces: number; masked: number }[];
  maskedFaces: number;
  unmasked: boolean;
  /** Chromium prints it took (each part measured, then the whole). */
  prints: number;
}

export const DEFAULT_RETENTION = '长期';

function facts(db: CaseDb, opts: BuildCaseFileOptions): CaseFileFacts {
  const info = readCaseInfo(db);
  return {
    caseName: info.name,
    partyName: info.partyName,
    caseNumber: info.number,
    handlingUnit: info.handlingUnit,
    officers: info.officers,
    filedOn: opts.filedOn ? chineseDate(opts.filedOn) : '',
    closedOn: opts.closedOn ? chineseDate(opts.closedOn) : '',
    retention: opts.retention ?? DEFAULT_RETENTION,
    filedBy: opts.filedBy ?? '',
    checkedBy: opts.checkedBy ?? '',
  };
}

/** The evidence the workstation computes for the main volume: the statistics charts and the sample of captures. */
async function evidenceParts(db: CaseDb, caseDir: string, caseNumber: string, opts: BuildCaseFileOptions): Promise<{ parts: EvidenceParts; sample: SampleResult }> {
  const stats = computeStats(db);
  const charts: DocumentPart = { title: CHARTS_TITLE, blocks: chartBlocks(caseCharts(caseNumber, stats, heatMap(db)), stats), volume: 'main', inToc: true };
  const sample = await samplePart(db, caseDir, { size: opts.captureSample, unmaskFaces: opts.unmaskFaces });
  const chartsDate = computedAtZh(stats.computedAt, stats.timezone).split(' ')[0]!;
  return { parts: { charts, sample: sample.part, chartsDate }, sample };
}

/** Each printed part's key in the pagination: volume, item, part index. Sheets: volume and sheet name. */
const itemKey = (volume: Volume, item: number, part: number) => `${volume}:${item}:${part}`;

export async function buildCaseFile(db: CaseDb, opts: BuildCaseFileOptions): Promise<CaseFile> {
  const caseDir = path.dirname(db.name);
  const f = facts(db, opts);
  const volumes: Volume[] = opts.volume === 'both' ? ['main', 'secondary'] : [opts.volume ?? 'main'];
  // Charts and the sample belong to the main volume's evidence: the secondary volume alone neither needs nor shows them.
  const evidence = volumes.includes('main') ? await evidenceParts(db, caseDir, f.caseNumber, opts) : null;
  const contents = new Map<Volume, ContentsItem[]>(
    volumes.map((v) => [v, volumeContents(v, opts.documents ?? {}, evidence?.parts ?? null, { hearing: opts.hearing })]),
  );
  const maskNote = !evidence
    ? null
    : opts.unmaskFaces
      ? '本卷抓拍样图应复核需要未遮挡人脸，含无关人员面部图像，仅限内部复核使用。'
      : `本卷抓拍样图中抓拍对象以外的人脸已遮挡（${evidence.sample.maskedFaces}处），证据原件存于案件证据保管库，未作改动。`;

  const layout: Layout = (counts) => {
    const parts: { key: string; part: DocumentPart }[] = [];
    let next = 1;
    const count = (key: string) => counts.get(key) ?? 1;
    for (const volume of volumes) {
      const items = contents.get(volume)!;
      const keys = { cover: `${volume}:cover`, toc: `${volume}:toc`, closing: `${volume}:closing` };
      const itemPages = items.map((item, i) => (item.parts ?? []).reduce((s, _, j) => s + count(itemKey(volume, i, j)), 0));
      const volumePages = count(keys.cover) + count(keys.toc) + itemPages.reduce((s, n) => s + n, 0) + count(keys.closing);
      const numbers = volumeNumbers(items, volumePages);
      const volumeFirst = next;
      let page = volumeFirst + count(keys.cover) + count(keys.toc);
      const lines: TocLine[] = items.map((item, i) => {
        const line = { item, first: item.parts ? page : null, count: itemPages[i]! };
        page += itemPages[i]!;
        return line;
      });
      const notes = volume === 'main' && maskNote ? [maskNote] : []; // the sample is in the main volume
      parts.push({ key: keys.cover, part: coverPart(volume, f, numbers) });
      parts.push({ key: keys.toc, part: tocPart(volume, f, lines) });
      items.forEach((item, i) => (item.parts ?? []).forEach((part, j) => parts.push({ key: itemKey(volume, i, j), part })));
      parts.push({ key: keys.closing, part: closingPart(volume, f, numbers, notes) });
      next = volumeFirst + volumePages;
    }
    return { parts };
  };

  const title = `${f.caseName || f.caseNumber} 案卷（${volumes.map((v) => VOLUME_NAMES[v]).join('、')}）`;
  const { model, pdf, placed, prints } = await paginate(layout, { kind: 'casefile', title, footer: f.caseNumber }, opts.printer);

  const pages: CaseFilePage[] = placed.map((p) => ({ title: p.part.title, volume: p.part.volume ?? 'main', first: p.first, count: p.count, inToc: p.part.inToc ?? false }));
  const toc: CaseFileTocEntry[] = [];
  for (const volume of volumes) {
    for (const item of contents.get(volume)!) {
      const printed = item.parts ? placed.filter((p) => item.parts!.includes(p.part)) : [];
      toc.push({
        volume,
        title: item.title,
        docNumber: item.docNumber,
        date: item.date,
        note: item.note,
        first: printed[0]?.first ?? null,
        count: printed.reduce((s, p) => s + p.count, 0),
      });
    }
  }
  return {
    model,
    pdf,
    pages,
    toc,
    sample: (evidence?.sample.pictures ?? []).map((p) => ({ captureId: p.capture.id, sha256: p.capture.pictureSha256, faces: p.faces, masked: p.masked })),
    maskedFaces: evidence?.sample.maskedFaces ?? 0,
    unmasked: opts.unmaskFaces === true,
    prints,
  };
}

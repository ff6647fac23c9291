/**
 * The 抓拍样图 part of the case file: how the sample was chosen, whether faces are masked, then each picture with
 * its caption. Returns what it masked, for the caller's audit record.
 */
import type { Block, DocumentPart } from '../../../shared/documents/model';
import type { CaseDb } from '../../store/caseDb';
import { samplePicture, type SamplePicture } from './samplePictures';
import { DEFAULT_SAMPLE_SIZE, selectSample } from './selectSample';

export const SAMPLE_TITLE = '抓拍样图';

export interface SampleResult {
  part: DocumentPart;
  pictures: SamplePicture[];
  maskedFaces: number;
}

export async function samplePart(db: CaseDb, caseDir: string, opts: { size?: number; unmaskFaces?: boolean } = {}): Promise<SampleResult> {
  const size = opts.size ?? DEFAULT_SAMPLE_SIZE;
  const pictures: SamplePicture[] = [];
  for (const capture of selectSample(db, size)) pictures.push(await samplePicture(db, caseDir, capture, opts));
  const maskedFaces = pictures.reduce((s, p) => s + p.masked, 0);
  const rule =
    `本样图自本案已做人脸分析的抓拍记录中按固定规则选取（至多${size}张）：先取每个摄像头最早的一条抓拍记录，再在有抓拍的日期中均匀选取日期，` +
    '取该日最早的一条尚未选取的记录，按抓拍时间排列。每张图片注明抓拍记录编号、摄像头、抓拍时间、取证数据中的文件名及其SHA-256值前16位，可据此在证据保管库中核对原件。';
  const masking = opts.unmaskFaces
    ? '应复核需要，本样图未对任何人脸做遮挡处理，含抓拍对象以外人员的面部图像，仅供办案、审核人员内部使用，不得公开，不得向无关人员提供。'
    : `为保护无关人员的个人信息，图中抓拍对象（图中最大的人脸）以外的人脸均已做马赛克遮挡，共遮挡${maskedFaces}处；遮挡仅施于打印件，证据原件未作任何改动。`;
  const blocks: Block[] = [
    { kind: 'title', text: SAMPLE_TITLE },
    { kind: 'paragraph', runs: [{ text: rule }] },
    { kind: 'paragraph', runs: [{ text: masking, bold: opts.unmaskFaces === true }] },
  ];
  if (pictures.length === 0) {
    blocks.push({ kind: 'paragraph', runs: [{ text: '本案尚无经人脸分析的抓拍图片，未附样图。' }] });
  }
  pictures.forEach((p, i) => {
    blocks.push({ kind: 'image', dataUrl: p.dataUrl, widthMm: p.widthMm, heightMm: p.heightMm, caption: `图${i + 1}\u3000${p.caption}` });
  });
  return { part: { title: SAMPLE_TITLE, blocks, volume: 'main', inToc: true }, pictures, maskedFaces };
}

/**
 * Writing the seized-archive files: the record sheet and one JPEG per capture.
 *
 * The layout is what the importer expects of this sample: `抓拍记录.csv` (GBK by default, CRLF, Chinese
 * headers) beside `抓拍图片/<YYYYMMDD>/<CAMxx>_<YYYYMMDD>_<HHMMSS>_<mmm>.jpg`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { CaptureRenderer, RenderJob } from './render';

export const SHEET_NAME = '抓拍记录.csv';
export const IMAGE_DIR = '抓拍图片';
export const SHEET_HEADER = ['序号', '抓拍时间', '设备编号', '设备名称', '区域', '人脸图片', '人员编号', '相似度'] as const;

export type SheetEncoding = 'gbk' | 'utf8';

/** RFC 4180 quoting: only fields that need it, doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The sheet as bytes. GBK is what Excel on Chinese Windows writes; the UTF-8 variant carries a BOM, as
 * Excel-oriented exports do, so Excel does not misread it.
 */
export function encodeSheet(rows: ReadonlyArray<readonly string[]>, encoding: SheetEncoding): Buffer {
  const text = [SHEET_HEADER, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'utf8') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, 'gbk');
}

export interface ImageTask {
  /** Path relative to the archive folder, forward slashes. */
  image: string;
  job: RenderJob;
}

export interface WriteImagesOptions {
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Renders and writes every image with a small pool of concurrent sharp jobs; returns each file's SHA-256.
 * Identical bytes are practically impossible but would break "every file unique", so after the pass any
 * duplicate is re-rendered with the next attempt's parameters, in row order, which keeps the output
 * independent of the order the pool finished in.
 */
export async function writeImages(
  archiveDir: string,
  tasks: readonly ImageTask[],
  renderer: CaptureRenderer,
  options: WriteImagesOptions,
): Promise<string[]> {
  for (const dir of new Set(tasks.map((t) => path.dirname(path.join(archiveDir, t.image))))) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const hashes: string[] = new Array<string>(tasks.length).fill('');
  let next = 0;
  let done = 0;
  let failed = false;

  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const index = next++;
      const task = tasks[index] as ImageTask;
      try {
        hashes[index] = await renderAndWrite(archiveDir, task, renderer, 0);
      } catch (error) {
        failed = true;
        throw new Error(`could not render ${task.image} from ${task.job.file}: ${(error as Error).message}`, { cause: error });
      }
      options.onProgress?.(++done, tasks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));

  const seen = new Set<string>();
  for (let i = 0; i < tasks.length; i++) {
    let attempt = 0;
    while (seen.has(hashes[i] ?? '')) hashes[i] = await renderAndWrite(archiveDir, tasks[i] as ImageTask, renderer, ++attempt);
    seen.add(hashes[i] ?? '');
  }
  return hashes;
}

async function renderAndWrite(archiveDir: string, task: ImageTask, renderer: CaptureRenderer, attempt: number): Promise<string> {
  const bytes = await renderer.render(task.job, attempt);
  await fs.promises.writeFile(path.join(archiveDir, task.image), bytes);
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * A hand-made document model with every block kind, for the renderers' tests and for anyone checking a layout:
 * Chinese text throughout, a statute article quoted verbatim from ../shared/legal, a table long enough to run onto
 * a second page (its header must repeat), an SVG chart and a JPEG, two parts and a case-file footer.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { DocumentModel } from '../../../shared/documents/model';

const LEGAL_DIR = path.resolve(import.meta.dirname, '../../../../shared/legal');

/** One article of a statute in ../shared/legal, as its line there (e.g. "第二十九条 经营者收集……"). */
export function statuteArticle(file: string, article: string): string {
  const text = fs.readFileSync(path.join(LEGAL_DIR, file), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(article));
  if (!line) throw new Error(`${article} not found in ${file}`);
  return line.trim();
}

export const CONSUMER_LAW_29 = () => statuteArticle('消费者权益保护法(2013-10-25).md', '第二十九条');

/** A bar chart as the findings charts are: SVG with Chinese labels. */
export const CHART_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">
<rect width="600" height="300" fill="#ffffff"/>
<text x="300" y="28" font-size="20" text-anchor="middle" font-family="Noto Sans CJK SC">每日抓拍数量</text>
<rect x="60" y="120" width="80" height="150" fill="#1f4e79"/><rect x="200" y="80" width="80" height="190" fill="#1f4e79"/>
<rect x="340" y="160" width="80" height="110" fill="#1f4e79"/><rect x="480" y="60" width="80" height="210" fill="#1f4e79"/>
<line x1="40" y1="270" x2="580" y2="270" stroke="#000000" stroke-width="2"/>
</svg>`;

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** A capture-like JPEG (a grey gradient), made here so the fixture needs no file. */
export async function sampleJpegDataUrl(): Promise<string> {
  const width = 320;
  const height = 240;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round((255 * (x + y)) / (width + height));
      pixels.set([v, 128, 255 - v], (y * width + x) * 3);
    }
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/** Texts the tests look for in every rendering, in document order. */
export const SAMPLE_TEXTS = {
  issuer: '禹州市市场监督管理局',
  title: '行政处罚决定书',
  docNumber: '禹市监处罚〔2022〕12号',
  heading1: '一、当事人基本情况',
  heading2: '（一）违法事实',
  heading3: '1.抓拍设备的安装情况',
  heading4: '（1）设备数量',
  facts: '经查，2021年4月18日至2021年10月14日期间，当事人在其售楼处安装人脸识别抓拍摄像头9个，共抓拍到访人员图片及录像数据124200条，涉及到访人员3571人。',
  listItems: ['1.营业执照复印件一份；', '2.现场检查笔录一份；', '3.电子数据证据提取笔录一份。'],
  tableCaption: '证据清单',
  tableHeader: ['序号', '证据名称', '来源', '页数'],
  signature: ['禹州市市场监督管理局', '2022年3月15日'],
  fieldsLabel: '案件名称',
  fieldsValue: '某置业有限公司未经同意采集消费者人脸信息案',
  tocEntry: '行政处罚决定书',
  secondPart: '证据材料',
  footer: '禹市监处罚〔2022〕12号',
  /** Markup in user input: must come out as text. */
  markup: '<b>当事人</b> & “引号”',
} as const;

export const TABLE_ROWS = 40;

export async function sampleDocumentModel(): Promise<DocumentModel> {
  const t = SAMPLE_TEXTS;
  return {
    kind: 'casefile',
    title: `${t.title} ${t.docNumber}`,
    footer: t.footer,
    parts: [
      {
        title: t.title,
        inToc: true,
        volume: 'main',
        blocks: [
          { kind: 'issuer', text: t.issuer },
          { kind: 'title', text: t.title },
          { kind: 'docNumber', text: t.docNumber },
          { kind: 'paragraph', indent: false, runs: [{ text: '当事人：某置业有限公司' }] },
          { kind: 'heading', level: 1, text: t.heading1 },
          { kind: 'heading', level: 2, text: t.heading2 },
          { kind: 'heading', level: 3, text: t.heading3 },
          { kind: 'heading', level: 4, text: t.heading4 },
          {
            kind: 'paragraph',
            runs: [
              { text: '经查，2021年4月18日至2021年10月14日期间，当事人在其售楼处安装人脸识别抓拍摄像头' },
              { text: '9', figure: { key: 'cameras', provenance: 'SELECT count(*) FROM cameras' } },
              { text: '个，共抓拍到访人员图片及录像数据' },
              { text: '124200', figure: { key: 'captures', provenance: 'SELECT count(*) FROM captures' } },
              { text: '条，涉及到访人员' },
              { text: '3571', bold: true, figure: { key: 'visitors' } },
              { text: '人。' },
            ],
          },
          { kind: 'paragraph', runs: [{ text: `《中华人民共和国消费者权益保护法》${CONSUMER_LAW_29()}` }] },
          { kind: 'paragraph', runs: [{ text: t.markup }] },
          { kind: 'list', items: t.listItems.map((text) => [{ text }]) },
          {
            kind: 'table',
            caption: t.tableCaption,
            header: [...t.tableHeader],
            widths: [12, 48, 28, 12],
            rows: Array.from({ length: TABLE_ROWS }, (_, i) => [String(i + 1), `抓拍记录导出表第${i + 1}册`, '现场提取', String(i + 2)]),
          },
          { kind: 'image', dataUrl: svgDataUrl(CHART_SVG), widthMm: 120, heightMm: 60, caption: '图1 每日抓拍数量' },
          { kind: 'image', dataUrl: await sampleJpegDataUrl(), widthMm: 64, heightMm: 48, caption: '图2 抓拍图片样例' },
          { kind: 'signature', lines: [...t.signature], seal: true },
        ],
      },
      {
        title: t.secondPart,
        inToc: true,
        volume: 'main',
        blocks: [
          { kind: 'title', text: t.secondPart },
          { kind: 'fields', rows: [{ label: t.fieldsLabel, value: t.fieldsValue }, { label: '保管期限', value: '长期' }] },
          { kind: 'toc', entries: [{ title: t.tocEntry, page: 1, pages: 3 }, { title: t.secondPart, page: 4 }, { title: '备考表', page: null }] },
          { kind: 'pageBreak' },
          { kind: 'paragraph', runs: [{ text: '本页在分页符之后。' }] },
        ],
      },
    ],
  };
}

/** Characters without punctuation (which readers may compress or hang), so every grid cell holds one character. */
const GRID_TEXT = '人脸识别抓拍摄像头采集到访人员图片数据经营者收集使用消费者个人信息应当遵循合法正当必要原则';

/**
 * One indented paragraph long enough to fill the first page: GB/T 9704's grid puts 22 lines on it, the first of
 * 26 characters (two-character indent) and the other 21 of 28: 614 characters.
 */
export function gridTestModel(): DocumentModel {
  const text = Array.from({ length: 30 * 28 }, (_, i) => GRID_TEXT[i % GRID_TEXT.length]).join('');
  return { kind: 'report', title: '版心测试', parts: [{ title: '版心测试', blocks: [{ kind: 'paragraph', runs: [{ text }] }] }] };
}

export const GRID_PAGE_ONE = { lines: 22, firstLineChars: 26, lineChars: 28 } as const;

/** A date and an amount in running text, as the drafts write them (half-width digits among CJK). */
export const NUMBER_TEXT = '2021年10月15日立案调查，罚款200000元，涉及到访人员3571人。';

/**
 * Paragraphs that put the numbers of NUMBER_TEXT across the end of a line at every position: each starts with one
 * more CJK character than the last, so some line end falls inside each digit sequence in turn. A reader must break
 * before or after a number, never between its digits ("10月1 / 5日").
 */
export function numberBreakTestModel(): DocumentModel {
  const blocks = Array.from({ length: 29 }, (_, n) => ({
    kind: 'paragraph' as const,
    indent: false,
    runs: [{ text: `${Array.from({ length: n }, (_, i) => GRID_TEXT[i % GRID_TEXT.length]).join('')}${NUMBER_TEXT}` }],
  }));
  return { kind: 'report', title: '数字断行测试', parts: [{ title: '数字断行测试', blocks }] };
}

/** The signature of SIGNATURE_TEST_MODEL, and the first characters of its last body paragraph. */
export const SIGNATURE_TEST = { lines: ['禹州市市场监督管理局', '2022年5月10日'], lastParagraph: '本行政处罚决定将依据' } as const;

/**
 * A body that ends two lines above the foot of page one: 17 + 3 lines of unindented 28-character text. The sealed
 * signature needs three blank lines and its two, so it cannot stay on page one; GB/T 9704 §7.3.5 then wants body
 * text to go with it onto page two, not a page with the signature alone.
 */
export function signatureTestModel(): DocumentModel {
  const text = (chars: number, from = 0) => Array.from({ length: chars }, (_, i) => GRID_TEXT[(from + i) % GRID_TEXT.length]).join('');
  return {
    kind: 'decision',
    title: '落款测试',
    parts: [
      {
        title: '落款测试',
        blocks: [
          { kind: 'paragraph', indent: false, runs: [{ text: text(17 * 28) }] },
          { kind: 'paragraph', indent: false, runs: [{ text: `${SIGNATURE_TEST.lastParagraph}${text(3 * 28 - SIGNATURE_TEST.lastParagraph.length, 5)}` }] },
          { kind: 'signature', lines: [...SIGNATURE_TEST.lines], seal: true },
        ],
      },
    ],
  };
}

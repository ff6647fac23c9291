/**
 * Word styles of an official document. Paragraphs refer to these by id, so a drafter editing the DOCX in Word, WPS
 * or LibreOffice finds named styles (正文, 标题 1…4) rather than formatting scattered over runs.
 *
 * Each run names one font (the official one: Word and WPS on a Chinese Windows have it); elsewhere the reader's
 * font substitution applies. The file cannot steer LibreOffice's: its DOCX import reads the font table's name,
 * charset and embedded fonts only, and drops w:altName, w:panose1, w:family and w:sig (7.4 through current master;
 * tried: no change in the faces it embeds). LibreOffice asks fontconfig by name alone, and a stock fontconfig knows
 * SimSun as a serif but none of FangSong_GB2312, FZXiaoBiaoSong-B05S, SimHei, KaiTi_GB2312: those fall to its
 * sans-serif, Noto Sans CJK. A Song/Fang face for 仿宋 and 小标宋 there takes a fontconfig alias on the reader's
 * machine, as the tests set up (testing/officeClient.ts).
 */
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { officialFont } from '../../../shared/documents/html/officialLayout';
import { BODY_CHARACTER_SPACING_TWIPS, HALF_POINTS, TWIPS, charsToTwips } from './docxUnits';

export const STYLE = {
  body: 'FABody',
  issuer: 'FAIssuer',
  title: 'Title',
  docNumber: 'FADocNumber',
  heading: (level: 1 | 2 | 3 | 4) => `Heading${level}`,
  tableText: 'FATableText',
  tableHead: 'FATableHead',
  caption: 'FACaption',
  picture: 'FAPicture',
  signature: 'FASignature',
  /** Table caption: 黑体, centred, kept with its table. */
  tableCaption: 'FATableCaption',
  /** 3号 cells of forms (fields, table of contents): label 黑体, text 仿宋, number centred. */
  formLabel: 'FAFormLabel',
  formText: 'FAFormText',
  formNumber: 'FAFormNumber',
  footer: 'FAFooter',
} as const;

/** One grid line, exactly: lines keep the 22-per-page pitch whatever font the reader substitutes. */
const gridLine = { line: TWIPS.line, lineRule: LineRuleType.EXACT } as const;
/** Two grid characters of first-line indent: in characters for Word/WPS, in twips for readers that ignore those. */
const twoChars = { firstLineChars: 200, firstLine: charsToTwips(2) } as const;

const fangsong = officialFont('fangsong');

/**
 * 3号 text, set 0.25 pt tighter (w:spacing −5 twips): 28 characters of 15.75 pt fill the 442.25 pt line, 29 do
 * not. This, not the grid's charSpace, makes the 28 characters: LibreOffice (7.4) reads a negative charSpace as a
 * huge one and sets 18 characters a line, while run spacing means the same in Word, WPS and LibreOffice.
 */
function body3hao(font: string) {
  return { font, size: HALF_POINTS.body, characterSpacing: BODY_CHARACTER_SPACING_TWIPS };
}

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      // Latin text (digits, SHA-256 values, file names) in English, CJK in Chinese, as Word writes a Chinese
      // document. With w:val="zh-CN" LibreOffice sets the digits as Western text in Chinese and breaks lines between
      // any two of them ("2021年10月1 / 5日"); in English a number breaks only before or after it.
      run: { font: fangsong, size: HALF_POINTS.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { ...gridLine, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.body,
      name: '公文正文',
      basedOn: 'Normal',
      quickFormat: true,
      // Left, not justified: LibreOffice (7.4) drops a comma it hangs into the margin at the end of a justified
      // line (found by the docx test's statute quote). On the 28-character grid the two differ only on lines with
      // Latin letters or digits, by less than a character.
      paragraph: { alignment: AlignmentType.LEFT, indent: twoChars, spacing: gridLine },
      run: body3hao(fangsong),
    },
    {
      id: STYLE.issuer,
      name: '公文发文机关',
      basedOn: 'Normal',
      next: STYLE.title,
      paragraph: { alignment: AlignmentType.CENTER, spacing: gridLine, keepNext: true },
      run: { font: officialFont('xiaobiaosong'), size: HALF_POINTS.title, snapToGrid: false },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, spacing: gridLine, keepNext: true, outlineLevel: 0 },
      // Off the character grid: a 22 pt character would otherwise take two 15.8 pt grid cells and look spaced out.
      run: { font: officialFont('xiaobiaosong'), size: HALF_POINTS.title, snapToGrid: false },
    },
    {
      id: STYLE.docNumber,
      name: '公文文号',
      basedOn: 'Normal',
      next: STYLE.body,
      paragraph: { alignment: AlignmentType.CENTER, spacing: gridLine },
      run: body3hao(fangsong),
    },
    ...([1, 2, 3, 4] as const).map((level) => ({
      id: STYLE.heading(level),
      name: `heading ${level}`,
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      paragraph: { indent: twoChars, spacing: gridLine, keepNext: true, outlineLevel: level },
      run: {
        ...body3hao(level === 1 ? officialFont('heiti') : level === 2 ? officialFont('kaiti') : fangsong),
        bold: level === 3,
        color: '000000',
      },
    })),
    {
      id: STYLE.tableText,
      name: '公文表格文字',
      basedOn: 'Normal',
      paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
      run: { font: fangsong, size: HALF_POINTS.small, snapToGrid: false },
    },
    {
      id: STYLE.tableHead,
      name: '公文表头',
      basedOn: STYLE.tableText,
      paragraph: { alignment: AlignmentType.CENTER },
      run: { font: officialFont('heiti'), size: HALF_POINTS.small, snapToGrid: false },
    },
    {
      id: STYLE.caption,
      name: '公文题注',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, spacing: gridLine },
      run: { font: fangsong, size: HALF_POINTS.caption, snapToGrid: false },
    },
    {
      id: STYLE.picture,
      name: '公文图片',
      basedOn: 'Normal',
      next: STYLE.caption,
      // A picture is taller than a grid line: exact spacing would crop it.
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.signature,
      name: '公文落款',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.RIGHT, spacing: gridLine, keepLines: true },
      run: body3hao(fangsong),
    },
    {
      id: STYLE.tableCaption,
      name: '公文表题',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, spacing: gridLine, keepNext: true },
      run: body3hao(officialFont('heiti')),
    },
    {
      id: STYLE.formLabel,
      name: '公文表单项目',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT, spacing: gridLine },
      run: body3hao(officialFont('heiti')),
    },
    {
      id: STYLE.formText,
      name: '公文表单内容',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.LEFT, spacing: gridLine },
      run: body3hao(fangsong),
    },
    {
      id: STYLE.formNumber,
      name: '公文表单页号',
      basedOn: STYLE.formText,
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE.footer,
      name: '公文页码',
      basedOn: 'Normal',
      // 18 pt, exactly: room for the 14 pt number, and a fixed height so the number's place is the same everywhere.
      paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT } },
      run: { font: officialFont('songti'), size: HALF_POINTS.pageNumber, snapToGrid: false },
    },
  ],
};

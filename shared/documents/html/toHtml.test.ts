import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../model';
import {
  CHAR_PITCH_PT,
  CSS_LETTER_SPACING_PT,
  LINE_PITCH_PT,
  LINE_PITCH_TWIPS,
  gridWidth,
  mmToTwips,
  pageNumberText,
  signatureRightIndents,
  tocPages,
} from './officialLayout';
import { headPercent, tableColumnPercents } from './tableColumns';
import { documentHtml } from './toHtml';

function model(blocks: DocumentModel['parts'][number]['blocks'], footer?: string): DocumentModel {
  return { kind: 'decision', title: '行政处罚决定书', footer, parts: [{ title: '决定书', blocks }] };
}

describe('GB/T 9704 page in numbers', () => {
  it('gives Word the margins in twips (1 mm = 56.69 twips)', () => {
    expect([37, 35, 28, 26, 210, 297].map(mmToTwips)).toEqual([2098, 1984, 1587, 1474, 11906, 16838]);
  });
  it('fits 22 lines in the 225 mm block: pitch 579 twips (28.95 pt), 580 would overflow', () => {
    expect(LINE_PITCH_TWIPS).toBe(579);
    expect(LINE_PITCH_PT).toBe(28.95);
    const block = 16838 - 2098 - 1984;
    expect(22 * 579).toBeLessThanOrEqual(block);
    expect(22 * 580).toBeGreaterThan(block);
  });
  it('sets 28 characters in the 156 mm line, and not 29', () => {
    expect(CHAR_PITCH_PT).toBeCloseTo(15.79, 2);
    const perChar = 16 + CSS_LETTER_SPACING_PT;
    const line = (8845 / 20);
    expect(28 * perChar).toBeLessThanOrEqual(line);
    expect(29 * perChar).toBeGreaterThan(line);
  });
  it('writes the page number with em dashes', () => {
    expect(pageNumberText(3)).toBe('— 3 —');
  });
  it('centres the issuing body over the date, the widest 4 characters in with a seal', () => {
    // 禹州市市场监督管理局 = 10 characters; 2022年3月15日 = 4 + 1 + 0.5 + 1 + 1 + 1 = 6.5.
    expect(gridWidth('2022年3月15日')).toBe(6.5);
    expect(signatureRightIndents(['禹州市市场监督管理局', '2022年3月15日'], true)).toEqual([4, 5.75]);
    expect(signatureRightIndents(['禹州市市场监督管理局', '2022年3月15日'], false)).toEqual([2, 3.75]);
  });
  it('widens a table column whose head would break (序 / 号 at 6 %), taking the room from the wide ones', () => {
    const widths = tableColumnPercents(['序号', '证据名称', '来源', 'SHA-256', '数量', '证明内容'], [6, 18, 22, 24, 12, 18]);
    expect(widths[0]).toBeGreaterThanOrEqual(headPercent('序号'));
    expect(headPercent('序号')).toBeGreaterThan(6);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    widths.forEach((w, i) => expect(w, `column ${i}`).toBeGreaterThanOrEqual(headPercent(['序号', '证据名称', '来源', 'SHA-256', '数量', '证明内容'][i] ?? '')));
    const html = documentHtml(model([{ kind: 'table', header: ['序号', '名称'], rows: [['1', '笔录']], widths: [5, 95] }]));
    expect(html).toMatch(/<col style="width: 7\.[5-9]\d*%"><col style="width: 92\.\d+%">/);
    // Wide enough already: the drafter's widths stand, scaled to 100.
    expect(tableColumnPercents(['序号', '名称'], [20, 80])).toEqual([20, 80]);
    expect(tableColumnPercents(['序号', '名称'], [1, 4])).toEqual([20, 80]);
    // Heads that cannot all fit: the drafter's widths stand.
    expect(tableColumnPercents(Array.from({ length: 20 }, () => '证明内容'), Array.from({ length: 20 }, () => 5))).toEqual(Array(20).fill(5));
  });

  it('prints a table-of-contents page range', () => {
    expect(tocPages({ page: 3, pages: 3 })).toBe('3–5');
    expect(tocPages({ page: 7 })).toBe('7');
    expect(tocPages({ page: null })).toBe('');
  });
});

describe('documentHtml', () => {
  it('escapes user text, so a draft cannot inject markup', () => {
    const html = documentHtml(
      model([
        { kind: 'paragraph', runs: [{ text: '<script>alert(1)</script>“当事人” & 公司' }] },
        { kind: 'table', header: ['<th>'], rows: [['a"b']] },
        { kind: 'fields', rows: [{ label: '<i>', value: "'x'" }] },
      ], '文号"><b>'),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;“当事人” &amp; 公司');
    expect(html).toContain('<th>&lt;th&gt;</th>');
    expect(html).toContain('<td>a&quot;b</td>');
    expect(html).toContain('<th>&lt;i&gt;</th><td>&#39;x&#39;</td>');
    // The footer goes into a CSS string: its quote is escaped, it cannot close the rule.
    expect(html).toContain('content: "文号\\"><b>"');
  });

  it('marks figures with their key and provenance, in print too', () => {
    const html = documentHtml(
      model([{ kind: 'paragraph', runs: [{ text: '共' }, { text: '124200', figure: { key: 'captures', provenance: 'SELECT count(*) FROM captures' } }, { text: '条' }] }]),
      { forPrint: true },
    );
    expect(html).toContain('共<span class="figure" data-figure="captures" title="SELECT count(*) FROM captures">124200</span>条');
    // In print the figure looks like the text around it: only the screen style underlines it.
    expect(html).not.toContain('@media screen');
    expect(documentHtml(model([]))).toContain('.figure { text-decoration: underline dotted');
  });

  it('loads nothing from outside: only data: pictures, and a CSP that says so', () => {
    const html = documentHtml(
      model([
        { kind: 'image', dataUrl: 'https://example.org/x.png', widthMm: 50, heightMm: 30, caption: '外链' },
        { kind: 'image', dataUrl: 'data:image/png;base64,iVBORw0KGgo=', widthMm: 50, heightMm: 30 },
      ]),
    );
    expect(html).not.toContain('example.org');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="" style="width: 50mm; height: 30mm">');
    expect(html).toContain("default-src 'none'; img-src data:");
  });

  it('sets the GB/T 9704 page and the page numbers on the outer side', () => {
    const html = documentHtml(model([]));
    expect(html).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/@page :right \{\s*@bottom-right \{ content: "— " counter\(page\) " —";/);
    expect(html).toMatch(/@page :left \{\s*@bottom-left \{ content: "— " counter\(page\) " —";/);
    expect(html).toContain('line-height: 28.95pt; letter-spacing: -0.21pt');
  });

  it('starts each part on a new page and repeats table headers', () => {
    const doc: DocumentModel = {
      kind: 'casefile',
      title: '案卷',
      parts: [
        { title: '一', blocks: [{ kind: 'table', caption: '证据清单', header: ['序号', '名称'], rows: [['1', '笔录']], widths: [20, 80] }] },
        { title: '二', blocks: [{ kind: 'heading', level: 2, text: '（一）事实' }, { kind: 'pageBreak' }] },
      ],
    };
    const html = documentHtml(doc);
    expect(html).toContain('.part + .part { break-before: page; }');
    expect(html.match(/<section class="part"/g)).toHaveLength(2);
    expect(html).toContain(
      '<table class="grid"><caption>证据清单</caption><colgroup><col style="width: 20%"><col style="width: 80%"></colgroup><thead><tr><th>序号</th><th>名称</th></tr></thead>',
    );
    expect(html).toContain('<h3 class="heading level-2">（一）事实</h3>\n<div class="page-break"></div>');
  });

  it('keeps the end of the body with the signature, and the signature in one piece (GB/T 9704 §7.3.5)', () => {
    const html = documentHtml(
      model([
        { kind: 'paragraph', runs: [{ text: '前文。' }] },
        { kind: 'paragraph', runs: [{ text: '末段。' }] },
        { kind: 'signature', lines: ['禹州市市场监督管理局', '2022年5月10日'], seal: true },
      ]),
    );
    expect(html).toContain('<p class="body">前文。</p>');
    expect(html).toContain('<p class="body keep-with-next">末段。</p>');
    expect(html).toContain('.signature { break-inside: avoid; break-before: avoid; }');
    expect(html).toContain('.keep-with-next { break-after: avoid; widows: 2; }');
  });

  it('keeps a lead-in ending in a colon with what it introduces', () => {
    const html = documentHtml(
      model([
        { kind: 'paragraph', runs: [{ text: '上述事实，有以下证据证明：' }] },
        { kind: 'list', items: [[{ text: '1. 现场检查笔录；' }]] },
        { kind: 'paragraph', runs: [{ text: '本局决定：' }] },
        { kind: 'pageBreak' },
        { kind: 'paragraph', runs: [{ text: '当事人：某公司' }], indent: false },
      ]),
    );
    expect(html).toContain('<p class="body keep-with-next">上述事实，有以下证据证明：</p>');
    expect(html).toContain('<ol class="list">');
    // Before a page break the drafter wants the break.
    expect(html).toContain('<p class="body">本局决定：</p>');
    expect(html).toContain('<p class="body no-indent">当事人：某公司</p>');
  });

  it('leaves a blank line under the title block, none between issuer, title and number', () => {
    const html = documentHtml(
      model([
        { kind: 'issuer', text: '禹州市市场监督管理局' },
        { kind: 'title', text: '行政处罚决定书' },
        { kind: 'docNumber', text: '禹市监处罚〔2022〕12号' },
        { kind: 'paragraph', runs: [{ text: '当事人：某公司' }], indent: false },
      ]),
    );
    expect(html).toContain('<p class="issuer">禹州市市场监督管理局</p>');
    expect(html).toContain('<h1 class="title">行政处罚决定书</h1>');
    expect(html).toContain('<p class="doc-number" style="margin-bottom: 28.95pt">禹市监处罚〔2022〕12号</p>');
    expect(html).toContain('<p class="body no-indent">当事人：某公司</p>');
  });
});

import { describe, expect, it } from 'vitest';
import { checkDraft, checkMessage, type CheckInput } from './checks';
import { CHECK_MESSAGES } from './checkMessages';

/**
 * A decision in the Yuzhou pattern (DOMAIN.md §1, §4): capture from 2021-04-18 to 2021-10-14, before PIPL; fine
 * 200,000 yuan under 消法 第五十六条 with illegal gains that cannot be calculated; notice on 2022-05-16 (a Monday),
 * decision on 2022-05-27. Written correctly, so the only finding is the note on the gains; each test breaks one thing.
 */
function decision(): CheckInput {
  return {
    kind: 'decision',
    conduct: { first: '2021-04-18T09:12:00+08:00', last: '2021-10-14T17:40:00+08:00' },
    documentDate: '2022-05-27',
    noticeDate: '2022-05-16',
    citations: [
      { ref: { statute: 'consumerProtection', article: 29, paragraph: 1 }, role: 'violated' },
      { ref: { statute: 'consumerPenaltyMeasures', article: 11, paragraph: 1, item: 1 }, role: 'violated' },
      { ref: { statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 }, role: 'penaltyBasis' },
      { ref: { statute: 'consumerPenaltyMeasures', article: 14 }, role: 'penaltyBasis' },
      { ref: { statute: 'administrativeLitigation', article: 46 }, role: 'remedy' },
    ],
    penalty: { fineYuan: 200_000, illegalGainsYuan: null, refusedToCorrect: false, basis: null },
    docNumber: '禹市监处罚〔2022〕12号',
    texts: [
      { section: 'facts', title: '违法事实', required: true, text: '经查，2021年4月18日至2021年10月14日期间，当事人在售楼部安装人脸识别摄像头9个，共抓拍到访人员图片124200条。' },
      { section: 'decision', title: '处罚决定', required: true, text: '一、责令改正；二、罚款200000元（大写：贰拾万元整），上缴国库。' },
      { section: 'remedies', title: '救济途径', required: true, text: '如不服本处罚决定，可以在收到本决定书之日起六十日内向禹州市人民政府申请行政复议，或者在六个月内依法向禹州市人民法院提起行政诉讼。' },
      { section: 'signature', title: '落款', required: true, text: '禹州市市场监督管理局\n2022年5月27日' },
    ],
  };
}

const codes = (input: CheckInput) => checkDraft(input).map((f) => f.code);
const only = (input: CheckInput, code: string) => checkDraft(input).filter((f) => f.code === code);

describe('the correct decision', () => {
  it('raises only the note that the gains cannot be calculated', () => {
    expect(codes(decision())).toEqual(['fine.gainsUnknown']);
  });
});

describe('law not in force during the conduct (行政处罚法 第三十七条)', () => {
  it('PIPL cited for conduct that ended before 2021-11-01', () => {
    const input = decision();
    input.citations.push({ ref: { statute: 'pipl', article: 26 }, role: 'violated' }, { ref: { statute: 'pipl', article: 28 }, role: 'violated' });
    const found = only(input, 'law.notInForce');
    expect(found).toHaveLength(1); // one per statute, not per article
    expect(found[0]!.params).toMatchObject({ citation: '《中华人民共和国个人信息保护法》第二十六条', effectiveFrom: '2021-11-01', conductLast: '2021-10-14' });
    expect(checkMessage(found[0]!, 'zh-CN')).toContain('《中华人民共和国行政处罚法》第三十七条');
    expect(checkMessage(found[0]!, 'zh-CN')).toContain('自2021年11月1日起施行');
    expect(checkMessage(found[0]!, 'en')).toContain('art. 37');
  });

  it('conduct spanning 2021-11-01: only the part from that day may be judged under PIPL', () => {
    const input = decision();
    input.conduct.last = '2021-12-20';
    input.citations.push({ ref: { statute: 'pipl', article: 66, paragraph: 1 }, role: 'penaltyBasis' });
    input.penalty!.refusedToCorrect = true;
    expect(only(input, 'law.partlyInForce')[0]!.params).toMatchObject({ conductFirst: '2021-04-18', conductLast: '2021-12-20' });
    expect(codes(input)).not.toContain('law.notInForce');
  });

  it('PIPL for conduct wholly after 2021-11-01 passes', () => {
    const input = decision();
    input.conduct = { first: '2021-11-01', last: '2022-03-01' };
    input.citations.push({ ref: { statute: 'pipl', article: 26 }, role: 'violated' });
    expect(codes(input)).toEqual(['fine.gainsUnknown']);
  });

  it('generic over statutes: 消法 2013 amendment for conduct in 2013', () => {
    const input = decision();
    input.conduct = { first: '2013-06-01', last: '2013-12-31' };
    input.documentDate = '2014-06-03';
    input.noticeDate = '2014-05-20';
    input.texts[3]!.text = '2014年6月3日';
    expect(only(input, 'law.notInForce').map((f) => f.params.title)).toEqual(['中华人民共和国消费者权益保护法', '侵害消费者权益行为处罚办法']);
  });

  it('remedies: 行政复议法 2023 cited in a 2022 decision', () => {
    const input = decision();
    input.citations.push({ ref: { statute: 'administrativeReconsideration', article: 20 }, role: 'remedy' });
    expect(only(input, 'law.notInForceAtDocument')[0]!.params).toMatchObject({ effectiveFrom: '2024-01-01', documentDate: '2022-05-27' });
    input.documentDate = '2024-01-02';
    input.noticeDate = '2023-12-20';
    input.texts[3]!.text = '2024年1月2日';
    expect(codes(input)).not.toContain('law.notInForceAtDocument');
  });

  it('unknown conduct dates: said once, as information', () => {
    const input = decision();
    input.conduct = { first: null, last: null };
    expect(codes(input)).toContain('conduct.datesMissing');
  });

  it('a citation that does not exist', () => {
    const input = decision();
    input.citations.push({ ref: { statute: 'consumerProtection', article: 56, paragraph: 1, item: 11 }, role: 'penaltyBasis' });
    expect(only(input, 'citation.unresolved')[0]!.params.problem).toMatch(/10 item/u);
  });
});

describe('fine within the article’s range', () => {
  it('消法 56 without illegal gains: up to 500,000', () => {
    const input = decision();
    input.penalty!.fineYuan = 500_000;
    input.texts[1]!.text = '罚款500000元（大写：伍拾万元整）';
    expect(codes(input)).not.toContain('fine.aboveCap');
    input.penalty!.fineYuan = 500_001;
    input.texts[1]!.text = '罚款500001元（大写：伍拾万零壹元整）';
    expect(only(input, 'fine.aboveCap')[0]!.params).toMatchObject({ cap: 500_000, citation: '《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项' });
    input.penalty!.illegalGainsYuan = 0; // gains of nothing: the same cap, without the note on unknown gains
    expect(codes(input)).toContain('fine.aboveCap');
    expect(codes(input)).not.toContain('fine.gainsUnknown');
  });

  it('消法 56 with illegal gains: 1 to 10 times', () => {
    const input = decision();
    input.penalty!.illegalGainsYuan = 30_000;
    input.penalty!.fineYuan = 29_999;
    input.texts[1]!.text = '罚款29999元（大写：贰万玖仟玖佰玖拾玖元整）';
    expect(only(input, 'fine.belowGainsMultiple')[0]!.params).toMatchObject({ min: 30_000 });
    input.penalty!.fineYuan = 300_001;
    input.texts[1]!.text = '罚款300001元（大写：叁拾万零壹元整）';
    expect(only(input, 'fine.aboveGainsMultiple')[0]!.params).toMatchObject({ max: 300_000 });
    input.penalty!.fineYuan = 300_000;
    input.texts[1]!.text = '罚款300000元（大写：叁拾万元整）';
    expect(codes(input)).toEqual([]);
  });

  it('办法 第十四条 alone punishes under 消法 56: the same range', () => {
    const input = decision();
    input.penalty!.basis = { statute: 'consumerPenaltyMeasures', article: 14 };
    input.penalty!.fineYuan = 600_000;
    input.texts[1]!.text = '罚款600000元（大写：陆拾万元整）';
    expect(only(input, 'fine.aboveCap')[0]!.params.citation).toBe('《中华人民共和国消费者权益保护法》第五十六条第一款');
  });

  it('PIPL 66 first paragraph: a fine only where the party refused to correct, up to 1,000,000', () => {
    const input = decision();
    input.conduct = { first: '2021-11-01', last: '2022-03-01' };
    input.penalty!.basis = { statute: 'pipl', article: 66, paragraph: 1 };
    expect(only(input, 'fine.needsRefusal')[0]!.params.citation).toBe('《中华人民共和国个人信息保护法》第六十六条第一款');
    input.penalty!.refusedToCorrect = true;
    expect(codes(input)).toEqual([]);
    input.penalty!.fineYuan = 1_200_000;
    input.texts[1]!.text = '罚款1200000元（大写：壹佰贰拾万元整）';
    expect(only(input, 'fine.aboveCap')[0]!.params.cap).toBe(1_000_000);
  });

  it('PIPL 66 second paragraph: provincial level, 50,000,000 or 5 % of turnover', () => {
    const input = decision();
    input.conduct = { first: '2021-11-01', last: '2022-03-01' };
    input.penalty!.basis = { statute: 'pipl', article: 66, paragraph: 2 };
    expect(codes(input)).toEqual(['fine.provincialOnly']);
    input.penalty!.fineYuan = 60_000_000;
    input.texts[1]!.text = '罚款60000000元（大写：陆仟万元整）';
    expect(only(input, 'fine.aboveCap')[0]!.params.cap).toBe(50_000_000);
    input.penalty!.turnoverYuan = 2_000_000_000; // 5 % = 100,000,000
    expect(codes(input)).not.toContain('fine.aboveCap');
  });

  it('zero or negative fine, and a fine without a basis', () => {
    const input = decision();
    input.penalty!.fineYuan = 0;
    expect(codes(input)).toContain('fine.notPositive');
    input.penalty!.fineYuan = 200_000;
    input.citations = input.citations.filter((c) => c.role !== 'penaltyBasis');
    expect(codes(input)).toContain('fine.noBasis');
  });

  it('the fine written in the text differs from the fine decided', () => {
    const input = decision();
    input.texts.push({ section: 'discretion', title: '裁量理由', required: false, text: '综合考虑，拟处罚款人民币18万元。' });
    const found = only(input, 'fine.textMismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section: 'discretion', params: { written: '18万元', fine: 200_000 } });
    // Quoting the statute's range ("处以五十万元以下的罚款") is not a fine written.
    input.texts[2]!.text += '依据“没有违法所得的，处以五十万元以下的罚款”';
    expect(only(input, 'fine.textMismatch')).toHaveLength(1);
  });
});

describe('number formats', () => {
  it('文号 with wrong brackets, 第 and a leading zero', () => {
    const input = decision();
    input.docNumber = '禹市监处罚[2022]第012号';
    const found = only(input, 'docNumber.format')[0]!;
    expect(found.params).toMatchObject({ problems: 'brackets,di,leadingZero', suggestion: '禹市监处罚〔2022〕12号' });
    expect(checkMessage(found, 'zh-CN')).toContain('禹市监处罚〔2022〕12号');
  });

  it('document date missing, or not written in full in the text', () => {
    const input = decision();
    input.documentDate = null;
    expect(codes(input)).toContain('date.missing');
    const other = decision();
    other.texts[3]!.text = '禹州市市场监督管理局\n二〇二二年五月二十七日';
    expect(codes(other)).toEqual(expect.arrayContaining(['date.notInText', 'date.format']));
    expect(only(other, 'date.format')[0]!.params).toMatchObject({ problem: 'chineseNumerals', suggestion: '2022年5月27日', written: '二〇二二年五月二十七日' });
  });

  it('dates written short in the facts', () => {
    const input = decision();
    input.texts[0]!.text = '经查，2021.4.18至21年10月14日期间……';
    expect(only(input, 'date.format').map((f) => f.params.problem)).toEqual(['dotted', 'shortYear']);
  });

  it('capital numerals that do not say the figure', () => {
    const input = decision();
    input.texts[1]!.text = '一、责令改正；二、罚款200000元（大写：贰万元整）。';
    expect(only(input, 'amount.capitalMismatch')[0]!.params).toMatchObject({ figures: '200000元', capital: '贰万元整', capitalYuan: 20_000 });
    input.texts[1]!.text = '罚款人民币贰拾万元整（¥200,000.00）';
    expect(codes(input)).not.toContain('amount.capitalMismatch');
    input.texts[1]!.text = '罚款人民币贰拾万元整（¥20,000.00）';
    expect(codes(input)).toContain('amount.capitalMismatch');
  });

  it('a capital amount stopping at 元 without 整', () => {
    const input = decision();
    input.texts[1]!.text = '罚款200000元（大写：贰拾万元）';
    expect(only(input, 'amount.capitalNoZheng')[0]).toMatchObject({ severity: 'info', params: { suggestion: '贰拾万元整' } });
    input.texts[1]!.text = '罚款180000.5元（大写：壹拾捌万元伍角）'; // 整 after 角 is optional
    input.penalty!.fineYuan = 180_000.5;
    expect(codes(input)).not.toContain('amount.capitalNoZheng');
  });

  it('a figure grouped wrongly', () => {
    const input = decision();
    input.texts[1]!.text = '罚款20,0000元（大写：贰拾万元整）';
    expect(only(input, 'amount.grouping')[0]!.params.figures).toBe('20,0000');
    input.texts[1]!.text = '罚款200,000元（大写：贰拾万元整）';
    expect(codes(input)).not.toContain('amount.grouping');
  });

  it('structured amounts: capital required and missing, capital or figures wrong', () => {
    const input = decision();
    input.amounts = [{ section: 'decision', yuan: 200_000, figures: '200000元', capital: '贰拾万元整', capitalRequired: true }];
    expect(codes(input)).toEqual(['fine.gainsUnknown']);
    input.amounts = [{ section: 'decision', yuan: 200_000, figures: '200000元', capital: null, capitalRequired: true }];
    expect(codes(input)).toContain('amount.capitalMissing');
    input.amounts = [{ section: 'decision', yuan: 200_000, figures: '20000元', capital: '贰拾万元', capitalRequired: true }];
    expect(codes(input)).toContain('amount.figureMismatch');
    expect(codes(input)).not.toContain('amount.capitalMismatch');
    input.amounts = [{ section: 'decision', yuan: 200_000, figures: '200,000元', capital: '贰拾万元零整', capitalRequired: true }];
    expect(codes(input)).toEqual(expect.arrayContaining(['amount.capitalUnreadable']));
  });
});

describe('sections', () => {
  it('a required section empty', () => {
    const input = decision();
    input.texts[0]!.text = '  \n';
    expect(only(input, 'section.empty')[0]).toMatchObject({ section: 'facts', params: { title: '违法事实' } });
    input.texts[0]!.required = false;
    expect(codes(input)).not.toContain('section.empty');
  });

  it('placeholders left in', () => {
    for (const text of ['当事人于【待填写】安装', '法定代表人：____', '落款日期：　　年　月　日']) {
      const input = decision();
      input.texts[0]!.text = text;
      expect(codes(input), text).toContain('section.placeholder');
    }
    const input = decision();
    input.texts[0]!.text = '抓拍【captures】条【注】'; // figure tokens and a drafter's note are not placeholders
    expect(codes(input)).not.toContain('section.placeholder');
  });

  it('decision without remedies', () => {
    const input = decision();
    input.citations = input.citations.filter((c) => c.role !== 'remedy');
    input.texts[2]!.text = '';
    input.texts[2]!.required = false;
    expect(codes(input)).toContain('remedy.missing');
  });

  it('a notice for a large fine that does not tell of the hearing right', () => {
    const input = decision();
    input.kind = 'notice';
    input.docNumber = '禹市监罚告〔2022〕12号';
    input.hearingThresholdYuan = 100_000;
    expect(codes(input)).toContain('notice.hearingRight');
    input.texts[2]!.text = '你（单位）有权进行陈述、申辩，并有权要求听证。';
    expect(codes(input)).not.toContain('notice.hearingRight');
  });
});

describe('dates in order', () => {
  it('decision dated before the conduct ended, or before the notice', () => {
    const input = decision();
    input.documentDate = '2021-10-01';
    input.noticeDate = null;
    input.texts[3]!.text = '2021年10月1日';
    expect(codes(input)).toContain('date.beforeConductEnd');
    const other = decision();
    other.noticeDate = '2022-05-30';
    expect(codes(other)).toContain('date.beforeNotice');
  });

  it('decision inside the 5 working days after the notice', () => {
    const input = decision();
    input.noticeDate = '2022-05-20'; // Friday: 5 working days end on Friday 2022-05-27
    expect(only(input, 'date.noticePeriodOpen')[0]!.params.periodEnd).toBe('2022-05-27');
    input.noticeDate = '2022-05-19'; // Thursday: the period ends on Thursday 2022-05-26
    expect(codes(input)).not.toContain('date.noticePeriodOpen');
  });
});

describe('messages', () => {
  it('every code has words in both languages, without unfilled parameters', () => {
    const params = { citation: '《中华人民共和国个人信息保护法》第二十六条', title: '标题', statute: 'pipl', article: 1, problem: 'dotted', effectiveFrom: '2021-11-01', conductFirst: '2021-04-18', conductLast: '2021-10-14', documentDate: '2022-05-27', fine: 200000, cap: 500000, gains: 1, min: 1, max: 10, written: 'x', value: '禹市监处罚[2022]12号', problems: 'brackets', suggestion: '', date: '2022-05-27', full: '2022年5月27日', noticeDate: '2022-05-16', periodEnd: '2022-05-23', figures: '1', capital: '壹元整', capitalYuan: 1, yuan: 1, placeholder: '____', threshold: 100000 };
    Object.assign(params, { suggestion: '贰拾万元整' });
    for (const code of Object.keys(CHECK_MESSAGES) as (keyof typeof CHECK_MESSAGES)[]) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = checkMessage({ code, severity: 'warning', params }, lang);
        expect(text, `${code} ${lang}`).not.toMatch(/undefined|\$\{|NaN/u);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('writes dates and amounts per language', () => {
    const f = { code: 'fine.aboveCap' as const, severity: 'warning' as const, params: { citation: '《中华人民共和国消费者权益保护法》第五十六条第一款', fine: 600000, cap: 500000 } };
    expect(checkMessage(f, 'zh-CN')).toBe('罚款600,000元超出《中华人民共和国消费者权益保护法》第五十六条第一款规定的上限500,000元，请核对金额或处罚依据。');
    expect(checkMessage(f, 'en')).toContain('600,000 yuan exceeds the 500,000 yuan');
  });
});

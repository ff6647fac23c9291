import { describe, expect, it } from 'vitest';
import { FACE_CAPTURE_BASIS, citationTail, citationText, inForceOn, quote, quoteLines, refProblem, statute } from './index';

// Known answers copied from ../shared/legal by hand (the line-by-line comparison is scripts/transcribeStatutes.test.ts).
const LEAD_56 =
  '经营者有下列情形之一，除承担相应的民事责任外，其他有关法律、法规对处罚机关和处罚方式有规定的，依照法律、法规的规定执行；法律、法规未作规定的，由工商行政管理部门或者其他有关行政部门责令改正，可以根据情节单处或者并处警告、没收违法所得、处以违法所得一倍以上十倍以下的罚款，没有违法所得的，处以五十万元以下的罚款；情节严重的，责令停业整顿、吊销营业执照:';
const ITEM_56_9 = '（九）侵害消费者人格尊严、侵犯消费者人身自由或者侵害消费者个人信息依法得到保护的权利的；';

describe('the articles issue 7 needs', () => {
  const required: Record<string, number[]> = {
    consumerProtection: [29, 56],
    consumerPenaltyMeasures: [11, 14],
    pipl: [13, 14, 17, 26, 28, 29, 51, 55, 66],
    administrativePenalty: [29, 32, 33, 37, 59, 63, 64],
    administrativeReconsideration: [20, 24],
    administrativeLitigation: [46],
    faceRecognitionInterpretation: [2],
    penaltyProcedure: [48, 57, 62, 78],
  };
  it.each(Object.entries(required))('%s has them, labelled', (id, numbers) => {
    const s = statute(id as never);
    for (const n of numbers) expect(s.articles[n]?.paragraphs.length, `${id} ${n}`).toBeGreaterThan(0);
  });

  it('structure of 消法 第五十六条: a lead-in with ten items, then a second paragraph', () => {
    const a = statute('consumerProtection').articles[56]!;
    expect(a.label).toBe('第五十六条');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[0]!.text).toBe(LEAD_56);
    expect(a.paragraphs[0]!.items).toHaveLength(10);
    expect(a.paragraphs[1]!.text).toBe('经营者有前款规定情形的，除依照法律、法规规定予以处罚外，处罚机关应当记入信用档案，向社会公布。');
  });

  it('程序规定 第七十八条: four paragraphs, the second and third with 7 and 6 items', () => {
    const a = statute('penaltyProcedure').articles[78]!;
    expect(a.paragraphs.map((p) => p.items.length)).toEqual([0, 7, 6, 0]);
    expect(a.paragraphs[2]!.items[1]).toBe('（二）调查终结报告；');
  });
});

describe('citationText', () => {
  it('writes the full title, article, paragraph and item', () => {
    expect(citationText({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 })).toBe(
      '《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项',
    );
    expect(citationText({ statute: 'consumerProtection', article: 29 })).toBe('《中华人民共和国消费者权益保护法》第二十九条');
    expect(citationText({ statute: 'pipl', article: 66, paragraph: 2 })).toBe('《中华人民共和国个人信息保护法》第六十六条第二款');
    expect(citationText({ statute: 'administrativeReconsideration', article: 20 })).toBe('《中华人民共和国行政复议法》第二十条');
    expect(citationText({ statute: 'administrativeLitigation', article: 46 })).toBe('《中华人民共和国行政诉讼法》第四十六条');
  });

  it('an item of a one-paragraph article is cited without 第一款; an item without paragraph lies in the first', () => {
    // 程序规定 第四十八条 has one paragraph listing six items.
    expect(citationTail({ statute: 'penaltyProcedure', article: 48, item: 6 })).toBe('第四十八条第（六）项');
    expect(citationTail({ statute: 'penaltyProcedure', article: 48, paragraph: 1, item: 6 })).toBe('第四十八条第（六）项');
    // 处罚办法 第十一条 has two paragraphs, so the item names its paragraph.
    expect(citationTail({ statute: 'consumerPenaltyMeasures', article: 11, item: 1 })).toBe('第十一条第一款第（一）项');
    expect(citationText({ statute: 'penaltyProcedure', article: 87 })).toBe('《市场监督管理行政处罚程序规定》第八十七条');
  });

  it('refuses references that do not exist, and says why', () => {
    expect(refProblem({ statute: 'pipl', article: 75 })).toMatch(/no article 75/u);
    expect(refProblem({ statute: 'pipl', article: 66, paragraph: 3 })).toMatch(/2 paragraph/u);
    expect(refProblem({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 11 })).toMatch(/10 item/u);
    expect(refProblem({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 })).toBeNull();
    expect(() => citationText({ statute: 'pipl', article: 75 })).toThrow(/does not resolve/u);
  });
});

describe('quote', () => {
  it('56①(九) is the lead-in of the first paragraph and item (九), exactly', () => {
    expect(quoteLines({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 })).toEqual([LEAD_56, ITEM_56_9]);
    expect(quote({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 })).toBe(`${LEAD_56}\n${ITEM_56_9}`);
  });

  it('a whole article is every paragraph and item in order; a paragraph is its text and items', () => {
    const whole = quoteLines({ statute: 'consumerProtection', article: 56 });
    expect(whole).toHaveLength(12);
    expect(whole[0]).toBe(LEAD_56);
    expect(whole[11]).toMatch(/^经营者有前款规定情形的/u);
    expect(quote({ statute: 'consumerProtection', article: 29, paragraph: 1 })).toBe(
      '经营者收集、使用消费者个人信息，应当遵循合法、正当、必要的原则，明示收集、使用信息的目的、方式和范围，并经消费者同意。经营者收集、使用消费者个人信息，应当公开其收集、使用规则，不得违反法律、法规的规定和双方的约定收集、使用信息。',
    );
    expect(quote({ statute: 'pipl', article: 66, paragraph: 1 })).toContain('拒不改正的，并处一百万元以下罚款；');
    expect(quote({ statute: 'administrativePenalty', article: 37 })).toBe(
      '实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。',
    );
  });
});

describe('dates', () => {
  it('effective dates', () => {
    expect(statute('consumerProtection').effectiveFrom).toBe('2014-03-15');
    expect(statute('consumerPenaltyMeasures').effectiveFrom).toBe('2015-03-15');
    expect(statute('pipl').effectiveFrom).toBe('2021-11-01');
    expect(statute('administrativePenalty').effectiveFrom).toBe('2021-07-15');
    expect(statute('administrativeReconsideration').effectiveFrom).toBe('2024-01-01');
    expect(statute('administrativeLitigation').effectiveFrom).toBe('2017-07-01');
    expect(statute('penaltyPublicity').effectiveFrom).toBe('2021-09-01');
    expect(statute('faceRecognitionInterpretation').effectiveFrom).toBe('2021-08-01');
  });

  it('inForceOn compares with the effective date, the day itself included', () => {
    expect(inForceOn('pipl', '2021-10-31')).toBe(false);
    expect(inForceOn('pipl', '2021-11-01')).toBe(true);
    expect(inForceOn('pipl', '2021-11-01T00:00:00+08:00')).toBe(true);
    expect(inForceOn('administrativeReconsideration', '2022-05-27')).toBe(false);
    expect(inForceOn('administrativeReconsideration', '2024-01-01')).toBe(true);
  });
});

describe('the face-capture basis list', () => {
  it('every entry resolves, and its summary agrees with the words it summarises', () => {
    for (const entry of FACE_CAPTURE_BASIS) expect(refProblem(entry.ref), JSON.stringify(entry.ref)).toBeNull();
    // Spot checks that a summary and its provision say the same thing (figures and periods of the text).
    const words = (statuteId: string, article: number, paragraph?: number) =>
      quote({ statute: statuteId as never, article, ...(paragraph ? { paragraph } : {}) });
    expect(words('penaltyPublicity', 9)).toContain('二十个工作日');
    expect(words('administrativeLitigation', 46)).toContain('六个月');
    expect(words('administrativeReconsideration', 20)).toContain('六十日');
    expect(words('pipl', 66, 2)).toContain('五千万元以下或者上一年度营业额百分之五以下');
    expect(words('penaltyProcedure', 57)).toContain('五个工作日');
  });

  it('holds each article issue 7 names once per citation', () => {
    const keys = FACE_CAPTURE_BASIS.map((b) => citationText(b.ref));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('《中华人民共和国消费者权益保护法》第五十六条第一款第（九）项');
    expect(keys).toContain('《侵害消费者权益行为处罚办法》第十一条第一款第（一）项');
  });
});

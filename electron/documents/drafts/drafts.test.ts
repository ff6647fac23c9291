/**
 * The four drafts on the hand-counted findings case (electron/findings/testing/handCase.ts): every required section,
 * the facts with the case's exact figures, the statutes quoted as the statute files give them, figures linked to
 * their provenance.
 */
import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../shared/documents/fields';
import { resolveText } from '../../../shared/documents/figureTokens';
import type { Run } from '../../../shared/documents/model';
import type { DraftKind } from '../../../shared/documentsApi';
import { quote } from '../../../shared/legal';
import { writeHandCase } from '../../findings/testing/handCase';
import { withCase } from '../../store/caseStore';
import { composeModel } from './composeModel';
import { loadDraftContext, type DraftContext } from './draftContext';
import { DOCUMENT_SPECS, draftSections, regenerateSections } from './documentSpecs';
import { CONSUMER_LAW, PENALTY_MEASURES, statuteLines } from './testing/statuteFile';

function handContext(clustered = true): DraftContext {
  const dir = writeHandCase({ clustered });
  return withCase(dir, (db) => {
    const ctx = loadDraftContext(db);
    ctx.fields.fineYuan = 200000;
    return ctx;
  });
}

const section = (ctx: DraftContext, kind: DraftKind, id: string) => resolveText(draftSections(kind, ctx).find((s) => s.id === id)!.text, ctx.table);

describe('drafts on the hand-counted case', () => {
  const ctx = handContext();

  it('write every required section of each document, non-empty, the decision in the order of DOMAIN.md §5', () => {
    for (const kind of ['decision', 'notice', 'report', 'evidence'] as const) {
      const sections = draftSections(kind, ctx);
      expect(sections.map((s) => s.id)).toEqual(DOCUMENT_SPECS[kind].sections.map((s) => s.id));
      for (const s of sections.filter((x) => x.required)) expect(s.text.trim(), `${kind}.${s.id}`).not.toBe('');
    }
    expect(draftSections('decision', ctx).map((s) => s.id)).toEqual([
      'party', 'investigation', 'facts', 'evidence', 'statements', 'characterisation', 'discretion', 'decision', 'payment', 'remedies', 'publicity',
    ]);
    expect(draftSections('report', ctx).map((s) => s.heading)).toEqual([
      '一、当事人基本情况', '二、案件来源、调查经过及采取行政强制措施的情况', '三、调查认定的事实及主要证据', '四、违法行为性质', '五、处理意见及依据', '六、自由裁量的理由',
    ]);
  });

  it('state the facts with the hand-counted figures', () => {
    const facts = section(ctx, 'decision', 'facts');
    // Period 2021-04-18 09:00 .. 2021-04-20 20:30; four cameras installed (CAM04 never captured); 8 captures,
    // 7 distinct images (frame1 is cut from video v1), 1 video, 3 days; persons P1 P2 P3 of whom P3 staff;
    // sensitivity 0.30 → 2, 0.50 → 4; auth a1 a3 reach P1 and P3, a2 a capture without a face.
    expect(facts).toContain('经查，2021年4月18日至2021年4月20日期间，当事人在其销售中心安装人脸识别抓拍摄像头4个（其中入口1个、大厅2个、洽谈区1个）');
    expect(facts).toContain('共抓拍到访人员图片及录像数据8条（其中抓拍图片7张、录像1段），有抓拍记录的日期共3天');
    expect(facts).toContain('经对抓拍图片进行人脸比对归并，上述抓拍涉及不同自然人3人（按比对阈值的合理范围为2至4人），其中经确认的销售中心工作人员1人、其他到访人员2人。');
    expect(facts).toContain('形成客户认证记录3条，涉及2人');
    expect(facts).not.toMatch(/【/u);
  });

  it('leave people out of the facts before the faces are grouped', () => {
    const unclustered = handContext(false);
    const facts = section(unclustered, 'decision', 'facts');
    expect(facts).toContain('共抓拍到访人员图片及录像数据8条');
    expect(facts).not.toContain('自然人');
    expect(facts).toContain('形成客户认证记录3条。');
  });

  it('quote the articles as the statute files give them, and as the legal library does', () => {
    const text = section(ctx, 'decision', 'characterisation');
    const law29 = statuteLines(CONSUMER_LAW, '第二十九条')[0]!;
    const measures11 = statuteLines(PENALTY_MEASURES, '第十一条');
    expect(text).toContain(`《中华人民共和国消费者权益保护法》第二十九条第一款“${law29}”`);
    expect(text).toContain(`《侵害消费者权益行为处罚办法》第十一条第一款第（一）项“${measures11[0]}${measures11[1]}”`);
    expect(quote({ statute: 'consumerProtection', article: 29, paragraph: 1 })).toBe(law29);

    const decision = section(ctx, 'decision', 'decision');
    const law56 = statuteLines(CONSUMER_LAW, '第五十六条');
    expect(decision).toContain(`第五十六条第一款第（九）项“${law56[0]}${law56.find((l) => l.startsWith('（九）'))}”`);
    expect(decision).toContain('二、罚款200000元（大写：贰拾万元整）。');
  });

  it('impose the fine in the decision and only propose it in the notice and the report', () => {
    expect(section(ctx, 'decision', 'discretion')).toMatch(/在法定幅度内处以罚款200000元。$/u);
    expect(section(ctx, 'notice', 'discretion')).toMatch(/在法定幅度内拟处以罚款200000元。$/u);
    expect(section(ctx, 'report', 'discretion')).toMatch(/在法定幅度内拟处以罚款200000元。$/u);
    expect(section(ctx, 'decision', 'discretion')).toContain('当事人抓拍到访人员图片及录像数据8条，涉及3人；违法行为自2021年4月18日持续至2021年4月20日，有抓拍记录的日期3天；');
  });

  it('tell of the hearing right only from the hearing threshold on', () => {
    expect(section(ctx, 'notice', 'rights')).toContain('有权要求举行听证');
    const small = { ...ctx, fields: { ...ctx.fields, fineYuan: 50000 } };
    expect(section(small, 'notice', 'rights')).not.toContain('听证');
    expect(section(small, 'notice', 'rights')).toContain('五个工作日内');
  });

  it('link every printed figure to its key and the findings provenance', () => {
    const model = composeModel('decision', ctx.info, ctx.fields, draftSections('decision', ctx), ctx.table);
    const runs = model.parts[0]!.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : b.kind === 'list' ? b.items.flat() : [])) as Run[];
    const captures = runs.find((r) => r.figure?.key === 'captures')!;
    expect(captures.text).toBe('8');
    expect(captures.figure!.source).toEqual(ctx.stats.provenance.captures);
    expect(captures.figure!.provenance).toContain('SELECT COUNT(*) AS captures FROM captures');
    const persons = runs.find((r) => r.figure?.key === 'persons')!;
    expect(persons.text).toBe('3');
    expect(persons.figure!.source!.identityRun).toBe(1);
    expect(runs.filter((r) => r.figure).every((r) => r.figure!.source)).toBe(true);
  });

  it('set the party\'s particulars and the addressee flush left, and indent sentences that lead in with a colon', () => {
    const paragraphs = (kind: DraftKind) => composeModel(kind, ctx.info, ctx.fields, draftSections(kind, ctx), ctx.table)
      .parts[0]!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
    const starting = (kind: DraftKind, text: string) => paragraphs(kind).find((p) => p.runs.map((r) => r.text).join('').startsWith(text))!;
    expect(starting('decision', '当事人：').indent).toBe(false);
    expect(starting('notice', `${ctx.info.partyName}：`).indent).toBe(false);
    for (const kind of ['decision', 'notice', 'report'] as const) expect(starting(kind, '本局综合考虑以下情节').indent).not.toBe(false);
    expect(starting('decision', '上述事实，有以下证据证明').indent).not.toBe(false);
  });

  it('regenerate only the sections asked for, keeping the drafter\'s text in the others', () => {
    const saved = draftSections('decision', ctx).map((s) => (s.id === 'facts' || s.id === 'discretion' ? { ...s, text: `${s.id} as edited` } : s));
    const redone = regenerateSections('decision', saved, ['discretion'], ctx);
    expect(redone.find((s) => s.id === 'facts')!.text).toBe('facts as edited');
    expect(redone.find((s) => s.id === 'discretion')!.text).toContain('本局综合考虑以下情节');
    expect(() => regenerateSections('decision', saved, ['nonsense'], ctx)).toThrow(/nonsense/u);
  });

  it('list the workstation\'s grouping into persons as derived evidence, with the review decisions in force', () => {
    const derived = ctx.evidence.filter((e) => e.kind === 'analysis');
    // Run 1 done; persons P1 P2 P3 active with faces (P4 merged away); decisions: 2 active, 1 undone.
    expect(derived).toEqual([expect.objectContaining({ name: '人员归并及复核结果（电子数据）', count: '3人' })]);
    expect(derived[0]!.source).toContain('第1次');
    expect(derived[0]!.source).toContain('复核决定2项');
    const rows = draftSections('evidence', ctx).find((s) => s.id === 'items')!.text.split('\n');
    expect(rows.map((r) => r.split('\t')[0])).toEqual(ctx.evidence.map((_, i) => String(i + 1)));
    expect(rows.every((r) => r.split('\t').length === 6)).toBe(true);
  });

  it('cite 个人信息保护法 only for conduct reaching past 2021-11-01', () => {
    const before = defaultFields(ctx.info, '2021-10-14T18:00:00+08:00').basis.violated.map((r) => r.statute);
    expect(before).not.toContain('pipl');
    const after = defaultFields(ctx.info, '2021-11-01T09:00:00+08:00').basis.violated.filter((r) => r.statute === 'pipl').map((r) => r.article);
    expect(after).toEqual([13, 14, 17, 26, 28, 29]);
  });
});

/**
 * The provisions a face-capture case cites (issue 7; ../shared/DOMAIN.md §4–§5), with what each is used for and a
 * one-line summary for pickers and tooltips. The summaries are ours; the words of the law are quote(ref).
 */
import type { CitationRef } from './types';

/** violated: the norm broken; penaltyBasis: the norm punishing; procedure and remedy: how the case is run and
 *  challenged; interpretation: a court's reading cited in the reasoning. */
export type BasisUse = 'violated' | 'penaltyBasis' | 'procedure' | 'remedy' | 'interpretation';

export interface BasisEntry {
  ref: CitationRef;
  use: BasisUse;
  summary: { zh: string; en: string };
}

const e = (ref: CitationRef, use: BasisUse, zh: string, en: string): BasisEntry => ({ ref, use, summary: { zh, en } });

export const FACE_CAPTURE_BASIS: readonly BasisEntry[] = [
  e({ statute: 'consumerProtection', article: 29, paragraph: 1 }, 'violated', '收集、使用消费者个人信息应合法、正当、必要，明示目的、方式和范围并经同意', 'collect and use consumers’ personal information lawfully and only as needed, with stated purpose and consent'),
  e({ statute: 'consumerPenaltyMeasures', article: 11, paragraph: 1, item: 1 }, 'violated', '未经消费者同意收集、使用消费者个人信息', 'collecting or using personal information without the consumer’s consent'),
  e({ statute: 'consumerProtection', article: 56, paragraph: 1, item: 9 }, 'penaltyBasis', '侵害消费者个人信息权利：违法所得一至十倍罚款，没有违法所得的五十万元以下', 'infringing consumers’ personal-information rights: 1–10× illegal gains, up to 500,000 yuan without gains'),
  e({ statute: 'consumerPenaltyMeasures', article: 14 }, 'penaltyBasis', '违反本办法第五条至第十一条的，依照消费者权益保护法第五十六条处罚', 'breaches of arts. 5–11 are punished under Consumer Protection Law art. 56'),
  e({ statute: 'consumerProtection', article: 56, paragraph: 2 }, 'procedure', '记入信用档案，向社会公布', 'recorded in the credit file and published'),
  e({ statute: 'pipl', article: 13 }, 'violated', '处理个人信息的合法性基础（同意等）', 'lawful bases for processing (consent and others)'),
  e({ statute: 'pipl', article: 14 }, 'violated', '同意应在充分知情的前提下自愿、明确作出', 'consent must be informed, voluntary and explicit'),
  e({ statute: 'pipl', article: 17 }, 'violated', '处理前以显著方式告知处理目的、方式等事项', 'notice of purpose, method and more before processing'),
  e({ statute: 'pipl', article: 26 }, 'violated', '公共场所图像采集设备仅为维护公共安全所必需，并设置显著提示标识', 'image capture in public places only for public security, with prominent signs'),
  e({ statute: 'pipl', article: 28 }, 'violated', '生物识别信息属于敏感个人信息', 'biometric data is sensitive personal information'),
  e({ statute: 'pipl', article: 29 }, 'violated', '处理敏感个人信息应取得单独同意', 'sensitive data needs separate consent'),
  e({ statute: 'pipl', article: 51 }, 'violated', '采取措施确保个人信息处理活动合法并防止未经授权的访问', 'measures to keep processing lawful and secure'),
  e({ statute: 'pipl', article: 55 }, 'violated', '处理敏感个人信息前进行个人信息保护影响评估', 'impact assessment before processing sensitive data'),
  e({ statute: 'pipl', article: 66, paragraph: 1 }, 'penaltyBasis', '责令改正、警告、没收违法所得；拒不改正的，并处一百万元以下罚款', 'order to correct, warning, confiscation; a fine up to 1,000,000 yuan only on refusal to correct'),
  e({ statute: 'pipl', article: 66, paragraph: 2 }, 'penaltyBasis', '情节严重的，由省级以上部门处五千万元以下或上一年度营业额百分之五以下罚款', 'serious cases, by provincial level: up to 50,000,000 yuan or 5 % of turnover'),
  e({ statute: 'faceRecognitionInterpretation', article: 2 }, 'interpretation', '经营场所违法使用人脸识别、未公开规则或未取得单独同意，属于侵害人格权益', 'face recognition in business premises against the law, without published rules or separate consent, infringes personality rights'),
  e({ statute: 'administrativePenalty', article: 29 }, 'procedure', '同一违法行为违反多个规定的，按罚款数额高的规定处罚', 'one act breaching several norms: the norm with the higher fine applies'),
  e({ statute: 'administrativePenalty', article: 32 }, 'procedure', '应当从轻或者减轻处罚的情形', 'mandatory mitigation'),
  e({ statute: 'administrativePenalty', article: 33 }, 'procedure', '违法行为轻微并及时改正、没有造成危害后果的，不予处罚', 'no penalty for a minor, promptly corrected first violation'),
  e({ statute: 'administrativePenalty', article: 37 }, 'procedure', '适用违法行为发生时的规定，新规定处罚较轻的除外', 'the law at the time of the conduct applies, unless the new one is lighter'),
  e({ statute: 'administrativePenalty', article: 59 }, 'procedure', '行政处罚决定书应当载明的事项', 'what a penalty decision must state'),
  e({ statute: 'administrativePenalty', article: 63 }, 'procedure', '较大数额罚款等应告知听证权利', 'right to a hearing for large fines and more'),
  e({ statute: 'administrativePenalty', article: 64 }, 'procedure', '听证程序（告知后五日内提出）', 'hearing procedure (request within 5 days of notice)'),
  e({ statute: 'penaltyProcedure', article: 48 }, 'procedure', '案件调查终结报告的内容', 'contents of the investigation report'),
  e({ statute: 'penaltyProcedure', article: 57 }, 'procedure', '行政处罚告知；五个工作日内未陈述申辩、未要求听证的视为放弃', 'pre-penalty notice; 5 working days to state, defend, ask for a hearing'),
  e({ statute: 'penaltyProcedure', article: 62 }, 'procedure', '行政处罚决定书的内容', 'contents of the penalty decision'),
  e({ statute: 'penaltyProcedure', article: 78 }, 'procedure', '立卷归档：正卷、副卷的顺序', 'case file: main and secondary volume, in order'),
  e({ statute: 'penaltyPublicity', article: 9 }, 'procedure', '作出决定之日起二十个工作日内公示', 'publication within 20 working days of the decision'),
  e({ statute: 'administrativeReconsideration', article: 20 }, 'remedy', '知道行政行为之日起六十日内申请行政复议', 'administrative review within 60 days'),
  e({ statute: 'administrativeReconsideration', article: 24 }, 'remedy', '县级以上地方人民政府管辖对本级工作部门行政行为的复议', 'review by the people’s government at the same level'),
  e({ statute: 'administrativeLitigation', article: 46 }, 'remedy', '知道作出行政行为之日起六个月内提起诉讼', 'lawsuit within 6 months'),
];

/**
 * The paragraphs the decision, the notice and the report share, written from the case's figures in the register of
 * published decisions (经查，……期间，当事人在……安装人脸识别抓拍摄像头9个……). Figures are tokens
 * (shared/documents/figureTokens.ts), so the text keeps citing the case as it stands; the drafter may edit freely.
 */
import { yuanFigures } from '../../../shared/chineseNumbers';
import { token as t } from '../../../shared/documents/figureTokens';
import type { CitationRefField } from '../../../shared/documents/fields';
import type { DraftContext } from './draftContext';
import { citations, dateOrBlank, officersText, sourceSentence, yuanText } from './draftText';

/** The statutes whose words a decision quotes; PIPL's many articles are cited by number only. */
const quoteUnlessPipl = (ref: CitationRefField) => ref.statute !== 'pipl';

function premises(ctx: DraftContext): string {
  const { address, name } = ctx.fields.premises;
  return address ? `位于${address}的${name}` : name;
}

/** The notice the party gave, as found. */
function noticeFinding(ctx: DraftContext): string {
  const { sign, description } = ctx.fields.notice;
  if (sign === 'inadequate') {
    return `当事人虽${description || '在销售中心设置了告知标识'}，但未以显著方式明示收集、使用消费者个人信息的目的、方式和范围，亦未取得消费者同意`;
  }
  return `当事人${description ? `${description}，` : ''}未向消费者明示收集、使用其个人信息的目的、方式和范围，亦未取得消费者同意`;
}

/** 经查，…… : period, premises, cameras by zone, captures, and people once the faces are grouped. */
export function factsText(ctx: DraftContext): string {
  const s = ctx.stats;
  const parts: string[] = [];
  parts.push(`经查，${t('period.first')}至${t('period.last')}期间，当事人在其${premises(ctx)}安装人脸识别抓拍摄像头${t('cameras')}个（其中${t('camerasByZone')}），` +
    `通过${ctx.fields.platform.name}对进入${ctx.fields.premises.name}的人员进行无感抓拍，抓拍的人脸图片及录像上传至该平台存储。`);
  const working = ctx.fields.premises.camerasWorkingAtInspection;
  if (working !== null) parts.push(`本局检查时，其中${working}个摄像头正在进行抓拍。`);
  const media = s.videos > 0 ? `（其中抓拍图片${t('images')}张、录像${t('videos')}段）` : '';
  parts.push(`经提取该平台数据，上述期间共抓拍到访人员图片及录像数据${t('captures')}条${media}，有抓拍记录的日期共${t('daysActive')}天。`);
  if (s.persons !== null) {
    const range = s.personsRange && s.personsRange.low !== s.personsRange.high ? `（按比对阈值的合理范围为${t('personsRange')}人）` : '';
    const staff = s.staff !== null && s.staff > 0 ? `，其中经确认的销售中心工作人员${t('staff')}人、其他到访人员${t('visitors')}人` : '';
    parts.push(`经对抓拍图片进行人脸比对归并，上述抓拍涉及不同自然人${t('persons')}人${range}${staff}。`);
  }
  if (s.authentications > 0) {
    const persons = s.authenticatedPersons !== null ? `，涉及${t('authenticatedPersons')}人` : '';
    parts.push(`该平台将抓拍人脸与登记客户进行比对，形成客户认证记录${t('authentications')}条${persons}。`);
  }
  parts.push(`${noticeFinding(ctx)}。`);
  return parts.join('');
}

/** The evidence as a numbered list under its lead-in; hashes and sources are in the 证据清单, not repeated here. */
export function evidenceListText(ctx: DraftContext, lead = '上述事实，有以下证据证明：'): string {
  const fixed = ['现场检查笔录及现场照片', '对当事人有关人员的询问笔录', '电子数据提取笔录'];
  const items = [...fixed, ...ctx.evidence.map((e) => `${e.name}（${e.count}）`), '当事人营业执照复印件'];
  return [lead, ...items.map((item, i) => `${i + 1}. ${item}；`.replace(/；$/u, i === items.length - 1 ? '。' : '；'))].join('\n');
}

/** 本局认为，当事人……的行为，违反了……的规定，构成……。 */
export function characterisationText(ctx: DraftContext): string {
  const violated = ctx.fields.basis.violated;
  return `本局认为，当事人在经营场所安装人脸识别设备，未经消费者同意收集、使用消费者人脸信息的行为，` +
    `违反了${citations(violated, { quote: quoteUnlessPipl })}的规定，构成未经消费者同意收集、使用消费者个人信息的违法行为。`;
}

/**
 * The discretion factors of DOMAIN.md §7, each as the case gives it (no judgement of its weight: that is the
 * drafter's), then the drafter's own words. `stage`: a decision imposes the fine, a notice or report proposes it.
 */
export function discretionText(ctx: DraftContext, stage: 'decided' | 'proposed' = 'decided'): string {
  const f = ctx.fields;
  const s = ctx.stats;
  const factors: string[] = [];
  factors.push(`当事人抓拍到访人员图片及录像数据${t('captures')}条` + (s.persons !== null ? `，涉及${t('persons')}人` : ''));
  factors.push(`违法行为自${t('period.first')}持续至${t('period.last')}，有抓拍记录的日期${t('daysActive')}天`);
  factors.push(f.notice.sign === 'inadequate' ? '当事人虽设置了告知标识，但告知不充分' : '当事人未设置任何告知标识');
  if (f.stopped.systemStopped) {
    factors.push(`当事人已于${dateOrBlank(f.stopped.date)}停止使用人脸识别系统` + (f.stopped.dataDeleted ? '并删除了相关数据' : '，但尚未删除相关数据'));
  } else {
    factors.push('当事人尚未停止使用人脸识别系统');
  }
  if (f.cooperated) factors.push('当事人在调查中积极配合，如实陈述违法事实');
  if (f.firstOffence) factors.push('当事人系初次实施此类违法行为');
  factors.push(f.illegalGainsYuan === null ? '当事人的违法所得无法计算' : `当事人的违法所得为${f.illegalGainsYuan}元`);
  const free = f.discretion.freeText.trim();
  const fine = stage === 'decided' ? '处以' : '拟处以';
  return `本局综合考虑以下情节：${factors.join('；')}。${free}` +
    `综合上述情节，本局认为应当依法予以处罚，并在法定幅度内${fine}罚款${yuanFigures(f.fineYuan)}。`;
}

/** 一、责令……；二、罚款……: the measures chosen in the fields, numbered. */
export function penaltyItems(ctx: DraftContext): string[] {
  const f = ctx.fields;
  const items: string[] = [];
  if (f.orderToCorrect) items.push('责令当事人改正上述违法行为');
  if (f.warning) items.push('给予警告');
  if (f.illegalGainsYuan !== null && f.illegalGainsYuan > 0) items.push(`没收违法所得${yuanText(f.illegalGainsYuan)}`);
  items.push(`罚款${yuanText(f.fineYuan)}`);
  const numerals = ['一', '二', '三', '四', '五'];
  return items.map((item, i) => `${numerals[i]}、${item}${i === items.length - 1 ? '。' : '；'}`);
}

/** 依据……的规定 (with the penalty article's words quoted). */
export function penaltyBasisText(ctx: DraftContext): string {
  return `依据${citations(ctx.fields.basis.penalty, { quote: quoteUnlessPipl })}的规定`;
}

/** 调查经过: inspection, extraction of the platform's data, inquiry. */
export function investigationText(ctx: DraftContext): string {
  const f = ctx.fields;
  return `${sourceSentence(f)}${officersText(f)}于${dateOrBlank(f.inspectionDate)}对当事人的${f.premises.name}进行了现场检查，` +
    `于${dateOrBlank(f.evidenceDate)}依法提取了${f.platform.name}中存储的抓拍图片、录像及记录等电子数据，并对当事人有关人员进行了询问。`;
}

/**
 * Phrases every draft writes the same way: dates (or a blank to fill by hand), citations with their words quoted
 * from the legal library, amounts in figures and capital numerals, the party's block.
 */
import type { CaseInfo } from '../../../shared/api';
import type { DocumentFields, CitationRefField } from '../../../shared/documents/fields';
import { dateZh } from '../../../shared/documents/figureTokens';
import { citationTail, quoteLines, statute } from '../../../shared/legal';
import { yuanCapital, yuanFigures } from '../../../shared/chineseNumbers';

/** 2022年5月27日, or a blank to fill in by hand when the date is not known yet. */
export function dateOrBlank(iso: string | null): string {
  return iso ? dateZh(iso) : '　　年　月　日';
}

/** The article's own words as one string: a lead-in and its item run on, as a decision quotes them. */
export function quotedWords(ref: CitationRefField): string {
  return quoteLines(ref).join('');
}

/**
 * Citations grouped by statute, in order: 《中华人民共和国消费者权益保护法》第二十九条第一款、《侵害消费者权益行为
 * 处罚办法》第十一条第一款第（一）项; with `quote`, each followed by its words in “”.
 */
export function citations(refs: CitationRefField[], opts: { quote?: (ref: CitationRefField) => boolean } = {}): string {
  const parts: string[] = [];
  let lastStatute: string | null = null;
  for (const ref of refs) {
    const title = lastStatute === ref.statute ? '' : `《${statute(ref.statute).title}》`;
    const words = opts.quote?.(ref) ? `“${quotedWords(ref)}”` : '';
    parts.push(`${title}${citationTail(ref)}${words}`);
    lastStatute = words ? null : ref.statute;
  }
  return parts.join('、');
}

/** 200000元（大写：贰拾万元整） */
export function yuanText(amount: number): string {
  return `${yuanFigures(amount)}（大写：${yuanCapital(amount)}）`;
}

export function partyLines(info: CaseInfo, fields: DocumentFields): string[] {
  const lines = [`当事人：${info.partyName}`];
  if (info.creditCode) lines.push(`统一社会信用代码：${info.creditCode}`);
  if (info.domicile) lines.push(`住所：${info.domicile}`);
  if (info.legalRepresentative) lines.push(`法定代表人：${info.legalRepresentative}`);
  if (fields.party.representativeId) lines.push(`身份证件号码：${fields.party.representativeId}`);
  if (fields.party.contact) lines.push(`联系方式：${fields.party.contact}`);
  return lines;
}

const SOURCE_ZH = { inspection: '日常监督检查', complaint: '投诉举报', referral: '有关部门移送' } as const;

/** 本局于2021年10月14日在日常监督检查中发现……，于2021年10月15日立案调查。 */
export function sourceSentence(fields: DocumentFields): string {
  const how = SOURCE_ZH[fields.caseSource.kind];
  const detail = fields.caseSource.detail ? `（${fields.caseSource.detail}）` : '';
  return `本局于${dateOrBlank(fields.caseSource.date)}通过${how}${detail}发现当事人涉嫌未经消费者同意收集、使用其个人信息，` +
    `经批准于${dateOrBlank(fields.filingDate)}立案调查。`;
}

/** The officers who investigated, with their enforcement certificates where given. */
export function officersText(fields: DocumentFields): string {
  if (fields.officers.length === 0) return '本局执法人员';
  return '本局执法人员' + fields.officers.map((o) => (o.certificate ? `${o.name}（执法证号：${o.certificate}）` : o.name)).join('、');
}

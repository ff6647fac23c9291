/**
 * What the transcription cannot read mechanically: each statute's citation title, short name and dates, with where
 * each date comes from. The dates are checked against the source headers in transcribeStatutes.test.ts where the
 * source states them; where it does not (an amendment's entry into force is in the amending decision, not in the
 * consolidated text), the comment names the decision.
 */
import type { StatuteId, StatuteInfo } from './types';


export const CATALOGUE: Record<StatuteId, StatuteInfo> = {
  consumerProtection: {
    title: '中华人民共和国消费者权益保护法',
    shortTitle: '消费者权益保护法',
    versionDate: '2013-10-25',
    // The text's 第六十三条 keeps the 1994-01-01 of the original law. 第二十九条 and 第五十六条第一款第（九）项 as
    // held here were written by the 2013 amendment, whose decision took effect on 2014-03-15.
    effectiveFrom: '2014-03-15',
    dateSource: '版本：头注“2013年10月25日……第二次修正”；施行：该修正决定自2014年3月15日起施行（原法第六十三条：1994年1月1日）',
  },
  consumerPenaltyMeasures: {
    title: '侵害消费者权益行为处罚办法',
    shortTitle: '侵害消费者权益行为处罚办法',
    docNumber: '国家工商行政管理总局令第73号',
    versionDate: '2015-01-05',
    // Header: "2015年3月15日 施行"; 第二十二条 says the same. The wording held (市场监督管理部门, 国家市场监督管理总局负责
    // 解释) is that of the 2020 amendment by SAMR order no. 31, which changed names of authorities, not duties.
    effectiveFrom: '2015-03-15',
    dateSource: '头注“2015年1月5日 国家工商行政管理总局令第73号公布”“2015年3月15日 施行”；第二十二条',
  },
  pipl: {
    title: '中华人民共和国个人信息保护法',
    shortTitle: '个人信息保护法',
    versionDate: '2021-08-20',
    effectiveFrom: '2021-11-01',
    dateSource: '头注“2021年8月20日……通过”；第七十四条“本法自2021年11月1日起施行”',
  },
  administrativePenalty: {
    title: '中华人民共和国行政处罚法',
    shortTitle: '行政处罚法',
    versionDate: '2021-01-22',
    effectiveFrom: '2021-07-15',
    dateSource: '头注“2021年1月22日……修订”；第八十六条“本法自2021年7月15日起施行”',
  },
  administrativeReconsideration: {
    title: '中华人民共和国行政复议法',
    shortTitle: '行政复议法',
    versionDate: '2023-09-01',
    effectiveFrom: '2024-01-01',
    dateSource: '头注“2023年9月1日……修订”；第九十条“本法自2024年1月1日起施行”',
  },
  administrativeLitigation: {
    title: '中华人民共和国行政诉讼法',
    shortTitle: '行政诉讼法',
    versionDate: '2017-06-27',
    // 第一百零三条 keeps the original 1990-10-01; the 2017 amending decision took effect on 2017-07-01.
    effectiveFrom: '2017-07-01',
    dateSource: '版本：头注“2017年6月27日……第二次修正”；施行：该修正决定自2017年7月1日起施行（原法第一百零三条：1990年10月1日）',
  },
  penaltyProcedure: {
    title: '市场监督管理行政处罚程序规定',
    shortTitle: '市场监督管理行政处罚程序规定',
    docNumber: '国家市场监督管理总局令第2号',
    versionDate: '2022-09-29',
    // The header lists the amendments (order no. 42 of 2021-07-02, no. 61 of 2022-09-29) but not when they took
    // effect; 第八十七条 gives 2019-04-01 for the rule itself. That is the only date the text supports, so the checks
    // use it: the rule applied throughout 2021–2022, in the version of the day.
    effectiveFrom: '2019-04-01',
    dateSource: '头注“2018年12月21日……令第2号公布……2022年9月29日……令第61号第二次修正”；第八十七条“本规定自2019年4月1日起施行”（修正决定的施行日期不在文本中）',
  },
  penaltyPublicity: {
    title: '市场监督管理行政处罚信息公示规定',
    shortTitle: '市场监督管理行政处罚信息公示规定',
    docNumber: '国家市场监督管理总局令第45号',
    versionDate: '2021-07-30',
    effectiveFrom: '2021-09-01',
    dateSource: '头注“2021年7月30日 国家市场监督管理总局令第45号公布”“2021年9月1日 施行”；第十九条',
  },
  faceRecognitionInterpretation: {
    title: '最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定',
    shortTitle: '人脸识别司法解释',
    docNumber: '法释〔2021〕15号',
    // Adopted 2021-06-08 (header); published 2021-07-27 (the source's file name); in force 2021-08-01.
    versionDate: '2021-07-27',
    effectiveFrom: '2021-08-01',
    dateSource: '头注“2021年6月8日……通过”“2021年8月1日 施行”；第十六条“本规定自2021年8月1日起施行”；公布日期见来源文件名',
  },
};

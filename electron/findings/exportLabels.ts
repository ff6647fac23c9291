/** Column and row names of exported tables, in the two languages of the UI (Chinese first: documents are in Chinese). */
export type ExportLang = 'zh' | 'en';

const LABELS = {
  'title.headline': ['主要数据', 'Headline figures'],
  'title.perDay': ['每日抓拍与人数', 'Captures and persons per day'],
  'title.cameras': ['各摄像头抓拍', 'Captures per camera'],
  'title.zones': ['各区域抓拍', 'Captures per zone'],
  'title.heatmap': ['抓拍时段分布（星期 × 小时）', 'Captures by weekday and hour'],
  'title.platform': ['平台自报数据与本系统统计对照', "The platform's counts beside ours"],
  'title.visits': ['人员到访记录', "A person's visits"],
  'title.captures': ['抓拍明细', 'Captures'],
  caseNumber: ['文号', 'Case number'],
  computedAt: ['计算时间', 'Computed at'],
  provenance: ['数据来源（SQL）', 'Provenance (SQL)'],
  params: ['参数', 'Parameters'],
  identityRun: ['人员归并批次', 'Clustering run'],
  decisions: ['复核决定数', 'Review decisions'],
  figure: ['指标', 'Figure'],
  value: ['数值', 'Value'],
  date: ['日期', 'Date'],
  captures: ['抓拍数', 'Captures'],
  persons: ['人数', 'Persons'],
  visitors: ['访客数', 'Visitors'],
  cameraId: ['设备编号', 'Camera id'],
  cameraName: ['设备名称', 'Camera name'],
  zone: ['区域', 'Zone'],
  cameras: ['摄像头数', 'Cameras'],
  first: ['首次抓拍', 'First capture'],
  last: ['末次抓拍', 'Last capture'],
  activeDays: ['有抓拍天数', 'Days with captures'],
  weekday: ['星期', 'Weekday'],
  item: ['项目', 'Item'],
  platform: ['平台数据', 'Platform'],
  ours: ['本系统统计', 'Ours'],
  difference: ['差额（本系统 − 平台）', 'Difference (ours − platform)'],
  visit: ['到访序号', 'Visit'],
  start: ['开始', 'Start'],
  end: ['结束', 'End'],
  captureId: ['抓拍编号', 'Capture id'],
  time: ['抓拍时间', 'Time'],
  image: ['图片路径', 'Image path'],
  sha256: ['SHA-256', 'SHA-256'],
  sheet: ['记录表', 'Sheet'],
  row: ['行号', 'Row'],
  person: ['人员', 'Person'],
  'platform.persons': ['人员数（平台人员编号数）', 'Persons (platform person ids)'],
  'platform.capturesAssigned': ['已识别人员的抓拍', 'Captures assigned to a person'],
  'platform.capturesUnassigned': ['未识别人员的抓拍', 'Captures without a person'],
  'platform.authenticated': ['认证客户数', 'Authenticated customers'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: ExportLang): string {
  return LABELS[key][lang === 'zh' ? 0 : 1];
}

const WEEKDAYS = { zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };
export function weekdayName(day: number, lang: ExportLang): string {
  return WEEKDAYS[lang][day] ?? String(day);
}

/** The headline figures, in the order the overview's card row shows them. */
export const HEADLINE_FIGURES = {
  captures: ['抓拍记录数', 'Captures'],
  images: ['图片数', 'Images'],
  videos: ['视频数', 'Videos'],
  faces: ['人脸数', 'Faces'],
  persons: ['人数（去重）', 'Distinct persons'],
  personsRange: ['人数区间（灵敏度）', 'Persons range (sensitivity)'],
  staff: ['工作人员', 'Staff'],
  visitors: ['访客（非工作人员）', 'Visitors (not staff)'],
  repeatVisitors: ['复访访客', 'Repeat visitors'],
  visits: ['到访次数', 'Visits'],
  authentications: ['平台认证记录数', 'Authentication records'],
  authenticatedPersons: ['经认证的人数', 'Authenticated persons'],
  cameras: ['摄像头数', 'Cameras'],
  daysActive: ['有抓拍天数', 'Days with captures'],
  'period.first': ['首次抓拍时间', 'First capture'],
  'period.last': ['末次抓拍时间', 'Last capture'],
} as const satisfies Record<string, readonly [string, string]>;
export type HeadlineFigure = keyof typeof HEADLINE_FIGURES;

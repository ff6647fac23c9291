/**
 * Recognising record-sheet columns by their headers.
 *
 * No export standard exists: each platform names its columns its own way, in Chinese or English. A header is
 * normalised (case, spaces, punctuation, full-width forms) and looked up here. Add aliases as new platforms
 * are seen; the order inside a list does not matter.
 */
export type CaptureField =
  | 'time'
  | 'cameraId'
  | 'cameraName'
  | 'zone'
  | 'faceImage'
  | 'sceneImage'
  | 'personId'
  | 'similarity'
  | 'customerName'
  | 'phone'
  | 'salesAgent'
  | 'channel'
  | 'visitType'
  | 'serial';

const ALIASES: Record<CaptureField, string[]> = {
  time: ['抓拍时间', '时间', '采集时间', '识别时间', '到访时间', '拍摄时间', 'capture_time', 'capturetime', 'time', 'timestamp', 'datetime', 'snap_time', 'snaptime'],
  cameraId: ['设备编号', '设备id', '设备序列号', '摄像头编号', '相机编号', '通道号', '通道编号', 'camera_id', 'cameraid', 'device_id', 'deviceid', 'channel_id'],
  cameraName: ['设备名称', '摄像头', '摄像头名称', '相机', '相机名称', '设备', '通道', '通道名称', '抓拍设备', 'camera', 'camera_name', 'cameraname', 'device', 'device_name', 'devicename'],
  zone: ['区域', '位置', '安装位置', '点位', 'zone', 'area', 'location'],
  faceImage: ['人脸图片', '抓拍图片', '人脸图', '人脸照片', '抓拍图', '人脸', '图片', '图片路径', '人脸图片路径', 'face_image', 'faceimage', 'face', 'image', 'image_path', 'face_path', 'snapshot'],
  sceneImage: ['场景图片', '场景图', '背景图', '背景图片', '全景图', '全景图片', 'scene_image', 'sceneimage', 'scene', 'background', 'panorama'],
  personId: ['人员编号', '人员id', '客户编号', '访客编号', 'person_id', 'personid', 'face_id', 'visitor_id'],
  similarity: ['相似度', '比对分数', '匹配度', 'similarity', 'score'],
  customerName: ['客户姓名', '姓名', '客户名称', 'customer_name', 'name'],
  phone: ['手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile'],
  salesAgent: ['置业顾问', '销售顾问', 'sales_agent', 'consultant'],
  channel: ['渠道', '来源渠道', 'channel'],
  visitType: ['首访/复访', '到访类型', '首访复访', '访问类型', 'visit_type'],
  serial: ['序号', '编号', 'no', 'index', '#'],
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC') // full-width letters and brackets to their ASCII forms
    .replace(/^\uFEFF/u, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.()（）[\]【】:：]+/gu, (m) => (/[-]/u.test(m) ? '_' : ''))
    .replace(/_+/gu, '_');
}

const LOOKUP = new Map<string, CaptureField>();
for (const [field, names] of Object.entries(ALIASES) as Array<[CaptureField, string[]]>) {
  for (const name of names) LOOKUP.set(normaliseHeader(name), field);
}

/** A header's field, also when it carries a note in brackets: 抓拍时间（北京时间）, 相似度(%). */
function fieldOf(header: string): CaptureField | undefined {
  const withoutNotes = header.normalize('NFKC').replace(/[(（[【][^)）\]】]*[)）\]】]/gu, '');
  return LOOKUP.get(normaliseHeader(header)) ?? LOOKUP.get(normaliseHeader(withoutNotes));
}

/** Maps each recognised field to the index of the first column carrying it. */
export function recogniseHeaders(headers: readonly string[]): Partial<Record<CaptureField, number>> {
  const mapping: Partial<Record<CaptureField, number>> = {};
  headers.forEach((header, index) => {
    const field = fieldOf(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** A capture sheet needs a time and a camera; an image column is usual but not required. */
export function missingCaptureFields(mapping: Partial<Record<CaptureField, number>>): string[] {
  const missing: string[] = [];
  if (mapping.time === undefined) missing.push('抓拍时间/capture_time');
  if (mapping.cameraId === undefined && mapping.cameraName === undefined) missing.push('设备名称/camera');
  return missing;
}

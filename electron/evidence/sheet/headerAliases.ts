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
  | 'serial'
  // Exports that split the capture time into a date column and a time-of-day column.
  | 'date'
  // Authentication sheets (客户认证记录): when the platform matched a person to a registered customer.
  | 'authTime'
  | 'result'
  | 'idNumber';

// Real exports use Chinese, snake_case or camelCase; normaliseHeader lower-cases, so camelCase is listed in lower case.
const ALIASES: Record<CaptureField, string[]> = {
  time: ['抓拍时间', '时间', '采集时间', '识别时间', '到访时间', '拍摄时间', '抓拍日期时间', '通行时间', '进店时间', 'capture_time', 'capturetime', 'time', 'timestamp', 'datetime', 'snap_time', 'snaptime', 'shot_time', 'shottime', 'create_time', 'createtime', 'pass_time', 'passtime'],
  cameraId: ['设备编号', '设备id', '设备序列号', '设备sn', '摄像头编号', '摄像头id', '相机编号', '通道号', '通道编号', 'camera_id', 'cameraid', 'device_id', 'deviceid', 'device_sn', 'devicesn', 'device_code', 'devicecode', 'channel_id', 'channelid', 'camera_code', 'cameracode'],
  cameraName: ['设备名称', '摄像头', '摄像头名称', '相机', '相机名称', '设备', '通道', '通道名称', '抓拍设备', '抓拍相机', 'camera', 'camera_name', 'cameraname', 'device', 'device_name', 'devicename', 'channel_name', 'channelname'],
  zone: ['区域', '位置', '安装位置', '点位', '抓拍地点', '地点', 'zone', 'area', 'location', 'position', 'place'],
  faceImage: ['人脸图片', '抓拍图片', '人脸图', '人脸照片', '抓拍图', '抓拍照片', '人脸', '图片', '图片路径', '人脸图片路径', '人脸小图', '注册照片', '注册图片', '底库照片', '人脸底图', 'face_image', 'faceimage', 'face', 'image', 'image_path', 'imagepath', 'face_path', 'facepath', 'face_url', 'faceurl', 'face_img', 'faceimg', 'face_pic', 'facepic', 'face_picture', 'snapshot', 'snap_url', 'snapurl', 'image_url', 'imageurl', 'pic_url', 'picurl', 'photo', 'photo_url', 'photourl'],
  sceneImage: ['场景图片', '场景图', '场景照片', '背景图', '背景图片', '全景图', '全景图片', '大图', '抓拍大图', 'scene_image', 'sceneimage', 'scene', 'scene_url', 'sceneurl', 'scene_img', 'sceneimg', 'scene_pic', 'scenepic', 'background', 'background_url', 'backgroundurl', 'panorama', 'panorama_url', 'full_image', 'fullimage'],
  personId: ['人员编号', '人员id', '客户编号', '客户id', '访客编号', '访客id', '人脸id', '档案编号', 'person_id', 'personid', 'face_id', 'faceid', 'visitor_id', 'visitorid', 'customer_id', 'customerid', 'person_code', 'personcode'],
  similarity: ['相似度', '比对分数', '匹配度', '比对相似度', 'similarity', 'score', 'match_score', 'matchscore'],
  customerName: ['客户姓名', '姓名', '客户名称', '客户', '人员姓名', 'customer_name', 'customername', 'person_name', 'personname', 'name'],
  phone: ['手机号', '手机号码', '电话', '联系电话', '客户电话', '客户手机号', 'phone', 'mobile', 'phone_number', 'phonenumber', 'mobile_phone', 'mobilephone', 'tel'],
  salesAgent: ['置业顾问', '销售顾问', '顾问', '所属顾问', 'sales_agent', 'salesagent', 'consultant', 'agent', 'adviser', 'sales'],
  channel: ['渠道', '来源渠道', '客户来源', 'channel', 'source'],
  visitType: ['首访/复访', '到访类型', '首访复访', '访问类型', 'visit_type', 'visittype'],
  serial: ['序号', '编号', 'no', 'index', '#'],
  date: ['日期', '抓拍日期', '采集日期', '识别日期', '到访日期', '拍摄日期', 'date', 'capture_date', 'capturedate', 'snap_date', 'snapdate'],
  authTime: ['认证时间', '认证日期', '登记时间', '核验时间', '比对时间', '注册时间', '绑定时间', 'auth_time', 'authtime', 'verify_time', 'verifytime', 'register_time', 'registertime', 'auth_date', 'authdate'],
  result: ['认证结果', '核验结果', '比对结果', '认证状态', '状态', 'result', 'status', 'auth_result', 'authresult', 'verify_result', 'verifyresult'],
  idNumber: ['证件号', '证件号码', '身份证号', '身份证号码', '身份证', 'id_number', 'idnumber', 'id_card', 'idcard', 'id_no', 'idno'],
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

/** An authentication sheet names a customer (name or phone) and who or what was matched (person id or face image). */
export function missingAuthFields(mapping: Partial<Record<CaptureField, number>>): string[] {
  const missing: string[] = [];
  if (mapping.customerName === undefined && mapping.phone === undefined) missing.push('客户姓名/customer_name 或 手机号/phone');
  if (mapping.personId === undefined && mapping.faceImage === undefined) missing.push('人员编号/person_id 或 人脸图片/face_image');
  return missing;
}

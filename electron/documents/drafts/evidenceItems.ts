/**
 * The evidence of a case as a 证据清单 lists it, read from the import reports (sources.report) and the files table:
 * each source as seized with its hash and file count, each record sheet in it with its rows, the video clips, and
 * the workstation's own analysis (face analysis, grouping into persons, review decisions) as derived 电子数据.
 */
import path from 'node:path';
import type { ImportReport } from '../../../shared/api';
import type { CaseDb } from '../../store/caseDb';

export interface EvidenceItem {
  /** 证据名称 */
  name: string;
  /** Where it came from: the path as seized, and inside it the file. */
  source: string;
  /** SHA-256 as received (the file itself, or the source's manifest hash for a folder); '' where none applies. */
  sha256: string;
  /** 数量, in words: 1520个文件, 124200行, 3段 */
  count: string;
  /** 证明内容 */
  proves: string;
  kind: 'source' | 'sheet' | 'videos' | 'analysis';
}

const SOURCE_KIND_ZH: Record<string, string> = {
  folder: '文件夹', zip: '压缩包', sheet: '记录表', video: '录像文件', image: '图片',
};

/** The file a sheet was read from: itself, or for a worksheet (抓拍记录.xlsx#Sheet1) its workbook. */
function sheetFileHash(db: CaseDb, sourceId: number, sheetPath: string): string {
  const exact = db.prepare('SELECT sha256 FROM source_files WHERE source_id = ? AND rel_path = ?').get(sourceId, sheetPath) as { sha256: string } | undefined;
  if (exact) return exact.sha256;
  const files = db.prepare('SELECT rel_path AS path, sha256 FROM source_files WHERE source_id = ? AND ? LIKE rel_path || \'%\' ORDER BY length(rel_path) DESC LIMIT 1')
    .get(sourceId, sheetPath) as { path: string; sha256: string } | undefined;
  return files?.sha256 ?? '';
}

function sourceItems(db: CaseDb): EvidenceItem[] {
  const sources = db.prepare('SELECT id, kind, original_path AS path, manifest_sha256 AS manifest, received_sha256 AS received, file_count AS files, report FROM sources ORDER BY id')
    .all() as Array<{ id: number; kind: string; path: string; manifest: string; received: string | null; files: number; report: string }>;
  const items: EvidenceItem[] = [];
  for (const s of sources) {
    const report = JSON.parse(s.report) as Partial<ImportReport>;
    const captures = (db.prepare('SELECT COUNT(*) AS n FROM captures WHERE source_id = ?').get(s.id) as { n: number }).n;
    items.push({
      name: `抓拍平台导出数据（${SOURCE_KIND_ZH[s.kind] ?? s.kind}）${path.basename(s.path)}`,
      source: s.path,
      sha256: s.received ?? s.manifest,
      count: `${s.files}个文件，抓拍记录${captures}条`,
      proves: '当事人使用的人脸识别系统存储的到访人员抓拍图片、录像及记录的原始数据',
      kind: 'source',
    });
    for (const sheet of report.sheets ?? []) {
      const auth = sheet.kind === 'auth';
      items.push({
        name: auth ? `客户认证记录表 ${sheet.path}` : `抓拍记录表 ${sheet.path}`,
        source: `${s.path} › ${sheet.path}`,
        sha256: sheetFileHash(db, s.id, sheet.path),
        count: `${sheet.rows}行`,
        proves: auth
          ? '平台将到访人员人脸与登记客户身份进行比对认证的记录'
          : '每次抓拍的时间、摄像头及抓拍图片，证明抓拍的期间、地点和数量',
        kind: 'sheet',
      });
    }
    const videos = report.videos ?? [];
    if (videos.length > 0) {
      items.push({
        name: '抓拍录像',
        source: `${s.path} › ${videos.map((v) => v.path).join('、')}`,
        sha256: videos.length === 1 ? videos[0]!.sha256 : '',
        count: `${videos.length}段，截取画面${videos.reduce((n, v) => n + v.frames, 0)}帧`,
        proves: '摄像头对到访人员进行录像',
        kind: 'videos',
      });
    }
  }
  return items;
}

function analysisItems(db: CaseDb): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const face = db.prepare("SELECT engine, model_id AS model, finished_at AS at, captures_done AS captures, faces_found AS faces FROM face_runs WHERE state = 'done' ORDER BY id DESC LIMIT 1")
    .get() as { engine: string; model: string; at: string; captures: number; faces: number } | undefined;
  const faces = (db.prepare('SELECT COUNT(*) AS n FROM faces').get() as { n: number }).n;
  if (face) {
    items.push({
      name: '人脸分析结果（电子数据）',
      source: `FaceAudit 人脸分析（${face.engine}，模型 ${face.model}，完成于 ${face.at}）`,
      sha256: '',
      count: `人脸${faces}张`,
      proves: '抓拍图片中含有可识别的人脸',
      kind: 'analysis',
    });
  }
  const run = db.prepare("SELECT id, finished_at AS at, persons FROM identity_runs WHERE state = 'done' ORDER BY id DESC LIMIT 1")
    .get() as { id: number; at: string; persons: number } | undefined;
  if (run) {
    const decisions = (db.prepare("SELECT COUNT(*) AS n FROM review_decisions WHERE state = 'active'").get() as { n: number }).n;
    const persons = (db.prepare('SELECT COUNT(*) AS n FROM persons WHERE active = 1 AND faces > 0').get() as { n: number }).n;
    items.push({
      name: '人员归并及复核结果（电子数据）',
      source: `FaceAudit 人员归并（第${run.id}次，完成于 ${run.at}），复核决定${decisions}项`,
      sha256: '',
      count: `${persons}人`,
      proves: '被抓拍的不同自然人的人数，以及其中经复核确认的工作人员',
      kind: 'analysis',
    });
  }
  return items;
}

export function evidenceItems(db: CaseDb): EvidenceItem[] {
  return [...sourceItems(db), ...analysisItems(db)];
}

/**
 * User-facing error messages, in both UI languages.
 *
 * Services throw a UserError with a code and parameters; the CLI prints the message in one line and exits 1,
 * the UI shows it in the user's language. Every message says what to do next.
 */
export type Lang = 'zh' | 'en';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

/** What is wrong with a 文号, by problem code of shared/caseNumber.ts. */
const CASE_NUMBER_PROBLEMS: Record<string, Record<Lang, string>> = {
  empty: { zh: '文号为空', en: 'the number is empty' },
  brackets: { zh: '年份应放在六角括号〔〕中', en: 'the year must be in 〔〕' },
  year: { zh: '缺少四位年份', en: 'no four-digit year' },
  serial: { zh: '“号”前缺少序号', en: 'no serial number before 号' },
  leadingZero: { zh: '序号不应有前导零', en: 'the serial number must not have leading zeros' },
  di: { zh: '序号前不应有“第”', en: 'no 第 before the serial number' },
  hao: { zh: '应以“号”结尾', en: 'must end in 号' },
};

function caseNumberProblems(codes: string | number | undefined, lang: Lang): string {
  return String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => CASE_NUMBER_PROBLEMS[code]?.[lang] ?? code)
    .join(lang === 'zh' ? '、' : '; ');
}

export const MESSAGES = {
  'args.invalid': {
    zh: (p) => `参数有误：${p.details}`,
    en: (p) => `Invalid arguments: ${p.details}`,
  },
  'case.exists': {
    zh: (p) => `案件文件夹 ${p.dir} 已存在案件，请换一个文件夹或直接打开它。`,
    en: (p) => `${p.dir} already holds a case: choose another folder or open that case.`,
  },
  'case.notFound': {
    zh: (p) => `${p.dir} 不是案件文件夹（找不到 case.sqlite），请先用 "faceaudit case create" 建立案件。`,
    en: (p) => `${p.dir} is not a case folder (no case.sqlite): create one first with "faceaudit case create".`,
  },
  'case.numberInvalid': {
    zh: (p) => `文号 "${p.value}" 格式不对：${caseNumberProblems(p.problems, 'zh')}${p.suggestion ? `，应为 "${p.suggestion}"` : ''}。`,
    en: (p) => `Case number "${p.value}" is malformed: ${caseNumberProblems(p.problems, 'en')}${p.suggestion ? `; did you mean "${p.suggestion}"` : ''}.`,
  },
  'case.fieldRequired': {
    zh: (p) => `请填写${p.field}。`,
    en: (p) => `${p.field} is required.`,
  },
  'creditCode.invalid': {
    zh: (p) =>
      p.problem === 'check'
        ? `统一社会信用代码 "${p.value}" 校验位错误（按 GB 32100-2015 应为 ${p.expected}），请核对后重新输入。`
        : p.problem === 'length'
          ? `统一社会信用代码 "${p.value}" 应为 18 位，请核对后重新输入。`
          : `统一社会信用代码 "${p.value}" 含有不允许的字符（不含 I、O、Z、S、V），请核对后重新输入。`,
    en: (p) =>
      p.problem === 'check'
        ? `Unified social credit code "${p.value}" has a wrong check character (GB 32100-2015 gives ${p.expected}): check the code and enter it again.`
        : p.problem === 'length'
          ? `Unified social credit code "${p.value}" must have 18 characters: check the code and enter it again.`
          : `Unified social credit code "${p.value}" has characters the standard does not allow (no I, O, Z, S, V): check the code and enter it again.`,
  },
  'import.pathMissing': {
    zh: (p) => `找不到要导入的路径 ${p.path}，请检查路径是否正确。`,
    en: (p) => `Nothing to import at ${p.path}: check the path.`,
  },
  'import.unsupported': {
    zh: (p) => `无法导入 ${p.path}：支持文件夹、ZIP 压缩包、记录表（CSV、XLSX、JSON）、视频和图片，符号链接不会被跟随。`,
    en: (p) => `${p.path} cannot be imported: folders, ZIP archives, record sheets (CSV, XLSX, JSON), videos and images can; symbolic links are not followed.`,
  },
  'import.sheetColumns': {
    zh: (p) => `记录表 ${p.sheet} 的表头无法识别（缺少 ${p.missing}），导入未进行，案件未改动。请在导入时为其设置列对应关系并保存为方案（命令行用 --profile 方案名）。`,
    en: (p) => `Record sheet ${p.sheet} has headers that are not recognised (no ${p.missing}); nothing was imported. Map its columns in the import step and save them as a profile (CLI: --profile <name>).`,
  },
  'import.noCaptures': {
    zh: (p) => `${p.path} 中没有可导入的抓拍记录（没有记录表，也没有图片），案件未改动。`,
    en: (p) => `${p.path} holds no capture records (no record sheet and no images); nothing was imported.`,
  },
  'import.cancelled': {
    zh: () => `导入已取消，案件未改动；再次导入会重新开始。`,
    en: () => `Import cancelled; the case is unchanged and a new import starts afresh.`,
  },
  'faces.modelMismatch': {
    zh: (p) => `本案件的人脸特征由另一个模型生成，不能混用（${p.details}）。请使用原模型分析，或新建案件。`,
    en: (p) => `This case's faces were embedded by another model and embeddings are never mixed (${p.details}). Analyse with the same model, or into a new case.`,
  },
  'faces.modelChecksum': {
    zh: (p) => `人脸模型文件校验失败，已拒绝使用（${p.details}）。请重新安装 FaceAudit。`,
    en: (p) => `A face model file failed its checksum and was refused (${p.details}). Reinstall FaceAudit.`,
  },
  'faces.cancelled': {
    zh: () => `人脸分析已取消；已完成的部分已保存，再次分析会从中断处继续。`,
    en: () => `Face analysis cancelled; what was finished is kept, and analysing again continues where it stopped.`,
  },
  'identities.noFaces': {
    zh: () => `本案件还没有人脸特征：请先进行人脸分析，再归并人员。`,
    en: () => `This case has no analysed faces yet: analyse faces first, then group them into persons.`,
  },
  'identities.cancelled': {
    zh: () => `人员归并已取消，原有的人员与审核决定未改动。`,
    en: () => `Grouping into persons cancelled; the persons and review decisions are as they were.`,
  },
  'identities.noPerson': {
    zh: (p) => `找不到人员 ${p.id}（可能已被合并）。请刷新后再试。`,
    en: (p) => `No person ${p.id} (it may have been merged). Refresh and try again.`,
  },
  'identities.reviewChanged': {
    zh: () => `归并期间有新的复核决定，本次结果未保存（以免丢失该决定）。请重新归并。`,
    en: () => `A review decision was made while faces were being grouped; this grouping was not saved (it would lose that decision). Group again.`,
  },
  'identities.review.twoPersons': {
    zh: () => `请至少选择两个不同的人员。`,
    en: () => `Choose at least two different persons.`,
  },
  'identities.review.rolesDiffer': {
    zh: () => `所选人员已分别确认为员工和访客，不能合并；如需合并，请先更改其中一人的身份。`,
    en: () => `The persons are confirmed as staff and as visitor: they cannot be merged. Change one role first.`,
  },
  'identities.review.faceUnknown': {
    zh: (p) => `人脸 ${p.id} 不在当前的人员归并结果中，请刷新后再试。`,
    en: (p) => `Face ${p.id} is not part of the current grouping; refresh and try again.`,
  },
  'identities.review.faceUnassigned': {
    zh: (p) => `人脸 ${p.id} 未归属任何人员（质量不足被搁置）。`,
    en: (p) => `Face ${p.id} belongs to no person (set aside below the quality floor).`,
  },
  'identities.review.splitOnePerson': {
    zh: () => `要拆分的人脸必须属于同一个人员。`,
    en: () => `The faces to split off must all belong to one person.`,
  },
  'identities.review.splitAll': {
    zh: () => `已选中该人员的全部人脸，拆分后原人员将没有人脸。`,
    en: () => `That is every face of the person: nothing would remain.`,
  },
  'identities.review.alreadyThere': {
    zh: () => `所选人脸已属于该人员。`,
    en: () => `The faces already belong to that person.`,
  },
  'verify.cancelled': {
    zh: () => `校验已取消，未得出结论。`,
    en: () => `Verification cancelled; no conclusion was reached.`,
  },
  'import.inProgress': {
    zh: (p) => `${p.path} 正在由另一个进程（PID ${p.pid}）导入本案件，请等待其结束或取消后再试。`,
    en: (p) => `${p.path} is being imported into this case by another process (PID ${p.pid}): wait for it to end or cancel it, then try again.`,
  },
  'job.notFound': {
    zh: (p) => `找不到任务 ${p.id}。`,
    en: (p) => `No job ${p.id}.`,
  },
  'internal': {
    zh: (p) => `内部错误：${p.details}。请将此信息和案件审计日志提供给技术支持。`,
    en: (p) => `Internal error: ${p.details}. Please report it with the case's audit log.`,
  },
  'sheet.unreadable': {
    zh: (p) => `无法读取记录表 ${p.path}：${p.reason}。该文件已跳过，其余文件照常导入；可另存为 CSV 或 XLSX 后单独导入。`,
    en: (p) => `Cannot read record sheet ${p.path}: ${p.reason}. It was skipped and the rest imported; save it as CSV or XLSX and import it on its own.`,
  },
  'profile.missing': {
    zh: (p) => `找不到列映射方案“${p.name}”（在 ${p.dir} 中），请检查名称，或先在导入界面的列映射步骤中保存该方案。`,
    en: (p) => `No column-mapping profile "${p.name}" in ${p.dir}: check the name, or save it first in the import's column-mapping step.`,
  },
  'profile.invalid': {
    zh: (p) => `列映射方案“${p.name}”内容有误：${p.details}。请在列映射步骤中重新保存该方案。`,
    en: (p) => `Column-mapping profile "${p.name}" is invalid: ${p.details}. Save it again from the column-mapping step.`,
  },
  'profile.nameInvalid': {
    zh: (p) => `列映射方案名称“${p.name}”不可用，请使用含文字或数字的名称。`,
    en: (p) => `"${p.name}" cannot be a profile name: use a name with letters or digits.`,
  },
  'profile.columnsMissing': {
    zh: (p) => `按列映射方案“${p.profile}”读取记录表 ${p.sheet} 时缺少：${p.missing}。请检查方案是否适用于此表，或在列映射步骤中调整。`,
    en: (p) => `Reading record sheet ${p.sheet} with column-mapping profile "${p.profile}": missing ${p.missing}. Check that the profile fits this sheet, or adjust it in the column-mapping step.`,
  },
  'documents.pdf.noChromium': {
    zh: (p) => `找不到用于生成 PDF 的 Chromium（已尝试：${p.tried}）。请安装 Chromium（Debian：apt-get install chromium），或用环境变量 FACEAUDIT_CHROMIUM 指定其路径；也可先导出 DOCX。`,
    en: (p) => `No Chromium to print the PDF with (tried: ${p.tried}). Install Chromium (Debian: apt-get install chromium) or set FACEAUDIT_CHROMIUM to its path; or export the DOCX instead.`,
  },
  'documents.pdf.failed': {
    zh: (p) => `Chromium 未能生成 PDF：${p.details}。请重试；如仍失败，可先导出 DOCX。`,
    en: (p) => `Chromium could not print the PDF: ${p.details}. Try again; if it still fails, export the DOCX instead.`,
  },
  'documents.notDrafted': {
    zh: (p) => `本案件还没有${p.title}的草稿，请先起草（faceaudit document 或“文书”页的“起草”）。`,
    en: (p) => `This case has no draft of the ${p.title} yet: draft it first.`,
  },
  'documents.signed': {
    zh: (p) => `${p.title}已定稿，不能修改；如需修改，请先取消定稿。`,
    en: (p) => `The ${p.title} is signed and cannot be changed: unsign it first to edit it.`,
  },
  'documents.versionChanged': {
    zh: (p) => `${p.title}已被他人修改（当前第${p.current}版，您编辑的是第${p.base}版），本次未保存。请刷新后再改。`,
    en: (p) => `The ${p.title} was changed meanwhile (now version ${p.current}, you edited version ${p.base}); nothing was saved. Reload and edit again.`,
  },
  'documents.caseFile.cancelled': {
    zh: () => `案卷导出已取消，未写入文件。`,
    en: () => `Case file export cancelled; no file was written.`,
  },
  'documents.nothingToUndo': {
    zh: (p) => `${p.title}没有可撤销的修改。`,
    en: (p) => `The ${p.title} has no earlier version to go back to.`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type MessageCode = keyof typeof MESSAGES;

export function formatMessage(code: MessageCode, params: Params, lang: Lang): string {
  return MESSAGES[code][lang](params);
}

/** An error the user can act on: shown as one line, never as a stack trace. */
export class UserError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: Params = {},
  ) {
    super(formatMessage(code, params, 'en'));
    this.name = 'UserError';
  }
}

/** The wire form of an error, the same for IPC and WebSocket. */
export interface WireError {
  code: MessageCode;
  params: Params;
  message: string;
}

/**
 * 校验证据完整性: re-hashes the case's vault and the originals still reachable (verify.start), with progress and
 * cancel, then shows the VerifyReport: a pass/fail banner, the counts, every problem, and the audit chain.
 */
import { useEffect, useId, useRef } from 'react';
import { VerifyReport as VerifyReportSchema, type VerifyReport } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import type { UiError } from '../bridge/errors';
import { ErrorText } from '../components/ErrorText';
import { JobProgress, formatSize } from '../components/JobProgress';
import { jobErrorOf, useJob } from '../components/useJob';
import { useT } from '../i18n/context';
import type { DictKey } from '../i18n/dict';
import { formatCount, formatDateTime } from '../i18n/format';
import { verifyKey, type JobStore } from '../jobs';
import { ReportList, shortHash } from './ImportReportView';

export function VerifyPanel({ caseId, jobs }: { caseId: string; jobs: JobStore }) {
  const bridge = useBridge();
  const { t } = useT();
  const ctl = useJob(bridge, jobs, verifyKey(caseId));
  const { job, running, starting, cancelling, actionError } = ctl;
  const uid = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Land on the verdict when it arrives, so keyboard and screen-reader users hear it.
    if (job?.state === 'done') resultRef.current?.focus({ preventScroll: true });
  }, [job?.state, job]);

  const start = () =>
    ctl.start(async () => {
      const { jobId } = await bridge.call('verify.start', { caseId });
      ctl.adopt(jobId);
    });

  const parsed = job?.state === 'done' ? VerifyReportSchema.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  const jobError: UiError | null =
    jobErrorOf(job, {
      cancelled: { code: 'verify.cancelled', params: {}, message: t('verify.cancelledNoError') },
      failed: { code: 'verify.failed', params: {}, message: t('verify.failedNoError') },
    }) ?? (parsed && !parsed.success ? { code: 'verify.failed', params: {}, message: t('verify.failedNoError') } : null);

  return (
    <section className="panel verify-panel" aria-labelledby={`${uid}-h`} data-testid="verify-panel">
      <div className="report-head">
        <h2 id={`${uid}-h`}>{t('verify.heading')}</h2>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="verify-start"
          onClick={() => void start()}
          disabled={running || starting}
        >
          {starting ? t('import.starting') : report || jobError ? t('verify.again') : t('verify.start')}
        </button>
      </div>
      <p className="hint">{t('verify.intro')}</p>
      {running && (
        <JobProgress job={job} title={t('verify.running')} testIdPrefix="verify" cancelling={cancelling} onCancel={() => void ctl.cancel()} />
      )}
      {actionError && <ErrorText error={actionError} testId="verify-error" />}
      {!actionError && jobError && <ErrorText error={jobError} testId="verify-error" />}
      {report && (
        <div ref={resultRef} tabIndex={-1} className="verify-result">
          <VerifyReportView report={report} onDismiss={ctl.dismiss} />
        </div>
      )}
    </section>
  );
}

function VerifyReportView({ report, onDismiss }: { report: VerifyReport; onDismiss: () => void }) {
  const { t, lang } = useT();
  const v = report.vault;
  const reachable = report.originals.filter((o) => o.reachable).length;
  const originalProblems = report.originals.flatMap((o) => [
    ...o.missing.map((p) => ({ ...p, kind: 'missing' as const, source: o.path })),
    ...o.mismatched.map((p) => ({ ...p, kind: 'mismatched' as const, source: o.path })),
  ]);
  const item = (key: DictKey, value: number | string, testId: string, warn = false) => (
    <div className={`report-item${warn && value !== 0 ? ' warn' : ''}`}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{typeof value === 'number' ? formatCount(value) : value}</dd>
    </div>
  );
  const text = (problem: string) => problemText(problem, lang);
  const problem = (kindKey: DictKey) =>
    function ProblemLine(p: { path: string; sha256: string | null; problem: string }) {
      return (
        <>
          <span className="problem-kind">{t(kindKey)}</span> {p.path}{' '}
          <span className="mono muted" title={p.sha256 ?? undefined}>
            [{shortHash(p.sha256)}]
          </span>{' '}
          <span className="muted" title={p.problem}>
            — {text(p.problem)}
          </span>
        </>
      );
    };
  const problems = [
    ...v.mismatched.map((p) => ({ ...p, key: 'verify.problem.mismatched' as DictKey })),
    ...v.missing.map((p) => ({ ...p, key: 'verify.problem.missing' as DictKey })),
    ...v.writable.map((p) => ({ ...p, key: 'verify.problem.writable' as DictKey })),
    ...originalProblems.map((p) => ({
      ...p,
      path: `${p.source} › ${p.path}`,
      key: (p.kind === 'missing' ? 'verify.problem.originalMissing' : 'verify.problem.originalMismatched') as DictKey,
    })),
  ];

  return (
    <div className={`verify-report ${report.ok ? 'pass' : 'fail'}`} data-testid="verify-report" data-ok={report.ok}>
      <div className="verify-banner" data-testid="verify-banner" role="status">
        <span className="verdict">{report.ok ? t('verify.pass') : t('verify.fail')}</span>
        <span className="verdict-text">{report.ok ? t('verify.passText') : t('verify.failText', { n: formatCount(problems.length + (report.audit.brokenAt !== null ? 1 : 0)) })}</span>
        <span className="muted small">
          {t('verify.checkedAt', { at: formatDateTime(report.checkedAt, lang) })}
        </span>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          {t('import.report.dismiss')}
        </button>
      </div>
      <dl className="report-grid">
        {item('verify.vaultFiles', v.files, 'verify-vault-files')}
        {item('verify.vaultBytes', formatSize(v.bytes), 'verify-vault-bytes')}
        {item('verify.mismatched', v.mismatched.length, 'verify-mismatched', true)}
        {item('verify.missing', v.missing.length, 'verify-missing', true)}
        {item('verify.writable', v.writable.length, 'verify-writable', true)}
        {item('verify.unreferenced', v.unreferenced.length, 'verify-unreferenced', true)}
        {item('verify.originalsReachable', `${reachable} / ${report.originals.length}`, 'verify-originals-reachable')}
        {item('verify.originalProblems', originalProblems.length, 'verify-original-problems', true)}
      </dl>
      <p className={`audit-line ${report.audit.brokenAt === null ? 'ok-mark' : 'field-error'}`} data-testid="verify-audit">
        {report.audit.brokenAt === null
          ? t('verify.auditOk', { n: formatCount(report.audit.entries) })
          : t('verify.auditBroken', { n: formatCount(report.audit.entries), at: report.audit.brokenAt })}
      </p>
      {problems.length > 0 && (
        <ReportList
          title={t('verify.problems')}
          testId="verify-problem-list"
          items={problems}
          open
          render={(p) => problem(p.key)(p)}
        />
      )}
      <ReportList
        title={t('verify.unreferencedList')}
        testId="verify-unreferenced-list"
        items={v.unreferenced}
        render={problem('verify.problem.unreferenced')}
      />
      {report.originals.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="verify-originals">
            <caption>{t('verify.originals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.col.path')}</th>
                <th scope="col">{t('verify.col.reachable')}</th>
                <th scope="col" className="num">
                  {t('verify.col.checked')}
                </th>
                <th scope="col" className="num">
                  {t('verify.missing')}
                </th>
                <th scope="col" className="num">
                  {t('verify.mismatched')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.originals.map((o) => (
                <tr key={o.sourceId} data-testid="verify-original-row" data-reachable={o.reachable}>
                  <td className="mono small break">{o.path}</td>
                  <td className={o.reachable ? 'ok-mark' : 'muted'}>{o.reachable ? t('verify.reachable') : t('verify.unreachable')}</td>
                  <td className="num">{formatCount(o.filesChecked)}</td>
                  <td className="num">{formatCount(o.missing.length)}</td>
                  <td className="num">{formatCount(o.mismatched.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The services' problem texts (electron/evidence/verify/verifyCase.ts), in Chinese where one is known. */
const PROBLEMS: Array<[RegExp, string]> = [
  [/^missing from the vault$/u, '证据库中缺少此文件'],
  [/^content changed: now hashes to (\w+)$/u, '内容已改变，现哈希为 $1'],
  [/^vault copy is writable \(should be read-only\)$/u, '证据库副本可被写入（应为只读）'],
  [/^stored by an import that has not finished.*$/u, '由尚未完成（正在进行或已中断）的导入存入：再次运行同一导入即可续传'],
  [/^not part of any source$/u, '不属于任何数据源'],
  [/^the file now hashes to (.+)$/u, '该文件现哈希为 $1'],
  [/^no longer in the original folder$/u, '原始文件夹中已不存在'],
  [/^the original now hashes to (\w+)$/u, '原始文件现哈希为 $1'],
];

function problemText(problem: string, lang: 'zh' | 'en'): string {
  const short = (s: string) => s.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/gu, '$1…');
  if (lang === 'en') return short(problem);
  for (const [re, zh] of PROBLEMS) if (re.test(problem)) return short(problem.replace(re, zh));
  return short(problem);
}

/**
 * 人脸分析: where the case's face analysis stands (faces.summary), the engine to use, and the analysis itself
 * (faces.analyze.start) as a job with progress and cancel; its report when it ends. A run skips the captures
 * already analysed, so the same button starts, continues after a cancel, and later takes newly imported captures.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { z } from 'zod';
import type { FaceSummary } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import type { UiError } from '../bridge/errors';
import { ErrorText, Loading } from '../components/ErrorText';
import { JobProgress, formatDuration } from '../components/JobProgress';
import { jobErrorOf, useJob } from '../components/useJob';
import type { ApiState } from '../components/useApi';
import { useT } from '../i18n/context';
import type { DictKey } from '../i18n/dict';
import { formatCount, formatDateTime } from '../i18n/format';
import { analyzeKey, isTerminal, type JobStore } from '../jobs';

type Engine = 'onnx' | 'tfjs';
const ENGINES: Engine[] = ['onnx', 'tfjs'];

/** The analysis job's result (electron/faces/analyzeCase.ts AnalysisReport). */
const AnalysisReport = z.object({
  runId: z.number(),
  state: z.string(),
  engine: z.string(),
  modelId: z.string(),
  workers: z.number(),
  capturesAnalyzed: z.number(),
  capturesSkipped: z.number(),
  capturesFailed: z.number(),
  facesFound: z.number(),
  total: z.number(),
  seconds: z.number(),
  capturesPerSecond: z.number(),
});
type AnalysisReport = z.infer<typeof AnalysisReport>;

const isEngine = (e: string | undefined): e is Engine => e === 'onnx' || e === 'tfjs';

/** onnx:fr_feature@87aacdfe5751 → fr_feature@87aacdfe5751 */
const shortModelId = (modelId: string) => modelId.replace(/^[a-z]+:/u, '');

export function FacesPanel({
  caseId,
  jobs,
  summary,
  onFinished,
}: {
  caseId: string;
  jobs: JobStore;
  /** faces.summary, loaded by the overview (which refreshes it after an import). */
  summary: ApiState<FaceSummary>;
  /** An analysis ended: it grouped the faces into persons too, so the case's person figures changed. */
  onFinished?: () => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const ctl = useJob(bridge, jobs, analyzeKey(caseId));
  const { job, running, starting, cancelling, actionError } = ctl;
  const [chosen, setChosen] = useState<Engine | null>(null);
  const uid = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  // The summary changes when a run starts (last run: running) and when it ends; refresh it once for each.
  const reloadSummary = summary.reload;
  const seen = useRef<string | undefined>(job ? `${job.id}:${isTerminal(job.state) ? 'end' : 'run'}` : undefined);
  useEffect(() => {
    if (!job) return;
    const mark = `${job.id}:${isTerminal(job.state) ? 'end' : 'run'}`;
    if (seen.current === mark) return;
    seen.current = mark;
    reloadSummary();
    if (isTerminal(job.state)) {
      onFinished?.();
      // Land on the outcome when it arrives, so keyboard and screen-reader users hear it.
      resultRef.current?.focus({ preventScroll: true });
    }
  }, [job, reloadSummary, onFinished]);

  // An import of this case still running: its captures are not in the case yet.
  const importJob = jobs.get(jobs.activeJobId(caseId));
  const importing = Boolean(importJob && importJob.state === 'running');

  const s = summary.data;
  const lockedTo = isEngine(s?.model?.engine) ? s.model.engine : null;
  const engine: Engine = lockedTo ?? chosen ?? 'onnx';
  const pending = s ? Math.max(0, s.capturesWithImage - s.capturesAnalysed) : 0;
  const startLabel = !s || s.capturesAnalysed === 0 ? t('faces.start') : pending > 0 ? t('faces.continue') : t('faces.again');
  const stateHint = !s
    ? ''
    : importing
      ? t('faces.state.importRunning')
      : s.capturesWithImage === 0
        ? t('faces.state.noImages')
        : s.capturesAnalysed === 0
          ? t('faces.state.none', { n: formatCount(s.capturesWithImage) })
          : pending > 0
            ? t('faces.state.partly', { n: formatCount(pending) })
            : t('faces.state.allDone');

  const start = () =>
    ctl.start(async () => {
      const { jobId } = await bridge.call('faces.analyze.start', { caseId, engine });
      ctl.adopt(jobId);
    });

  const parsed = job?.state === 'done' ? AnalysisReport.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  const jobError: UiError | null =
    jobErrorOf(job, {
      cancelled: { code: 'faces.cancelled', params: {}, message: t('faces.cancelledNoError') },
      failed: { code: 'faces.failed', params: {}, message: t('faces.failedNoError') },
    }) ?? (parsed && !parsed.success ? { code: 'faces.failed', params: {}, message: t('faces.reportUnreadable') } : null);

  const engineName = (e: string) => (isEngine(e) ? t(`faces.engine.${e}`) : e);

  return (
    <section className="panel faces-panel" aria-labelledby={`${uid}-h`} data-testid="faces-panel" aria-busy={running}>
      <h2 id={`${uid}-h`}>{t('faces.heading')}</h2>
      <p className="hint">{t('faces.intro')}</p>

      {summary.error && <ErrorText error={summary.error} testId="faces-summary-error" onRetry={summary.reload} />}
      {!s && summary.loading && <Loading />}
      {s && <FaceSummaryView summary={s} />}

      <div className="faces-controls">
        <fieldset className="engine-choice" disabled={running || starting}>
          <legend>{t('faces.engine')}</legend>
          {ENGINES.map((e) => {
            const locked = lockedTo !== null && lockedTo !== e;
            return (
              <label key={e} className={`engine-option${locked ? ' locked' : ''}`}>
                <input
                  type="radio"
                  name={`${uid}-engine`}
                  value={e}
                  data-testid={`faces-engine-${e}`}
                  checked={engine === e}
                  disabled={locked}
                  aria-describedby={locked ? `${uid}-locked` : undefined}
                  onChange={() => setChosen(e)}
                />
                <span>{t(`faces.engine.${e}`)}</span>
                <span className="muted small">{t(`faces.engine.${e}.note`)}</span>
              </label>
            );
          })}
          {lockedTo && (
            <p className="hint" id={`${uid}-locked`} data-testid="faces-engine-locked">
              {t('faces.engine.locked', { engine: t(`faces.engineName.${lockedTo}`) })}
            </p>
          )}
        </fieldset>
        <div className="faces-start">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="faces-start"
            onClick={() => void start()}
            disabled={running || starting || importing || !s || s.capturesWithImage === 0}
            aria-describedby={`${uid}-state`}
          >
            {starting ? t('import.starting') : startLabel}
          </button>
          <span className="hint" id={`${uid}-state`} data-testid="faces-state">
            {stateHint}
          </span>
        </div>
      </div>

      {running && (
        <JobProgress
          job={job}
          title={t('faces.running')}
          testIdPrefix="faces"
          cancelling={cancelling}
          onCancel={() => void ctl.cancel()}
          confirmText={t('faces.confirmCancel')}
        />
      )}
      <div ref={resultRef} tabIndex={-1} className="faces-outcome">
        {actionError && <ErrorText error={actionError} testId="faces-error" />}
        {!actionError && jobError && <ErrorText error={jobError} testId="faces-error" />}
        {report && <AnalysisReportView report={report} engineName={engineName(report.engine)} lang={lang} onDismiss={ctl.dismiss} />}
      </div>
    </section>
  );
}

function FaceSummaryView({ summary: s }: { summary: FaceSummary }) {
  const { t, tMaybe, lang } = useT();
  const item = (key: DictKey, value: number, testId: string, opts: { warn?: boolean; title?: string } = {}) => (
    <div className={`report-item${opts.warn && value > 0 ? ' warn' : ''}`} title={opts.title}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{formatCount(value)}</dd>
    </div>
  );
  const model = s.model;
  const modelText = model
    ? isEngine(model.engine)
      ? t(`faces.model.${model.engine}`, { id: shortModelId(model.modelId) })
      : model.modelId
    : t('faces.model.none');
  const run = s.lastRun;
  const runState = run ? tMaybe(`faces.runState.${run.state}`, run.state) : '';

  return (
    <div className="faces-summary" data-testid="faces-summary" role="group" aria-label={t('faces.summary')}>
      <dl className="case-meta faces-meta">
        <div title={model?.description}>
          <dt>{t('faces.model')}</dt>
          <dd data-testid="faces-summary-model" data-engine={model?.engine ?? ''} data-model-id={model?.modelId ?? ''}>
            {modelText}
          </dd>
          {model && (
            <dd className="muted small" data-testid="faces-summary-model-detail">
              {t('faces.model.detail', { size: model.embeddingSize, at: formatDateTime(model.chosenAt, lang) })}
            </dd>
          )}
        </div>
        <div>
          <dt>{t('faces.lastRun')}</dt>
          <dd data-testid="faces-summary-last-run" data-state={run?.state ?? ''}>
            {run ? (
              <>
                <time dateTime={run.finishedAt ?? run.startedAt}>{formatDateTime(run.finishedAt ?? run.startedAt, lang)}</time>{' '}
                <span className={`run-state run-${run.state}`}>{runState}</span>
              </>
            ) : (
              t('faces.lastRun.none')
            )}
          </dd>
        </div>
      </dl>
      <dl className="report-grid">
        {item('faces.withImage', s.capturesWithImage, 'faces-summary-with-image')}
        {item('faces.analysed', s.capturesAnalysed, 'faces-summary-analysed')}
        {item('faces.failed', s.capturesFailed, 'faces-summary-failed', { warn: true })}
        {item('faces.faces', s.faces, 'faces-summary-faces')}
        {item('faces.recognisable', s.recognisableFaces, 'faces-summary-recognisable', { title: t('faces.recognisable.title') })}
      </dl>
    </div>
  );
}

/** Short runs to a tenth of a second (a handful of photos takes well under one); longer ones as 1 分 05 秒. */
function seconds(n: number, lang: 'zh' | 'en'): string {
  if (n >= 10) return formatDuration(n, lang);
  const tenths = Math.max(0.1, Math.round(n * 10) / 10).toFixed(1);
  return lang === 'zh' ? `${tenths} 秒` : `${tenths} s`;
}

function AnalysisReportView({
  report: r,
  engineName,
  lang,
  onDismiss,
}: {
  report: AnalysisReport;
  engineName: string;
  lang: 'zh' | 'en';
  onDismiss: () => void;
}) {
  const { t } = useT();
  const nothingNew = r.capturesAnalyzed === 0;
  const item = (key: DictKey, value: string, testId: string, warn = false) => (
    <div className={`report-item${warn ? ' warn' : ''}`}>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <div className="faces-result" data-testid="faces-result" data-run-id={r.runId} role="status">
      <div className="report-head">
        <h3>{t('faces.result.done')}</h3>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          {t('import.report.dismiss')}
        </button>
      </div>
      <p className="muted small" data-testid="faces-result-how">
        {t('faces.result.how', { engine: engineName, workers: r.workers, time: seconds(r.seconds, lang) })}
      </p>
      {nothingNew && (
        <p data-testid="faces-result-nothing-new">{t('faces.result.nothingNew', { n: formatCount(r.capturesSkipped) })}</p>
      )}
      <dl className="report-grid">
        {item('faces.result.analysed', formatCount(r.capturesAnalyzed), 'faces-result-analysed')}
        {item('faces.result.skipped', formatCount(r.capturesSkipped), 'faces-result-skipped')}
        {item('faces.result.failed', formatCount(r.capturesFailed), 'faces-result-failed', r.capturesFailed > 0)}
        {item('faces.result.faces', formatCount(r.facesFound), 'faces-result-faces')}
        {item('faces.result.rate', r.capturesAnalyzed > 0 ? r.capturesPerSecond.toFixed(1) : t('common.none'), 'faces-result-rate')}
      </dl>
    </div>
  );
}

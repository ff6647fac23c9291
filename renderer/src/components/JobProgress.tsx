import { useEffect, useId, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/api';
import { useT } from '../i18n/context';
import { formatCount } from '../i18n/format';

const MB = 1024 * 1024;

/** 12.3 (MB, one decimal; two below 1 MB so a small file still moves the figure). */
export function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 100 ? mb.toFixed(0) : mb >= 1 ? mb.toFixed(1) : mb.toFixed(2);
}

/** A size for reading: KB below 1 MB, else MB (e.g. 840 KB, 12.3 MB). */
export function formatSize(bytes: number): string {
  return bytes < MB ? `${Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024))} KB` : `${formatMb(bytes)} MB`;
}

function formatRate(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/**
 * A long job's progress as the analyst reads it: the phase in words, items and megabytes done of all, the rate
 * and the time left; Cancel (a button, or Esc with a confirmation, so a stray key never throws work away).
 */
export function JobProgress({
  job,
  title,
  testIdPrefix,
  cancelling,
  onCancel,
  confirmText,
}: {
  job: JobStatus | undefined;
  /** 正在导入 / 正在校验 */
  title: string;
  /** 'import' → import-progress, import-cancel, import-phase, … */
  testIdPrefix: string;
  cancelling: boolean;
  onCancel: () => void;
  /** What cancelling does to the work done so far; the import's wording (undone) when not given. */
  confirmText?: string;
}) {
  const { t, tMaybe, lang } = useT();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const hintId = useId();

  // Esc anywhere on the page asks before cancelling (unless something else, e.g. a dialog, handled it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || cancelling) return;
      e.preventDefault();
      setConfirming((c) => !c);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [cancelling]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const kind = job?.kind ?? 'import';
  const phase = job?.phase ?? 'queued';
  const phaseText = tMaybe(`${kind}.phase.${phase}`, tMaybe(`import.phase.${phase}`, phase));
  const unit = tMaybe(`${kind}.unit.${phase}`, t('job.unit.items'));
  const counts =
    job && job.total > 0
      ? t('job.counts', { done: formatCount(job.done), total: formatCount(job.total), unit })
      : job && job.done > 0
        ? t('job.countsUnknown', { done: formatCount(job.done), unit })
        : '';
  const bytes =
    job?.bytesTotal !== undefined && job.bytesTotal > 0
      ? t('job.bytes', { done: formatMb(job.bytesDone ?? 0), total: formatMb(job.bytesTotal) })
      : job?.bytesDone
        ? t('job.bytesUnknown', { done: formatMb(job.bytesDone) })
        : '';
  const rates: string[] = [];
  if (job?.rate !== undefined && job.rate > 0) rates.push(t('job.rate', { n: formatRate(job.rate), unit }));
  if (job?.bytesRate !== undefined && job.bytesRate > 0) rates.push(t('job.bytesRate', { n: formatRate(job.bytesRate / MB) }));
  const eta = job?.etaSeconds !== undefined ? t('job.eta', { time: formatDuration(job.etaSeconds, lang) }) : '';
  const determinate = job && job.total > 0;
  const sep = lang === 'zh' ? '，' : ', ';
  const confirmQuestion = confirmText ?? t('job.confirmCancel');

  return (
    <div className="import-progress job-progress" data-testid={`${testIdPrefix}-progress-box`} data-phase={phase}>
      <div className="progress-line" aria-live="polite">
        <span className="phase">
          {title} · <span data-testid={`${testIdPrefix}-phase`}>{phaseText}</span>
        </span>
        <span className="count" data-testid={`${testIdPrefix}-counts`}>
          {[counts, bytes].filter(Boolean).join(sep)}
        </span>
      </div>
      <div className="field-row">
        <progress
          data-testid={`${testIdPrefix}-progress`}
          aria-label={`${title} · ${phaseText}`}
          {...(determinate ? { value: Math.min(job.done, job.total), max: job.total } : {})}
        />
        <button
          ref={cancelRef}
          type="button"
          className="btn"
          data-testid={`${testIdPrefix}-cancel`}
          onClick={() => setConfirming(true)}
          disabled={cancelling || !job}
          aria-describedby={hintId}
        >
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
      <div className="progress-line progress-sub">
        <span className="count" data-testid={`${testIdPrefix}-rate`}>
          {rates.join(sep)}
        </span>
        <span className="count" data-testid={`${testIdPrefix}-eta`}>
          {eta}
        </span>
      </div>
      <p className="hint" id={hintId}>
        {t('job.escHint')}
      </p>
      {confirming && !cancelling && (
        <div className="confirm-bar" role="alertdialog" aria-label={confirmQuestion} data-testid={`${testIdPrefix}-confirm`}>
          <span>{confirmQuestion}</span>
          <button
            ref={confirmRef}
            type="button"
            className="btn btn-danger btn-small"
            data-testid={`${testIdPrefix}-confirm-cancel`}
            onClick={() => {
              setConfirming(false);
              onCancel();
            }}
          >
            {t('job.confirmYes')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setConfirming(false);
              cancelRef.current?.focus();
            }}
          >
            {t('job.confirmNo')}
          </button>
        </div>
      )}
    </div>
  );
}

/** zh: 1 分 05 秒; en: 1 min 05 s */
export function formatDuration(seconds: number, lang: 'zh' | 'en'): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (lang === 'zh') return h > 0 ? `${h} 小时 ${two(m)} 分` : m > 0 ? `${m} 分 ${two(sec)} 秒` : `${sec} 秒`;
  return h > 0 ? `${h} h ${two(m)} min` : m > 0 ? `${m} min ${two(sec)} s` : `${sec} s`;
}


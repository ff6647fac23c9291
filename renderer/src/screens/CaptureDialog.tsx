import { useEffect, useRef, useState } from 'react';
import type { CaptureItem } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { useT } from '../i18n/context';
import { formatDateTime } from '../i18n/format';

/** The large view of one capture: the full image and what the record says about it. */
export function CaptureDialog({
  caseId,
  index,
  total,
  item,
  onNavigate,
  onClose,
}: {
  caseId: string;
  index: number;
  total: number;
  item: CaptureItem | undefined;
  onNavigate: (index: number) => void;
  onClose: () => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [failedId, setFailedId] = useState<number | null>(null);

  useEffect(() => {
    const dlg = ref.current;
    if (dlg && !dlg.open) dlg.showModal();
    return () => {
      if (dlg?.open) dlg.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="capture-dialog"
      data-testid="capture-dialog"
      aria-labelledby="capture-dialog-h"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'ArrowLeft') {
          e.preventDefault();
          onNavigate(index - 1);
        } else if (e.key === 'ArrowRight') {
          e.preventDefault();
          onNavigate(index + 1);
        }
      }}
    >
      <div className="dialog-head">
        <h2 id="capture-dialog-h">{t('detail.heading')}</h2>
        <span className="muted small">{t('detail.position', { i: index + 1, n: total })}</span>
        <div className="header-spacer" />
        <button type="button" className="btn" onClick={() => onNavigate(index - 1)} disabled={index <= 0}>
          ← {t('detail.prev')}
        </button>
        <button type="button" className="btn" onClick={() => onNavigate(index + 1)} disabled={index >= total - 1}>
          {t('detail.next')} →
        </button>
        <button type="button" className="btn" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
      {item ? (
        <div className="dialog-body">
          <div className="full-image">
            {item.imagePath === null ? (
              <span className="no-image">{t('day.noImage')}</span>
            ) : failedId === item.id ? (
              <span className="no-image">{t('day.imageError')}</span>
            ) : (
              <img
                key={item.id}
                src={bridge.mediaUrl(caseId, item.id, 'full')}
                alt={`${formatDateTime(item.capturedAt, lang)} ${item.cameraName}`}
                onError={() => setFailedId(item.id)}
              />
            )}
          </div>
          <dl className="detail-list">
            <dt>{t('detail.time')}</dt>
            <dd>
              <time dateTime={item.capturedAt} title={item.capturedAt}>
                {formatDateTime(item.capturedAt, lang)}
              </time>
            </dd>
            <dt>{t('detail.camera')}</dt>
            <dd>
              {item.cameraName}
              {item.cameraId && item.cameraId !== item.cameraName && <span className="muted"> ({item.cameraId})</span>}
            </dd>
            <dt>{t('detail.path')}</dt>
            <dd className="mono break">{item.imagePath ?? t('common.none')}</dd>
            <dt>{t('detail.sha256')}</dt>
            <dd className="mono break">{item.sha256 ?? t('common.none')}</dd>
            <dt>{t('detail.record')}</dt>
            <dd className="break" data-testid="capture-record">
              {item.sheetPath !== null && item.sheetRow !== null
                ? t('detail.sheetRow', { sheet: item.sheetPath, row: item.sheetRow })
                : t(item.timeSource === 'filename' ? 'detail.fromFileName' : 'detail.fromFileTime')}
            </dd>
          </dl>
        </div>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </dialog>
  );
}

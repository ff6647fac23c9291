import { useState } from 'react';
import type { CaptureItem } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { NavigableDialog } from '../components/NavigableDialog';
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
  const [failedId, setFailedId] = useState<number | null>(null);

  return (
    <NavigableDialog testId="capture-dialog" className="capture-dialog" heading={t('detail.heading')} index={index} total={total} onNavigate={onNavigate} onClose={onClose}>
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
      ) : null}
    </NavigableDialog>
  );
}

/**
 * One face in its capture: the whole capture image with the face's box drawn on it, and what is known of the
 * face (time, camera, how it came to this person, its similarity, whether it is below the quality floor).
 */
import { useState } from 'react';
import type { PersonFace } from '../../../../shared/identitiesApi';
import { useBridge } from '../../bridge/context';
import { NavigableDialog } from '../../components/NavigableDialog';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';
import { FaceImg } from './common';

export function FaceDialog({
  caseId,
  label,
  index,
  total,
  face,
  onNavigate,
  onClose,
}: {
  caseId: string;
  label: string;
  index: number;
  total: number;
  face: PersonFace | undefined;
  onNavigate: (index: number) => void;
  onClose: () => void;
}) {
  const bridge = useBridge();
  const { t, tMaybe, lang } = useT();
  const [size, setSize] = useState<{ id: number; w: number; h: number } | null>(null);
  const [failedId, setFailedId] = useState<number | null>(null);

  const box = face && size && size.id === face.captureId ? face.box : null;
  return (
    <NavigableDialog
      testId="face-dialog"
      className="capture-dialog pp-face-dialog"
      heading={t('people.face.heading', { label })}
      index={index}
      total={total}
      onNavigate={onNavigate}
      onClose={onClose}
    >
      {face ? (
        <div className="dialog-body">
          <div className="full-image pp-scene">
            {failedId === face.captureId ? (
              <span className="no-image">{t('day.imageError')}</span>
            ) : (
              <div className="pp-scene-wrap">
                <img
                  key={face.captureId}
                  data-testid="face-dialog-scene"
                  src={bridge.mediaUrl(caseId, face.captureId, 'full')}
                  alt={`${formatDateTime(face.capturedAt, lang)} ${face.cameraName}`}
                  onLoad={(e) => setSize({ id: face.captureId, w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
                  onError={() => setFailedId(face.captureId)}
                />
                {box && size && (
                  <svg className="pp-scene-box" viewBox={`0 0 ${size.w} ${size.h}`} preserveAspectRatio="none" aria-hidden="true">
                    <rect x={box.x} y={box.y} width={box.w} height={box.h} vectorEffect="non-scaling-stroke" />
                  </svg>
                )}
              </div>
            )}
          </div>
          <div className="pp-face-side">
            <FaceImg caseId={caseId} faceId={face.faceId} size={112} alt={t('people.face.aligned')} />
            <dl className="detail-list">
              <dt>{t('detail.time')}</dt>
              <dd>
                <time dateTime={face.capturedAt}>{formatDateTime(face.capturedAt, lang)}</time>
              </dd>
              <dt>{t('detail.camera')}</dt>
              <dd>
                {face.cameraName || face.cameraId}
                {face.cameraId && face.cameraName && face.cameraId !== face.cameraName && <span className="muted"> ({face.cameraId})</span>}
              </dd>
              <dt>{t('people.face.index')}</dt>
              <dd>{t('people.face.indexValue', { n: face.faceIndex + 1 })}</dd>
              <dt>{t('people.face.box')}</dt>
              <dd className="mono">
                {Math.round(face.box.x)}, {Math.round(face.box.y)} · {Math.round(face.box.w)}×{Math.round(face.box.h)}
              </dd>
              <dt>{t('people.face.how')}</dt>
              <dd>{tMaybe(`people.how.${face.how}`, face.how)}</dd>
              <dt>{t('people.face.similarity')}</dt>
              <dd>{face.similarity === null ? t('common.none') : face.similarity.toFixed(3)}</dd>
              <dt>{t('people.face.quality')}</dt>
              <dd>{face.lowQuality ? <span className="pp-lowq">{t('people.face.low')}</span> : t('people.face.ok')}</dd>
              <dt>{t('people.face.ids')}</dt>
              <dd className="mono small">
                {t('people.face.idsValue', { face: face.faceId, capture: face.captureId })}
              </dd>
            </dl>
          </div>
        </div>
      ) : null}
    </NavigableDialog>
  );
}

/**
 * The saved document as it will print: the services' document model (documents.preview) turned into the same
 * HTML the PDF is printed from (shared/documents/html documentHtml), in a frame that runs no script. Pages are A4
 * sheets; each figure is underlined and shows its provenance on hover (the page's title attributes).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { documentHtml } from '../../../../shared/documents/html/toHtml';
import type { DraftKind } from '../../../../shared/documentsApi';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';

export function PreviewPane({ caseId, kind, revision, dirty }: { caseId: string; kind: DraftKind; revision: number; dirty: boolean }) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const preview = useApi(() => bridge.call('documents.preview', { caseId, kind }), [bridge, caseId, kind, revision]);
  const html = useMemo(() => (preview.data ? documentHtml(preview.data.model, { lang: 'zh-CN' }) : null), [preview.data]);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(1200);

  // The frame is as tall as the document, so the screen scrolls once (not a frame inside a page).
  useEffect(() => setHeight(1200), [html]);
  const fit = () => {
    const body = frame.current?.contentDocument?.documentElement;
    if (body) setHeight(body.scrollHeight + 24);
  };

  return (
    <section className="doc-preview" aria-labelledby="doc-preview-h" data-testid="doc-preview">
      <h3 id="doc-preview-h" className="sr-only">
        {t('docs.preview.heading')}
      </h3>
      {dirty && <p className="doc-stale">{t('docs.preview.unsaved')}</p>}
      {preview.error && <ErrorText error={preview.error} onRetry={preview.reload} />}
      {!html && !preview.error && <Loading />}
      {html && (
        <iframe
          ref={frame}
          className="doc-preview-frame"
          title={t('docs.preview.frame', { title: preview.data?.model.title ?? '' })}
          // No scripts; same origin only so the page can measure the document's height.
          sandbox="allow-same-origin"
          srcDoc={html}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          style={{ height }}
          onLoad={fit}
          data-testid="doc-preview-frame"
        />
      )}
    </section>
  );
}

/**
 * A modal dialog that shows one item of a list at a time: a heading with the item's position, previous / next /
 * close buttons, ← and → keys, and a click on the backdrop to close. The item's view is the children.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/context';

export function NavigableDialog({
  testId,
  className,
  heading,
  index,
  total,
  onNavigate,
  onClose,
  children,
}: {
  testId: string;
  className: string;
  heading: ReactNode;
  index: number;
  total: number;
  onNavigate: (index: number) => void;
  onClose: () => void;
  /** The item's view; null while it loads. */
  children: ReactNode | null;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = `${testId}-h`;

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
      className={className}
      data-testid={testId}
      aria-labelledby={headingId}
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
        <h2 id={headingId}>{heading}</h2>
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
      {children ?? <p className="muted">{t('common.loading')}</p>}
    </dialog>
  );
}

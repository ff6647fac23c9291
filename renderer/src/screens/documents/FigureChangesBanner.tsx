/**
 * A signed document whose figures the case now gives differently (new evidence imported, persons regrouped): a
 * warning listing each figure old → new. The signed text keeps its figures; the drafter decides what to do.
 */
import type { DocumentRecord } from '../../../../shared/documentsApi';
import { useT } from '../../i18n/context';
import { figureLabel } from './figureLabels';

export function FigureChangesBanner({ changes }: { changes: DocumentRecord['figureChanges'] }) {
  const { t, tMaybe } = useT();
  if (changes.length === 0) return null;
  const shown = (v: string | null) => v ?? t('docs.changes.missing');
  return (
    <div className="banner banner-warning doc-changes" role="alert" data-testid="figure-changes">
      <strong>{t('docs.changes.heading')}</strong>
      <ul>
        {changes.map((c) => (
          <li key={c.key} data-testid="figure-change" data-key={c.key}>
            {t('docs.changes.row', { label: figureLabel(c.key, tMaybe), key: c.key, signed: shown(c.signed), current: shown(c.current) })}
          </li>
        ))}
      </ul>
      <p className="small">{t('docs.changes.hint')}</p>
    </div>
  );
}

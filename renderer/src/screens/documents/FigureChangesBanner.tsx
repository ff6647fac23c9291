/**
 * A signed document that no longer matches the case: its figures that the case now gives differently (new evidence
 * imported, persons regrouped) and its fields that the case's shared fields now give differently (a correction saved
 * from another document), each listed old → new. The signed text keeps its figures and fields; the drafter decides.
 */
import type { DocumentRecord } from '../../../../shared/documentsApi';
import { useT } from '../../i18n/context';
import { fieldLabel } from './fieldLabels';
import { figureLabel } from './figureLabels';

export function FigureChangesBanner({ changes, fieldChanges = [] }: {
  changes: DocumentRecord['figureChanges'];
  fieldChanges?: DocumentRecord['fieldChanges'];
}) {
  const { t, tMaybe } = useT();
  if (changes.length === 0 && fieldChanges.length === 0) return null;
  const shown = (v: string | null) => v ?? t('docs.changes.missing');
  const shownField = (v: string | null) =>
    v === null || v === '' ? t('docs.changes.missing') : v === 'true' ? t('docs.fieldChanges.true') : v === 'false' ? t('docs.fieldChanges.false') : v;
  return (
    <div className="banner banner-warning doc-changes" role="alert" data-testid="figure-changes">
      {changes.length > 0 && (
        <>
          <strong>{t('docs.changes.heading')}</strong>
          <ul>
            {changes.map((c) => (
              <li key={c.key} data-testid="figure-change" data-key={c.key}>
                {t('docs.changes.row', { label: figureLabel(c.key, tMaybe), key: c.key, signed: shown(c.signed), current: shown(c.current) })}
              </li>
            ))}
          </ul>
          <p className="small">{t('docs.changes.hint')}</p>
        </>
      )}
      {fieldChanges.length > 0 && (
        <div data-testid="field-changes">
          <strong>{t('docs.fieldChanges.heading')}</strong>
          <ul>
            {fieldChanges.map((c) => (
              <li key={c.key} data-testid="field-change" data-key={c.key}>
                {t('docs.changes.row', { label: fieldLabel(c.key, t), key: c.key, signed: shownField(c.signed), current: shownField(c.current) })}
              </li>
            ))}
          </ul>
          <p className="small">{t('docs.fieldChanges.hint')}</p>
        </div>
      )}
    </div>
  );
}

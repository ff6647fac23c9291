/**
 * A figure's provenance, shown on hover and on keyboard focus: the SQL and parameters, the clustering run and
 * review decisions it reflects, when it was computed. The same text is the element's accessible description.
 */
import { useId, useState, type ReactNode } from 'react';
import { PROVENANCE_NOTES_ZH, type Provenance } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../i18n/format';

export function ProvenanceTip({ provenance, children, testId }: { provenance: Provenance | undefined; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!provenance) return <>{children}</>;
  return (
    <span
      className="prov-anchor"
      tabIndex={0}
      aria-describedby={open ? id : undefined}
      data-testid={testId}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    >
      {children}
      {/* Only in the page while shown, so the figure's own text stays the figure. */}
      {open && (
        <span id={id} role="tooltip" className="prov-tip open">
          <ProvenanceText provenance={provenance} />
        </span>
      )}
    </span>
  );
}

export function ProvenanceText({ provenance }: { provenance: Provenance }) {
  const { t, lang } = useT();
  const params = Object.entries(provenance.params);
  return (
    <>
      <span className="prov-line prov-sql" data-testid="prov-sql">{provenance.sql}</span>
      {params.length > 0 && (
        <span className="prov-line">
          {t('prov.params')}: <span className="mono">{params.map(([k, v]) => `${k} = ${String(v)}`).join(', ')}</span>
        </span>
      )}
      <span className="prov-line">
        {provenance.identityRun === null
          ? t('prov.noRun')
          : t('prov.run', { run: provenance.identityRun, n: provenance.decisions ?? 0 })}
      </span>
      <span className="prov-line">{t('prov.computedAt', { at: formatDateTime(provenance.computedAt, lang) })}</span>
      {provenance.note && (
        <span className="prov-line muted">{lang === 'zh' ? (PROVENANCE_NOTES_ZH[provenance.note] ?? provenance.note) : provenance.note}</span>
      )}
    </>
  );
}

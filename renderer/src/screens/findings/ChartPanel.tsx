/** A findings section: heading, hint, the chart (or table) with its export buttons, and its provenance. */
import { useRef, type ReactNode, type RefObject } from 'react';
import type { Provenance } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import { ChartExport } from './ExportButtons';
import { ProvenanceText } from './ProvenanceTip';

export function ChartPanel({
  name,
  title,
  hint,
  provenance,
  children,
  tools,
  exportNote,
}: {
  name: string;
  title: string;
  hint?: string;
  provenance?: Provenance;
  children: (ref: RefObject<HTMLDivElement | null>) => ReactNode;
  tools?: ReactNode;
  exportNote?: string;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  return (
    <section className="panel findings-panel" data-testid={`panel-${name}`} aria-labelledby={`${name}-h`}>
      <div className="findings-panel-head">
        <h2 id={`${name}-h`}>{title}</h2>
        <ChartExport name={name} title={title} chartRef={ref} note={exportNote} />
      </div>
      {hint && <p className="muted small no-print">{hint}</p>}
      {tools}
      <div ref={ref}>{children(ref)}</div>
      {provenance && (
        <details className="prov-details small">
          <summary>{t('prov.summary')}</summary>
          <p className="prov-block">
            <ProvenanceText provenance={provenance} />
          </p>
        </details>
      )}
    </section>
  );
}

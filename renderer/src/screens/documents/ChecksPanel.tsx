/**
 * The drafting checks (documents.check) of the saved document, worded by the services in the UI language, each
 * with the section it concerns; choosing one moves the focus to that section's text. Checks never block anything:
 * the panel says so, and the drafter decides.
 */
import type { z } from 'zod';
import type { CheckFindingWire, DraftKind, DraftSection } from '../../../../shared/documentsApi';
import type { UiError } from '../../bridge/errors';
import { ErrorText } from '../../components/ErrorText';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { fieldGroupId, type FieldGroup } from './FieldsForm';
import { sectionInputId } from './SectionEditor';
import { sectionTitle } from './sectionTitles';

export type CheckFinding = z.infer<typeof CheckFindingWire>;

export function focusSection(sectionId: string): void {
  const el = document.getElementById(sectionInputId(sectionId));
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

/** Findings about the fields rather than a section's text: the group of the fields form that settles them. */
export function fieldGroupFor(code: string): FieldGroup | null {
  const [area] = code.split('.');
  switch (area) {
    case 'citation':
    case 'law':
      return 'basis';
    case 'fine':
    case 'notice':
      return 'fine';
    case 'docNumber':
      return 'issuer';
    case 'date':
    case 'conduct':
      return 'dates';
    case 'remedy':
      return 'remedies';
    default:
      return null;
  }
}

const GROUP_TITLES: Record<FieldGroup, DictKey> = {
  issuer: 'docs.fields.issuer',
  party: 'docs.fields.party',
  premises: 'docs.fields.premises',
  dates: 'docs.fields.dates',
  basis: 'docs.fields.basis',
  fine: 'docs.fields.fine',
  discretion: 'docs.fields.discretion',
  remedies: 'docs.fields.remedies',
};

/** Opens the fields group and focuses its first input. */
export function focusFieldGroup(group: FieldGroup): void {
  const el = document.getElementById(fieldGroupId(group));
  if (!(el instanceof HTMLDetailsElement)) return;
  el.open = true;
  el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
}

export function ChecksPanel(props: {
  findings: CheckFinding[] | null;
  kind: DraftKind;
  sections: DraftSection[];
  running: boolean;
  stale: boolean;
  error: UiError | null;
  onRun(): void;
  onSelect(sectionId: string): void;
  onSelectFields(group: FieldGroup): void;
}) {
  const { findings, kind, sections, running, stale, error, onRun, onSelect, onSelectFields } = props;
  const { t, lang } = useT();
  const titleOf = (id: string) => {
    const section = sections.find((s) => s.id === id);
    return section ? sectionTitle(kind, section, lang) : id;
  };
  const warnings = findings?.filter((f) => f.severity === 'warning').length ?? 0;
  return (
    <section className="panel doc-checks" aria-labelledby="doc-checks-h" data-testid="doc-checks">
      <div className="doc-checks-head">
        <h3 id="doc-checks-h">{t('docs.checks.heading')}</h3>
        <button type="button" className="btn btn-small" onClick={onRun} disabled={running} data-testid="run-checks">
          {running ? t('docs.checks.running') : t('docs.checks.run')}
        </button>
      </div>
      <p className="muted small">{t('docs.checks.decide')}</p>
      {error && <ErrorText error={error} />}
      {findings === null ? (
        <p className="muted">{t('docs.checks.notRun')}</p>
      ) : (
        <>
          <p role="status" data-testid="checks-summary" data-warnings={warnings}>
            {findings.length === 0 ? t('docs.checks.none') : t('docs.checks.summary', { warnings, infos: findings.length - warnings })}
          </p>
          {stale && <p className="doc-stale small">{t('docs.checks.stale')}</p>}
          <ul className="doc-check-list">
            {findings.map((f, i) => {
              const group = f.section ? null : fieldGroupFor(f.code);
              const go = f.section ? () => onSelect(f.section!) : group ? () => onSelectFields(group) : undefined;
              return (
              <li key={`${f.code}-${f.section ?? ''}-${i}`} className={`doc-check-item doc-check-${f.severity}`} data-testid="check-finding" data-code={f.code} data-section={f.section ?? ''}>
                <button type="button" className="doc-check-button" disabled={!go} onClick={go}>
                  <span className="doc-check-meta">
                    <span className={`doc-severity doc-severity-${f.severity}`}>{t(f.severity === 'warning' ? 'docs.checks.warning' : 'docs.checks.info')}</span>
                    <span className="doc-check-section">{f.section ? titleOf(f.section) : group ? t(GROUP_TITLES[group]) : t('docs.checks.general')}</span>
                  </span>
                  <span className="doc-check-message">{f.message}</span>
                </button>
              </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

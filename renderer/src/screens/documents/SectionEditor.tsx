/**
 * One section of a document as an editable text. Figure tokens (【captures】) stay in the text as the drafter types;
 * a backdrop under the transparent text area paints each token as a chip, so figures stand out and are not
 * mistaken for words, and the row under the text lists the section's figures with their values — hovering or
 * focusing one shows where it comes from (the query, the identity run, when it was computed). Hovering a token in
 * the text shows the same: the pointer is hit-tested against the backdrop's marks, which lie exactly under it.
 */
import { useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { FigureTable } from '../../../../shared/documents/figureTokens';
import { tokensIn } from '../../../../shared/documents/figureTokens';
import type { DraftKind, DraftSection } from '../../../../shared/documentsApi';
import { useT } from '../../i18n/context';
import { ProvenanceText, ProvenanceTip } from '../findings/ProvenanceTip';
import { figureLabel } from './figureLabels';
import { sectionTitle } from './sectionTitles';

const TOKEN = /【([A-Za-z][A-Za-z0-9.]*)】/gu;

/** The element id of a section's text area: the checks panel focuses it. */
export const sectionInputId = (sectionId: string) => `doc-section-${sectionId}`;

/** The text with its tokens wrapped as marks; a trailing newline gets a character so the backdrop keeps its height. */
function highlighted(text: string, table: FigureTable | undefined): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const known = table?.[m[1]!]?.value != null;
    out.push(
      <mark key={m.index} className={`token-mark${known ? '' : ' token-unresolved'}`} data-key={m[1]}>
        {m[0]}
      </mark>,
    );
    at = m.index + m[0].length;
  }
  out.push(text.slice(at) + (text.endsWith('\n') ? ' ' : ''));
  return out;
}

export function SectionEditor(props: {
  kind: DraftKind;
  section: DraftSection;
  text: string;
  table: FigureTable | undefined;
  readOnly: boolean;
  busy: boolean;
  onChange(text: string): void;
  onRegenerate(): void;
}) {
  const { kind, section, text, table, readOnly, busy, onChange, onRegenerate } = props;
  const { t, tMaybe, lang } = useT();
  const area = useRef<HTMLTextAreaElement>(null);
  const inputId = sectionInputId(section.id);

  // The area grows with its text (no inner scrolling), so the backdrop under it always lines up.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [text]);

  const backdrop = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ key: string; x: number; y: number } | null>(null);
  const hitToken = (e: MouseEvent<HTMLDivElement>) => {
    const box = backdrop.current;
    if (!box) return;
    const origin = box.getBoundingClientRect();
    for (const mark of box.querySelectorAll<HTMLElement>('mark[data-key]')) {
      for (const r of mark.getClientRects()) {
        if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
          const key = mark.dataset.key!;
          if (hover?.key !== key) setHover({ key, x: r.left - origin.left, y: r.bottom - origin.top });
          return;
        }
      }
    }
    if (hover) setHover(null);
  };
  const hovered = hover ? table?.[hover.key] : undefined;

  const keys = tokensIn(text);
  return (
    <section className="doc-section" data-testid={`section-${section.id}`} aria-labelledby={`${inputId}-label`}>
      <div className="doc-section-head">
        <label id={`${inputId}-label`} htmlFor={inputId} className="doc-section-title">
          {section.heading ?? section.title}
          {lang !== 'zh' && <span className="muted small"> · {sectionTitle(kind, section, lang)}</span>}
          {section.required && <span className="doc-required">{t('docs.section.required')}</span>}
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={readOnly || busy}
          data-testid={`regenerate-${section.id}`}
          onClick={() => {
            if (window.confirm(t('docs.section.regenerateConfirm', { title: sectionTitle(kind, section, lang) }))) onRegenerate();
          }}
        >
          {t('docs.section.regenerate')}
        </button>
      </div>
      {section.layout === 'table' && section.columns && (
        <p className="muted small">{t('docs.section.tableHint', { columns: section.columns.join(' | ') })}</p>
      )}
      <div className="token-editor" onMouseMove={hitToken} onMouseLeave={() => setHover(null)}>
        <div className="token-backdrop" aria-hidden="true" ref={backdrop}>
          {highlighted(text, table)}
        </div>
        <textarea
          ref={area}
          id={inputId}
          className="token-input"
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          data-testid={`section-text-${section.id}`}
          aria-describedby={`${inputId}-figures`}
          onChange={(e) => onChange(e.target.value)}
        />
        {hover && hovered?.provenance && (
          // Shown to the pointer only; keyboard users reach the same text on the figure chips below.
          <span className="prov-tip open token-tip" role="tooltip" style={{ left: hover.x, top: hover.y + 4 }} data-testid="token-tip" data-key={hover.key}>
            <span className="prov-line">
              <strong>{figureLabel(hover.key, tMaybe)}</strong> = {hovered.value}
            </span>
            <ProvenanceText provenance={hovered.provenance} />
          </span>
        )}
      </div>
      <div className="doc-figures" id={`${inputId}-figures`} aria-label={t('docs.section.figures')}>
        {keys.length === 0 ? (
          <span className="muted small">{t('docs.section.noFigures')}</span>
        ) : (
          keys.map((key) => {
            const figure = table?.[key];
            const value = figure?.value ?? null;
            return (
              <ProvenanceTip key={key} provenance={figure?.provenance ?? undefined}>
                <span className={`figure-chip${value === null ? ' token-unresolved' : ''}`} data-testid="figure-chip" data-key={key} data-value={value ?? ''}>
                  <span className="figure-key" title={key}>{figureLabel(key, tMaybe)}</span>
                  <span className="figure-value">{value ?? t('docs.section.unresolved')}</span>
                </span>
              </ProvenanceTip>
            );
          })
        )}
      </div>
    </section>
  );
}

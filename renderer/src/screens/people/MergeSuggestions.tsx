/**
 * Merge suggestions: pairs of people the clustering kept apart but found alike, most alike first. Accept merges
 * them, Reject records "not the same person" (remembered: the pair is never suggested again). Keyboard: ↑/↓ move,
 * A accepts, R rejects; the pair in hand is shown face by face on the right.
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PersonItem } from '../../../../shared/identitiesApi';
import type { ApiResult } from '../../../../shared/api';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';
import { AuthNames, FaceImg, RoleBadge, When, useOnChange, type SuggestionPanelProps } from './common';
import { useShortcuts } from './shortcuts';
import { usePaged } from './usePaged';

type Suggestion = ApiResult<'identities.suggestions'>['items'][number];
const PAGE = 100;
const ROW_H = 64;

export function MergeSuggestions({ caseId, rev, active, busy, review, onOpen, onTotal }: SuggestionPanelProps) {
  const bridge = useBridge();
  const { t, tn } = useT();
  const paged = usePaged<Suggestion>((offset, limit) => bridge.call('identities.suggestions', { caseId, offset, limit }), PAGE, [bridge, caseId]);
  useOnChange(rev, paged.reload);
  const [cur, setCur] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = paged.total ?? 0;
  useEffect(() => {
    if (paged.total !== null) onTotal(paged.total);
  }, [paged.total, onTotal]);
  useEffect(() => {
    if (count > 0 && cur > count - 1) setCur(count - 1);
  }, [count, cur]);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 8 });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.length ? rows[rows.length - 1]!.index : -1;
  const { ensure } = paged;
  useEffect(() => {
    if (lastRow >= 0) ensure(firstRow, lastRow);
  }, [firstRow, lastRow, ensure]);

  const go = useCallback(
    (i: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, i));
      setCur(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [count, virtualizer],
  );

  const accept = async (i = cur) => {
    const s = paged.get(i);
    if (!s || busy) return;
    setCur(i);
    await review({ kind: 'merge', personIds: [s.a.id, s.b.id] }, { key: 'people.done.merge', params: { n: 2, label: s.a.label } });
  };
  const reject = async (i = cur) => {
    const s = paged.get(i);
    if (!s || busy) return;
    setCur(i);
    await review({ kind: 'not-same', personA: s.a.id, personB: s.b.id }, { key: 'people.done.notSame', params: { a: s.a.label, b: s.b.label } });
  };

  useShortcuts(
    {
      a: () => void accept(),
      r: () => void reject(),
      arrowdown: () => go(cur + 1),
      arrowup: () => go(cur - 1),
      j: () => go(cur + 1),
      k: () => go(cur - 1),
    },
    active,
  );

  const current = paged.get(cur);
  return (
    <div className="pp-suggest" data-testid="merge-suggestions" hidden={!active}>
      <div className="pp-suggest-list">
        <div className="pp-toolbar">
          <span className="pp-selcount">
            {tn('people.suggest.count', { n: <strong data-testid="merge-suggestions-total">{formatCount(count)}</strong> })}
          </span>
          <span className="pp-sep" />
          <span className="muted small">{t('people.suggest.keys')}</span>
        </div>
        {paged.error && <ErrorText error={paged.error} onRetry={paged.retry} testId="merge-suggestions-error" />}
        {paged.total === null && !paged.error && <Loading />}
        {paged.total === 0 && <p className="empty">{t('people.suggest.empty')}</p>}
        <div ref={scrollRef} className="pp-scroll pp-suggest-scroll" role="listbox" aria-label={t('people.tab.merge')} aria-activedescendant={current ? `pp-sg-${cur}` : undefined} tabIndex={0}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => (
              <SuggestionRow
                key={row.key}
                caseId={caseId}
                index={row.index}
                top={row.start}
                s={paged.get(row.index)}
                current={row.index === cur}
                busy={busy}
                onPick={setCur}
                onAccept={(i) => void accept(i)}
                onReject={(i) => void reject(i)}
              />
            ))}
          </div>
        </div>
      </div>
      <div className="pp-compare" data-testid="merge-compare">
        {current ? (
          <>
            <h3>
              {t('people.suggest.compare')} <span className="pp-sim">{current.similarity.toFixed(3)}</span>
            </h3>
            <div className="pp-compare-cols">
              <CompareSide caseId={caseId} person={current.a} rev={rev} onOpen={onOpen} />
              <CompareSide caseId={caseId} person={current.b} rev={rev} onOpen={onOpen} />
            </div>
            <div className="pp-compare-actions">
              <button type="button" className="btn btn-primary" data-testid="suggest-accept-current" disabled={busy} onClick={() => void accept()}>
                {t('people.suggest.accept')} <kbd>A</kbd>
              </button>
              <button type="button" className="btn" data-testid="suggest-reject-current" disabled={busy} onClick={() => void reject()}>
                {t('people.suggest.reject')} <kbd>R</kbd>
              </button>
            </div>
          </>
        ) : (
          <p className="muted small">{t('people.suggest.none')}</p>
        )}
      </div>
    </div>
  );
}

const SuggestionRow = memo(function SuggestionRow({
  caseId,
  index,
  top,
  s,
  current,
  busy,
  onPick,
  onAccept,
  onReject,
}: {
  caseId: string;
  index: number;
  top: number;
  s: Suggestion | undefined;
  current: boolean;
  busy: boolean;
  onPick: (i: number) => void;
  onAccept: (i: number) => void;
  onReject: (i: number) => void;
}) {
  const { t } = useT();
  const style = { transform: `translateY(${top}px)`, height: ROW_H };
  if (!s) return <div className="pp-sg-row pp-loading" style={style} />;
  return (
    <div
      id={`pp-sg-${index}`}
      role="option"
      aria-selected={current}
      className={`pp-sg-row${current ? ' current' : ''}`}
      style={style}
      data-testid="merge-suggestion"
      data-a={s.a.id}
      data-b={s.b.id}
      onClick={() => onPick(index)}
    >
      <span className="pp-sg-rank muted small">{index + 1}</span>
      <Side caseId={caseId} p={s.a} />
      <span className="pp-sg-sim" title={t('people.suggest.similarity')}>
        <span className="pp-simbar" style={{ width: `${Math.max(0, Math.min(1, s.similarity)) * 100}%` }} />
        <span className="pp-simval">{s.similarity.toFixed(3)}</span>
      </span>
      <Side caseId={caseId} p={s.b} />
      <span className="pp-sg-actions">
        <button type="button" className="btn btn-small" data-testid="suggest-accept" disabled={busy} onClick={() => onAccept(index)}>
          {t('people.suggest.accept')}
        </button>
        <button type="button" className="btn btn-small" data-testid="suggest-reject" disabled={busy} onClick={() => onReject(index)}>
          {t('people.suggest.reject')}
        </button>
      </span>
    </div>
  );
});

function Side({ caseId, p }: { caseId: string; p: PersonItem }) {
  const { t } = useT();
  return (
    <span className="pp-sg-side">
      <FaceImg caseId={caseId} faceId={p.repFaceId} size={52} />
      <span className="pp-sg-info">
        <span>
          <span className="mono pp-label">{p.label}</span> <RoleBadge role={p.role} />
        </span>
        <span className="muted small">
          {t('people.suggest.facts', { captures: formatCount(p.captures), days: formatCount(p.days) })}
        </span>
      </span>
    </span>
  );
}

/** One side of the pair in hand: a dozen of the person's faces, and what is known of them. */
function CompareSide({ caseId, person, rev, onOpen }: { caseId: string; person: PersonItem; rev: number; onOpen: (id: number) => void }) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const faces = useApi(() => bridge.call('persons.faces', { caseId, personId: person.id, offset: 0, limit: 12 }), [bridge, caseId, person.id, rev]);
  return (
    <div className="pp-compare-side">
      <div className="pp-compare-head">
        <button type="button" className="link-button mono pp-label" onClick={() => onOpen(person.id)}>
          {person.label}
        </button>
        <RoleBadge role={person.role} />
        <AuthNames person={person} />
      </div>
      <div className="muted small">{t('people.suggest.facts', { captures: formatCount(person.captures), days: formatCount(person.days) })}</div>
      <dl className="pp-compare-dates small">
        <dt className="muted">{t('people.col.first')}</dt>
        <dd>
          <When iso={person.first} />
        </dd>
        <dt className="muted">{t('people.col.last')}</dt>
        <dd>
          <When iso={person.last} />
        </dd>
      </dl>
      <div className="muted small pp-ellipsis">{person.cameraNames.join(lang === 'zh' ? '、' : ', ')}</div>
      {faces.error && <ErrorText error={faces.error} onRetry={faces.reload} />}
      <div className="pp-compare-faces">
        {faces.data?.items.map((f) => (
          <FaceImg key={f.faceId} caseId={caseId} faceId={f.faceId} size={72} />
        ))}
      </div>
    </div>
  );
}

/**
 * One person: who they are (label, role, counts, cameras, authentications), their captures per day, and every
 * face in a virtualised grid. Faces are selected like files and split off into a new person or moved to another
 * person picked by label; a face opens its capture, with the face marked on the scene.
 */
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent } from 'react';
import type { PersonFace, PersonItem, PersonRole } from '../../../../shared/identitiesApi';
import { useBridge } from '../../bridge/context';
import { toUiError, type UiError } from '../../bridge/errors';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useTileGrid } from '../../components/useTileGrid';
import { useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../i18n/format';
import { AuthNames, FaceImg, ROLES, RoleBadge, When, useOnChange, type Review } from './common';
import { FaceDialog } from './FaceDialog';
import { PersonTimeline } from './PersonTimeline';
import { clickMode, useSelection } from './selection';
import { useShortcuts } from './shortcuts';
import { usePaged } from './usePaged';

const PAGE = 300;
const TILE_W = 124;
const GAP = 6;
const PAD = 8;
const TILE_H = 112 + 36;
const ROW_H = TILE_H + GAP;

export function PersonPage({
  caseId,
  personId,
  rev,
  busy,
  review,
  onBack,
  onOpenPerson,
}: {
  caseId: string;
  personId: number;
  rev: number;
  busy: boolean;
  review: Review;
  onBack: () => void;
  onOpenPerson: (personId: number) => void;
}) {
  const bridge = useBridge();
  const { t, tn, lang } = useT();
  const person = useApi(() => bridge.call('persons.get', { caseId, personId }), [bridge, caseId, personId, rev]);
  const visits = useApi(() => bridge.call('findings.personVisits', { caseId, personId }), [bridge, caseId, personId, rev]);
  const faces = usePaged<PersonFace>((offset, limit) => bridge.call('persons.faces', { caseId, personId, offset, limit }), PAGE, [bridge, caseId, personId]);
  useOnChange(rev, faces.reload);
  const idAt = useCallback((i: number) => faces.get(i)?.faceId, [faces]);
  const { sel, click, clear, keepOnly, set } = useSelection(idAt);
  const [opened, setOpened] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [moving, setMoving] = useState(false);
  const [lastSplit, setLastSplit] = useState<number | null>(null);
  const p = person.data;

  const count = faces.total ?? 0;
  const { ensure } = faces;
  const { scrollRef, columns, rowCount, virtualizer, rows } = useTileGrid({
    count, tileWidth: TILE_W, gap: GAP, pad: PAD, rowHeight: ROW_H, overscan: 3, onRange: ensure, delayMs: 60,
  });

  // Faces that left the person (split, moved) leave the selection once the faces are read again.
  const loaded = faces.loaded();
  useEffect(() => {
    if (faces.total === null || loaded.length !== faces.total) return;
    const ids = new Set(loaded.map((f) => f.faceId));
    keepOnly((id) => ids.has(id));
  }, [loaded, faces.total, keepOnly]);

  const selected = [...sel.ids];
  const n = selected.length;
  const allFaces = count > 0 && n === count;

  const split = async () => {
    if (n === 0 || busy || allFaces || !p) return;
    const res = await review({ kind: 'split', faceIds: selected }, { key: 'people.done.split', params: { n, label: p.label } });
    if (res) {
      setLastSplit(res.newPersonId);
      clear();
    }
  };
  const setRole = async (role: PersonRole) => {
    if (!p || busy) return;
    await review({ kind: 'role', personIds: [p.id], role }, { key: 'people.done.role', params: { n: 1, role } });
  };

  useShortcuts(
    {
      s: () => void split(),
      t: () => void setRole('staff'),
      v: () => void setRole('visitor'),
      u: () => void setRole('unknown'),
      escape: () => (n > 0 ? clear() : onBack()),
      'alt+arrowleft': onBack,
    },
    !moving,
  );

  const onTileClick = useCallback(
    (index: number, e: MouseEvent) => {
      setFocusIndex(index);
      const mode = clickMode(e);
      if (mode === 'single') setOpened(index);
      else click(index, mode);
    },
    [click],
  );
  const onCheck = useCallback(
    (index: number) => {
      setFocusIndex(index);
      click(index, 'toggle');
    },
    [click],
  );

  const moveFocus = (next: number) => {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, next));
    setFocusIndex(i);
    virtualizer.scrollToIndex(Math.floor(i / columns), { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true }));
  };
  const onGridKey = (e: ReactKeyboardEvent) => {
    if (e.altKey || e.metaKey) return;
    switch (e.key) {
      case 'ArrowRight':
        moveFocus(focusIndex + 1);
        break;
      case 'ArrowLeft':
        moveFocus(focusIndex - 1);
        break;
      case 'ArrowDown':
        moveFocus(focusIndex + columns);
        break;
      case 'ArrowUp':
        moveFocus(focusIndex - columns);
        break;
      case ' ':
        click(focusIndex, e.shiftKey ? 'range' : 'toggle');
        break;
      case 'Enter':
        setOpened(focusIndex);
        break;
      case 'a':
        if (!e.ctrlKey) return;
        // Ctrl+A: every face read so far.
        set(faces.loaded().map((f) => f.faceId));
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (person.error && !p) {
    return (
      <div className="pp-person">
        <div className="pp-person-head">
          <button type="button" className="btn btn-back" data-testid="person-back" onClick={onBack}>
            ← {t('people.person.back')}
          </button>
        </div>
        <ErrorText error={person.error} onRetry={person.reload} testId="person-error" />
      </div>
    );
  }
  const cams = p ? p.cameraNames.join(lang === 'zh' ? '、' : ', ') : '';
  return (
    <div className="pp-person" data-testid="person-page" data-person-id={personId} data-label={p?.label ?? ''} data-role={p?.role ?? ''}>
      <div className="pp-person-head">
        <button type="button" className="btn btn-back" data-testid="person-back" onClick={onBack} title="Esc / Alt+←">
          ← {t('people.person.back')}
        </button>
        {p ? (
          <>
            <FaceImg caseId={caseId} faceId={p.repFaceId} size={56} />
            <div className="pp-person-title">
              <h2>
                <span className="mono" data-testid="person-label">
                  {p.label}
                </span>{' '}
                <RoleBadge role={p.role} />
              </h2>
              <div className="pp-person-facts">
                <span>
                  {t('people.col.captures')} <strong data-testid="person-captures-total">{formatCount(p.captures)}</strong>
                </span>
                <span>
                  {t('people.person.faces')} <strong data-testid="person-faces-total">{formatCount(p.faces)}</strong>
                </span>
                <span>
                  {t('people.col.days')} <strong>{formatCount(p.days)}</strong>
                </span>
                {visits.data && (
                  <span>
                    {t('people.person.visits')} <strong data-testid="person-visits">{formatCount(visits.data.visits.length)}</strong>
                  </span>
                )}
                <span>
                  {t('people.col.first')} <When iso={p.first} />
                </span>
                <span>
                  {t('people.col.last')} <When iso={p.last} />
                </span>
                <span className="pp-ellipsis" title={cams}>
                  {t('people.col.cameras')} {cams}
                </span>
              </div>
              {p.authentications.length > 0 && (
                <div className="small">
                  {t('people.col.auth')}: <AuthNames person={p} />
                </div>
              )}
            </div>
            <div className="pp-person-roles" role="group" aria-label={t('people.col.role')}>
              {ROLES.map((r) => (
                <button
                  key={r}
                  type="button"
                  className={`btn btn-small${p.role === r ? ' on' : ''}`}
                  aria-pressed={p.role === r}
                  data-testid={`person-role-${r}`}
                  disabled={busy || p.role === r}
                  onClick={() => void setRole(r)}
                >
                  {t(`people.action.${r}`)} <kbd>{r === 'staff' ? 'T' : r === 'visitor' ? 'V' : 'U'}</kbd>
                </button>
              ))}
            </div>
          </>
        ) : (
          <Loading />
        )}
      </div>
      <div className="pp-person-timeline">
        <h3>{t('people.timeline.heading')}</h3>
        {visits.error && <ErrorText error={visits.error} onRetry={visits.reload} />}
        {visits.data ? <PersonTimeline visits={visits.data} /> : !visits.error && <Loading />}
      </div>
      <div className="pp-toolbar" role="toolbar" aria-label={t('people.faces.toolbar')}>
        <span className="pp-selcount">
          {tn('people.faces.count', { n: <strong data-testid="person-faces-count">{faces.total === null ? '…' : formatCount(count)}</strong> })}
        </span>
        <span className="pp-selcount" data-testid="faces-selected" data-n={n} aria-live="polite">
          {n > 0 ? tn('people.faces.selected', { n: <strong>{n}</strong> }) : t('people.faces.hint')}
        </span>
        <span className="pp-sep" />
        <button
          type="button"
          className="btn btn-small btn-primary"
          data-testid="faces-split"
          disabled={n === 0 || busy || allFaces}
          title={allFaces ? t('people.faces.splitAll') : undefined}
          onClick={() => void split()}
        >
          {t('people.action.split')} <kbd>S</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="faces-move" disabled={n === 0 || busy} onClick={() => setMoving(true)}>
          {t('people.action.move')}
        </button>
        <button type="button" className="btn btn-small" data-testid="faces-clear" disabled={n === 0} onClick={clear}>
          {t('people.action.clear')} <kbd>Esc</kbd>
        </button>
        {lastSplit !== null && (
          <button type="button" className="btn btn-small btn-link" data-testid="faces-open-new" onClick={() => onOpenPerson(lastSplit)}>
            {t('people.faces.openNew')}
          </button>
        )}
      </div>
      {moving && p && (
        <MoveBar
          caseId={caseId}
          fromId={p.id}
          n={n}
          busy={busy}
          onCancel={() => setMoving(false)}
          onMove={async (to) => {
            const res = await review({ kind: 'move', faceIds: selected, toPersonId: to.id }, { key: 'people.done.move', params: { n, label: to.label } });
            if (res) {
              setMoving(false);
              clear();
            }
          }}
        />
      )}
      {faces.error && <ErrorText error={faces.error} onRetry={faces.retry} testId="faces-error" />}
      {faces.total === null && !faces.error && <Loading />}
      {faces.total === 0 && <p className="empty">{t('people.faces.empty')}</p>}
      <div
        ref={scrollRef}
        className="pp-faces-scroll"
        role="grid"
        aria-label={t('people.faces.label', { label: p?.label ?? '' })}
        aria-rowcount={rowCount}
        aria-colcount={columns}
        aria-multiselectable="true"
        tabIndex={0}
        onKeyDown={onGridKey}
      >
        <div className="pp-faces-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const cells = [];
            for (let c = 0; c < columns; c++) {
              const index = row.index * columns + c;
              if (index >= count) break;
              const f = faces.get(index);
              cells.push(
                <FaceTile
                  key={index}
                  caseId={caseId}
                  index={index}
                  face={f}
                  selected={f ? sel.ids.has(f.faceId) : false}
                  tabbable={index === focusIndex}
                  onClick={onTileClick}
                  onCheck={onCheck}
                />,
              );
            }
            return (
              <div
                key={row.key}
                role="row"
                className="pp-face-row"
                style={{ transform: `translateY(${row.start}px)`, left: PAD, columnGap: GAP, gridTemplateColumns: `repeat(${columns}, ${TILE_W}px)` }}
              >
                {cells}
              </div>
            );
          })}
        </div>
      </div>
      {opened !== null && (
        <FaceDialog
          caseId={caseId}
          label={p?.label ?? ''}
          index={opened}
          total={count}
          face={faces.get(opened)}
          onNavigate={(i) => {
            if (i < 0 || i >= count) return;
            faces.ensure(i, i);
            setOpened(i);
          }}
          onClose={() => {
            const i = opened;
            setOpened(null);
            moveFocus(i);
          }}
        />
      )}
    </div>
  );
}

const FaceTile = memo(function FaceTile({
  caseId,
  index,
  face: f,
  selected,
  tabbable,
  onClick,
  onCheck,
}: {
  caseId: string;
  index: number;
  face: PersonFace | undefined;
  selected: boolean;
  tabbable: boolean;
  onClick: (index: number, e: MouseEvent) => void;
  onCheck: (index: number) => void;
}) {
  const { t, lang } = useT();
  if (!f) return <div role="gridcell" className="pp-tile pp-tile-loading" data-index={index} tabIndex={tabbable ? 0 : -1} aria-busy="true" />;
  const when = formatDateTime(f.capturedAt, lang);
  return (
    <div
      role="gridcell"
      aria-selected={selected}
      className={`pp-tile${selected ? ' selected' : ''}${f.lowQuality ? ' lowq' : ''}`}
      data-testid="face-tile"
      data-face-id={f.faceId}
      data-index={index}
      data-low-quality={f.lowQuality}
      tabIndex={tabbable ? 0 : -1}
      title={`${when} · ${f.cameraName || f.cameraId}${f.similarity !== null ? ` · ${f.similarity.toFixed(3)}` : ''}`}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('input')) return;
        onClick(index, e);
      }}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
    >
      <FaceImg caseId={caseId} faceId={f.faceId} size={112} alt={t('people.face.alt', { time: when })} />
      <input
        type="checkbox"
        className="pp-tile-check"
        data-testid="face-check"
        checked={selected}
        onChange={() => onCheck(index)}
        aria-label={t('people.face.select', { time: when })}
        tabIndex={-1}
      />
      {f.lowQuality && (
        <span className="pp-lowq pp-tile-flag" title={t('people.face.lowTitle')}>
          {t('people.face.low')}
        </span>
      )}
      <span className="pp-tile-meta">
        <span className="pp-tile-time">{when.replace(/^\d{4}年|^\d{4}-/u, '')}</span>
        <span className="pp-tile-cam">{f.cameraName || f.cameraId}</span>
      </span>
    </div>
  );
});

/** Move the selected faces to another person, picked by label (R000012): the most-seen people are suggested. */
function MoveBar({
  caseId,
  fromId,
  n,
  busy,
  onCancel,
  onMove,
}: {
  caseId: string;
  fromId: number;
  n: number;
  busy: boolean;
  onCancel: () => void;
  onMove: (to: PersonItem) => Promise<void>;
}) {
  const bridge = useBridge();
  const { t } = useT();
  const [text, setText] = useState('');
  const [people, setPeople] = useState<PersonItem[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [invalid, setInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // The people seen most, as suggestions; whatever is typed is resolved by its label on the service.
  useEffect(() => {
    let alive = true;
    bridge
      .call('persons.list', { caseId, offset: 0, limit: 200, sort: 'captures' })
      .then((res) => alive && setPeople(res.items.filter((p) => p.id !== fromId)))
      .catch((e: unknown) => alive && setError(toUiError(e)));
    inputRef.current?.focus();
    return () => {
      alive = false;
    };
  }, [bridge, caseId, fromId]);

  const submit = async () => {
    const want = text.trim().toUpperCase();
    try {
      const to = await bridge.call('persons.byLabel', { caseId, label: want });
      // Only a current person other than this one can receive the faces (a merged-away label finds nobody).
      if (!to || to.id === fromId) {
        setInvalid(true);
        return;
      }
      await onMove(to);
    } catch (e) {
      setError(toUiError(e));
    }
  };

  return (
    <form
      className="pp-movebar"
      data-testid="move-bar"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor="pp-move-to">{t('people.move.label', { n })}</label>
      <input
        ref={inputRef}
        id="pp-move-to"
        type="text"
        className="mono"
        data-testid="move-to"
        list="pp-move-list"
        value={text}
        placeholder="R000012"
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid(false);
        }}
      />
      <datalist id="pp-move-list">
        {(people ?? []).slice(0, 2000).map((p) => (
          <option key={p.id} value={p.label}>
            {`${p.captures} · ${p.authentications[0]?.name ?? ''}`}
          </option>
        ))}
      </datalist>
      <button type="submit" className="btn btn-small btn-primary" data-testid="move-confirm" disabled={busy || !text.trim()}>
        {t('people.move.confirm')}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('people.move.cancel')}
      </button>
      {!people && !error && <span className="muted small">{t('common.loading')}</span>}
      {invalid && (
        <span className="field-error" role="alert" data-testid="move-invalid">
          {t('people.move.unknown', { label: text.trim() })}
        </span>
      )}
      {error && <ErrorText error={error} />}
    </form>
  );
}

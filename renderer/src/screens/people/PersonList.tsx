/**
 * The people of the case, most captures first (or by first seen / label), virtualised: thousands of rows scroll
 * as smoothly as ten. Rows are selected like files (click, Ctrl/Cmd-click, Shift-click, checkbox) and the
 * selection is merged, given a role, or two of them declared not the same person.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PersonItem, PersonRole } from '../../../../shared/identitiesApi';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';
import { AuthNames, FaceImg, ROLES, RoleBadge, When, roleKey, useOnChange, type Review } from './common';
import { clickMode, useSelection } from './selection';
import { useShortcuts } from './shortcuts';
import { usePaged } from './usePaged';

const PAGE = 200;
const ROW_H = 54;

export type SortKey = 'captures' | 'first' | 'label';
export interface ListView {
  sort: SortKey;
  role: PersonRole | 'all';
}

export function PersonList({
  caseId,
  rev,
  active,
  busy,
  view,
  onView,
  review,
  onOpen,
}: {
  caseId: string;
  rev: number;
  /** The list is on screen (not behind a person's page or another tab): its shortcuts are live. */
  active: boolean;
  busy: boolean;
  view: ListView;
  onView: (v: ListView) => void;
  review: Review;
  onOpen: (personId: number) => void;
}) {
  const bridge = useBridge();
  const { t, tn } = useT();
  const paged = usePaged<PersonItem>(
    (offset, limit) =>
      bridge.call('persons.list', { caseId, offset, limit, sort: view.sort, ...(view.role === 'all' ? {} : { role: view.role }) }),
    PAGE,
    [bridge, caseId, view.sort, view.role],
  );
  useOnChange(rev, paged.reload);
  const idAt = useCallback((i: number) => paged.get(i)?.id, [paged]);
  const { sel, click, clear, keepOnly, set } = useSelection(idAt);
  const [focusRow, setFocusRow] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = paged.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.length ? rows[rows.length - 1]!.index : -1;
  const { ensure } = paged;
  useEffect(() => {
    if (lastRow < 0) return;
    const timer = setTimeout(() => ensure(firstRow, lastRow), 60);
    return () => clearTimeout(timer);
  }, [firstRow, lastRow, ensure]);

  // Selected people the list no longer holds (merged away) leave the selection once the whole list is read.
  const loaded = paged.loaded();
  useEffect(() => {
    if (paged.total === null || loaded.length !== paged.total) return;
    const ids = new Set(loaded.map((p) => p.id));
    keepOnly((id) => ids.has(id));
  }, [loaded, paged.total, keepOnly]);

  const byId = useMemo(() => new Map(loaded.map((p) => [p.id, p])), [loaded]);
  const selected = [...sel.ids];
  const selectedPeople = selected.map((id) => byId.get(id)).filter((p): p is PersonItem => Boolean(p));
  const labelOf = (id: number) => byId.get(id)?.label ?? `#${id}`;

  const merge = async () => {
    if (selected.length < 2 || busy) return;
    // The person with most captures keeps its label: the others join it.
    const ordered = [...selectedPeople].sort((a, b) => b.captures - a.captures || a.id - b.id).map((p) => p.id);
    const ids = ordered.length === selected.length ? ordered : selected;
    const ok = await review({ kind: 'merge', personIds: ids }, { key: 'people.done.merge', params: { n: ids.length, label: labelOf(ids[0]!) } });
    if (ok) set([ids[0]!]);
  };
  const setRole = async (role: PersonRole) => {
    if (selected.length === 0 || busy) return;
    await review({ kind: 'role', personIds: selected, role }, { key: 'people.done.role', params: { n: selected.length, role } });
  };
  const notSame = async () => {
    if (selected.length !== 2 || busy) return;
    const [a, b] = selected as [number, number];
    const ok = await review({ kind: 'not-same', personA: a, personB: b }, { key: 'people.done.notSame', params: { a: labelOf(a), b: labelOf(b) } });
    if (ok) clear();
  };

  useShortcuts(
    {
      m: () => void merge(),
      t: () => void setRole('staff'),
      v: () => void setRole('visitor'),
      u: () => void setRole('unknown'),
      n: () => void notSame(),
      escape: clear,
    },
    active,
  );

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      setFocusRow(index);
      click(index, clickMode(e));
    },
    [click],
  );
  const onCheck = useCallback(
    (index: number) => {
      setFocusRow(index);
      click(index, 'toggle');
    },
    [click],
  );

  const moveFocus = (next: number, extend: boolean) => {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, next));
    setFocusRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    if (extend) click(i, 'range');
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true }));
  };
  const onGridKey = (e: ReactKeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_H) / ROW_H) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveFocus(focusRow + 1, e.shiftKey);
        break;
      case 'ArrowUp':
        moveFocus(focusRow - 1, e.shiftKey);
        break;
      case 'PageDown':
        moveFocus(focusRow + page, e.shiftKey);
        break;
      case 'PageUp':
        moveFocus(focusRow - page, e.shiftKey);
        break;
      case 'Home':
        moveFocus(0, e.shiftKey);
        break;
      case 'End':
        moveFocus(count - 1, e.shiftKey);
        break;
      case ' ':
        click(focusRow, e.shiftKey ? 'range' : 'toggle');
        break;
      case 'Enter': {
        const p = paged.get(focusRow);
        if (p) onOpen(p.id);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const n = selected.length;
  return (
    <div className="pp-list" data-testid="people-list" hidden={!active}>
      <div className="pp-toolbar" role="toolbar" aria-label={t('people.list.toolbar')}>
        <label className="pp-inline">
          {t('people.list.role')}
          <select
            data-testid="people-role-filter"
            value={view.role}
            onChange={(e) => onView({ ...view, role: e.target.value as ListView['role'] })}
          >
            <option value="all">{t('people.list.roleAll')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(roleKey(r))}
              </option>
            ))}
          </select>
        </label>
        <label className="pp-inline">
          {t('people.list.sort')}
          <select data-testid="people-sort" value={view.sort} onChange={(e) => onView({ ...view, sort: e.target.value as SortKey })}>
            <option value="captures">{t('people.sort.captures')}</option>
            <option value="first">{t('people.sort.first')}</option>
            <option value="label">{t('people.sort.label')}</option>
          </select>
        </label>
        <span className="pp-sep" />
        <span className="pp-selcount" data-testid="people-selected" data-n={n} aria-live="polite">
          {n > 0 ? tn('people.selected', { n: <strong>{n}</strong> }) : t('people.selectedNone')}
        </span>
        <button type="button" className="btn btn-small btn-primary" data-testid="people-merge" disabled={n < 2 || busy} onClick={() => void merge()}>
          {t('people.action.merge')} <kbd>M</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="people-staff" disabled={n === 0 || busy} onClick={() => void setRole('staff')}>
          {t('people.action.staff')} <kbd>T</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="people-visitor" disabled={n === 0 || busy} onClick={() => void setRole('visitor')}>
          {t('people.action.visitor')} <kbd>V</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="people-unknown" disabled={n === 0 || busy} onClick={() => void setRole('unknown')}>
          {t('people.action.unknown')} <kbd>U</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="people-not-same" disabled={n !== 2 || busy} onClick={() => void notSame()} title={t('people.action.notSame.title')}>
          {t('people.action.notSame')} <kbd>N</kbd>
        </button>
        <button type="button" className="btn btn-small" data-testid="people-clear" disabled={n === 0} onClick={clear}>
          {t('people.action.clear')} <kbd>Esc</kbd>
        </button>
      </div>
      {paged.error && <ErrorText error={paged.error} onRetry={paged.retry} testId="people-list-error" />}
      {paged.total === null && !paged.error && <Loading />}
      {paged.total === 0 && <p className="empty">{t(view.role === 'all' ? 'people.list.empty' : 'people.list.emptyRole')}</p>}
      <div className="pp-table" role="grid" aria-label={t('people.list.label')} aria-rowcount={count + 1} aria-multiselectable="true">
        <div className="pp-row pp-head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="pp-c-check" aria-label={t('people.col.select')} />
          <span role="columnheader" className="pp-c-face">{t('people.col.face')}</span>
          <span role="columnheader">{t('people.col.label')}</span>
          <span role="columnheader">{t('people.col.role')}</span>
          <span role="columnheader" className="num">{t('people.col.captures')}</span>
          <span role="columnheader" className="num">{t('people.col.days')}</span>
          <span role="columnheader">{t('people.col.first')}</span>
          <span role="columnheader">{t('people.col.last')}</span>
          <span role="columnheader">{t('people.col.cameras')}</span>
          <span role="columnheader">{t('people.col.auth')}</span>
        </div>
        <div ref={scrollRef} className="pp-scroll" tabIndex={-1} onKeyDown={onGridKey}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const p = paged.get(row.index);
              return (
                <PersonRow
                  key={row.key}
                  caseId={caseId}
                  index={row.index}
                  top={row.start}
                  person={p}
                  selected={p ? sel.ids.has(p.id) : false}
                  tabbable={row.index === focusRow}
                  onClick={onRowClick}
                  onCheck={onCheck}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

const PersonRow = memo(function PersonRow({
  caseId,
  index,
  top,
  person: p,
  selected,
  tabbable,
  onClick,
  onCheck,
  onOpen,
}: {
  caseId: string;
  index: number;
  top: number;
  person: PersonItem | undefined;
  selected: boolean;
  tabbable: boolean;
  onClick: (index: number, e: MouseEvent) => void;
  onCheck: (index: number) => void;
  onOpen: (personId: number) => void;
}) {
  const { t, lang } = useT();
  const style = { transform: `translateY(${top}px)`, height: ROW_H };
  if (!p) return <div className="pp-row pp-rowb pp-loading" role="row" aria-rowindex={index + 2} style={style} data-index={index} tabIndex={tabbable ? 0 : -1} />;
  const cams = p.cameraNames.join(lang === 'zh' ? '、' : ', ');
  return (
    <div
      className={`pp-row pp-rowb${selected ? ' selected' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={style}
      data-index={index}
      data-testid="person-row"
      data-person-id={p.id}
      data-label={p.label}
      data-role={p.role}
      data-captures={p.captures}
      tabIndex={tabbable ? 0 : -1}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('input,button')) return;
        onClick(index, e);
      }}
      onDoubleClick={() => onOpen(p.id)}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault(); // no text selection on Shift-click
      }}
    >
      <span role="gridcell" className="pp-c-check">
        <input
          type="checkbox"
          data-testid="person-check"
          checked={selected}
          onChange={() => onCheck(index)}
          aria-label={t('people.selectOne', { label: p.label })}
          tabIndex={-1}
        />
      </span>
      <span role="gridcell" className="pp-c-face">
        <FaceImg caseId={caseId} faceId={p.repFaceId} size={44} />
      </span>
      <span role="gridcell">
        <button type="button" className="link-button mono pp-label" data-testid="person-open" onClick={() => onOpen(p.id)} tabIndex={-1} title={t('people.openPerson')}>
          {p.label}
        </button>
      </span>
      <span role="gridcell">
        <RoleBadge role={p.role} />
      </span>
      <span role="gridcell" className="num" data-testid="person-captures">
        {formatCount(p.captures)}
      </span>
      <span role="gridcell" className="num">
        {formatCount(p.days)}
      </span>
      <span role="gridcell" className="small">
        <When iso={p.first} />
      </span>
      <span role="gridcell" className="small">
        <When iso={p.last} />
      </span>
      <span role="gridcell" className="pp-ellipsis small" title={cams}>
        {cams}
      </span>
      <span role="gridcell" className="pp-ellipsis small">
        <AuthNames person={p} />
      </span>
    </div>
  );
});

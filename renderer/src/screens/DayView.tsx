import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import type { CaptureFilter, FindingCapture } from '../../../shared/findingsApi';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { useT } from '../i18n/context';
import { formatCount, formatDate, formatTime } from '../i18n/format';
import { ErrorText, Loading } from '../components/ErrorText';
import { useTileGrid } from '../components/useTileGrid';
import { CaptureDialog } from './CaptureDialog';
import { TableExport } from './findings/ExportButtons';
import { FindingsContext } from './findings/FindingsContext';

/** Captures fetched per request; pages are cached for the life of the view. */
export const PAGE_SIZE = 500;
const TILE_MIN = 140;
const GAP = 8;
const PAD = 12;
const IMG_H = 140;
const META_H = 38;
const ROW_H = IMG_H + META_H + GAP;
/** Wait for scrolling to settle before fetching, so dragging the scrollbar across a day does not fetch every page. */
const FETCH_DELAY_MS = 90;

/**
 * The captures of a day, or of any bar or cell of the findings (a camera, a zone, a time span, an hour of a
 * weekday, a person's visit): `filter` says which, `label` what to call them; without a filter, the day's.
 */
export function DayView({ caseId, date, filter, label, onBack }: {
  caseId: string;
  date?: string;
  filter?: CaptureFilter;
  label?: string;
  onBack: () => void;
}) {
  const bridge = useBridge();
  const { t, tn, lang } = useT();
  // One query object for the life of the view (the view is keyed by what it shows).
  const query = useMemo<CaptureFilter>(() => filter ?? (date ? { date } : {}), [filter, date]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const pages = useRef(new Map<number, FindingCapture[]>());
  const inflight = useRef(new Set<number>());
  const alive = useRef(true);
  const [active, setActive] = useState(0);
  const [opened, setOpened] = useState<number | null>(null);
  const openedRef = useRef<number | null>(null);
  openedRef.current = opened;
  const pendingFocus = useRef(false);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const loadPage = useCallback(
    (page: number) => {
      if (page < 0 || pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      bridge.call('findings.captures', { caseId, filter: query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (res) => {
          inflight.current.delete(page);
          if (!alive.current) return;
          pages.current.set(page, res.items);
          setTotal(res.total);
          setError(null);
          bump();
        },
        (e: unknown) => {
          inflight.current.delete(page);
          if (!alive.current) return;
          setError(toUiError(e));
        },
      );
    },
    [bridge, caseId, query],
  );

  const retry = useCallback(() => {
    setError(null);
    loadPage(0);
    bump();
  }, [loadPage]);

  useEffect(() => loadPage(0), [loadPage]);

  const getItem = useCallback((index: number): FindingCapture | undefined => {
    return pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }, []);

  // Columns follow the container's width; the pages of the rows in view are fetched.
  const count = total ?? 0;
  const loadRange = useCallback((first: number, last: number) => {
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) loadPage(p);
  }, [loadPage]);
  const { scrollRef, columns, rowCount, virtualizer, rows } = useTileGrid({
    count, tileWidth: TILE_MIN, gap: GAP, pad: PAD, rowHeight: ROW_H, overscan: 4, onRange: loadRange, delayMs: FETCH_DELAY_MS,
  });
  const firstRow = rows[0]?.index ?? 0;

  // Back: Esc or Alt+Left (unless the large view is open: then Esc closes that).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (openedRef.current !== null || e.defaultPrevented) return;
      if ((e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) || (e.altKey && e.key === 'ArrowLeft')) {
        e.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  // Roving focus: move DOM focus to the active tile once it is rendered.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = false;
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      pendingFocus.current = true;
      virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
      loadPage(Math.floor(next / PAGE_SIZE));
    },
    [count, columns, virtualizer, loadPage],
  );

  const onGridKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.metaKey) return;
    const onTile = e.target !== e.currentTarget;
    const base = onTile ? active : Math.max(active, firstRow * columns);
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_H) / ROW_H));
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowRight':
        next = onTile ? base + 1 : base;
        break;
      case 'ArrowLeft':
        next = onTile ? base - 1 : base;
        break;
      case 'ArrowDown':
        next = onTile ? base + columns : base;
        break;
      case 'ArrowUp':
        next = onTile ? base - columns : base;
        break;
      case 'PageDown':
        next = base + columns * visibleRows;
        break;
      case 'PageUp':
        next = base - columns * visibleRows;
        break;
      case 'Home':
        next = e.ctrlKey ? 0 : base - (base % columns);
        break;
      case 'End':
        next = e.ctrlKey ? count - 1 : base - (base % columns) + columns - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const openTile = useCallback((index: number) => {
    setActive(index);
    setOpened(index);
  }, []);

  const closeDialog = useCallback(() => {
    const idx = openedRef.current;
    if (idx !== null) setActive(idx);
    setOpened(null);
    pendingFocus.current = true;
  }, []);

  const dateLabel = label ?? (date ? formatDate(date, lang) : '');
  // Only the export buttons read this (no drill-down from the grid).
  const exportCtx = useMemo(() => ({ caseId, caseNumber: () => '', onDrill: () => undefined }), [caseId]);

  return (
    <section className="day-view" data-testid="day-view" data-date={date} data-filter={JSON.stringify(query)}>
      <div className="day-head">
        <button type="button" className="btn btn-back" data-testid="day-back" onClick={onBack}>
          ← {t('day.back')}
        </button>
        <h1 tabIndex={-1}>
          {date && !label ? <time dateTime={date}>{dateLabel}</time> : <span data-testid="captures-label">{dateLabel}</span>}
          {total !== null && (
            <span className="day-total">
              {tn('day.total', { n: <span data-testid="day-total">{formatCount(total)}</span> })}
            </span>
          )}
        </h1>
        <p className="muted small day-keys">{t('day.keys')}</p>
        {/* The list behind the grid, as a table for the case file: every capture with its file, hash and sheet row. */}
        <FindingsContext.Provider value={exportCtx}>
          <TableExport table={{ table: 'captures', filter: query }} testId="export-captures-table" />
        </FindingsContext.Provider>
      </div>
      {error && <ErrorText error={error} onRetry={retry} />}
      {total === null && !error && <Loading />}
      {total === 0 && <p className="empty">{t('day.empty')}</p>}
      <div
        ref={scrollRef}
        className="day-grid-scroll"
        role="grid"
        aria-label={t('day.gridLabel', { date: dateLabel })}
        aria-rowcount={rowCount}
        aria-colcount={columns}
        tabIndex={0}
        onKeyDown={onGridKey}
      >
        <div className="day-grid-inner" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const cells = [];
            for (let c = 0; c < columns; c++) {
              const index = row.index * columns + c;
              if (index >= count) break;
              cells.push(
                <Tile
                  key={index}
                  caseId={caseId}
                  index={index}
                  col={c}
                  item={getItem(index)}
                  tabbable={index === active}
                  onOpen={openTile}
                  onFocusTile={setActive}
                />,
              );
            }
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 1}
                className="tile-row"
                style={{
                  transform: `translateY(${row.start}px)`,
                  height: ROW_H - GAP,
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                  left: PAD,
                  right: PAD,
                  columnGap: GAP,
                }}
              >
                {cells}
              </div>
            );
          })}
        </div>
      </div>
      {opened !== null && (
        <CaptureDialog
          caseId={caseId}
          index={opened}
          total={count}
          item={getItem(opened)}
          onNavigate={(i) => {
            if (i < 0 || i >= count) return;
            loadPage(Math.floor(i / PAGE_SIZE));
            setOpened(i);
          }}
          onClose={closeDialog}
        />
      )}
    </section>
  );
}

const Tile = memo(function Tile({
  caseId,
  index,
  col,
  item,
  tabbable,
  onOpen,
  onFocusTile,
}: {
  caseId: string;
  index: number;
  col: number;
  item: FindingCapture | undefined;
  tabbable: boolean;
  onOpen: (index: number) => void;
  onFocusTile: (index: number) => void;
}) {
  const bridge = useBridge();
  const { t } = useT();
  if (!item) {
    return (
      <div role="gridcell" aria-colindex={col + 1} aria-busy="true" className="tile-cell">
        <div className="tile tile-loading" data-index={index} tabIndex={tabbable ? 0 : -1} />
      </div>
    );
  }
  const time = formatTime(item.capturedAt);
  return (
    <div role="gridcell" aria-colindex={col + 1} className="tile-cell">
      <button
        type="button"
        className="tile"
        data-testid="capture-tile"
        data-capture-id={item.id}
        data-index={index}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(index)}
        onFocus={() => onFocusTile(index)}
        aria-label={t('day.tileLabel', { time, camera: item.cameraName || item.cameraId })}
        title={item.imagePath ?? undefined}
      >
        <span className="tile-img">
          {item.imagePath === null ? (
            <span className="no-image">{t('day.noImage')}</span>
          ) : (
            <Thumb src={bridge.mediaUrl(caseId, item.id, 'thumb')} />
          )}
        </span>
        <span className="tile-meta">
          <span className="tile-time">{time}</span>
          <span className="tile-cam">
            {item.cameraName || item.cameraId}
            {item.persons.length > 0 && <span className="tile-person"> · {item.persons.join(' ')}</span>}
          </span>
        </span>
      </button>
    </div>
  );
});

function Thumb({ src }: { src: string }) {
  const { t } = useT();
  const [failed, setFailed] = useState(false);
  if (failed) return <span className="no-image">{t('day.imageError')}</span>;
  return <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(true)} />;
}


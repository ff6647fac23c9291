/**
 * A virtualised grid of equal tiles in a scrolling box: as many columns as the box's width holds, only the rows in
 * view rendered, and, shortly after scrolling stops, the range of items in view reported so their data can be read.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface TileGridOptions {
  count: number;
  tileWidth: number;
  gap: number;
  /** Padding inside the box on every side. */
  pad: number;
  rowHeight: number;
  overscan: number;
  /** Called with the first and last item index in view (debounced by delayMs). */
  onRange: (first: number, last: number) => void;
  delayMs: number;
}

export function useTileGrid(opts: TileGridOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  // Columns follow the box's width.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor((Math.max(0, width - opts.pad * 2) + opts.gap) / (opts.tileWidth + opts.gap)));
  const rowCount = Math.ceil(opts.count / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => opts.rowHeight,
    overscan: opts.overscan,
    paddingStart: opts.pad,
    paddingEnd: opts.pad,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.length ? rows[rows.length - 1]!.index : -1;

  const { onRange, delayMs, count } = opts;
  useEffect(() => {
    if (lastRow < 0) return;
    const timer = setTimeout(() => onRange(firstRow * columns, Math.min(count - 1, (lastRow + 1) * columns - 1)), delayMs);
    return () => clearTimeout(timer);
  }, [firstRow, lastRow, columns, count, onRange, delayMs]);

  return { scrollRef, columns, rowCount, virtualizer, rows };
}

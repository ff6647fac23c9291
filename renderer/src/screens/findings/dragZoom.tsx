/**
 * Zooming a time chart by dragging across it: the handlers sit on the chart's box (HTML), the selection is drawn
 * over it, and the chart's own inverse scale (read by ScaleProbe inside the chart) turns pixels into times.
 * A short drag is a click, left to whatever is under it (a cell that opens its captures).
 */
import { useRef, useState, type MouseEvent } from 'react';
import { usePlotArea, useXAxisInverseScale } from 'recharts';

/** The narrowest span a drag zooms to: a few one-minute buckets. */
const MIN_SPAN_MS = 10 * 60_000;

export interface Span {
  fromMs: number;
  toMs: number;
}

/** Hands the chart's plot area and inverse time scale to the drag handler outside the SVG. */
export function ScaleProbe({ probe }: { probe: { current: Probe | null } }) {
  const area = usePlotArea();
  const invert = useXAxisInverseScale();
  probe.current = area && invert ? { area, invert: (px) => Number(invert(px)) } : null;
  return null;
}

interface Probe {
  area: { x: number; y: number; width: number; height: number };
  invert: (px: number) => number;
}

export function useDragZoom(onZoom: (span: Span) => void) {
  const probe = useRef<Probe | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const x = (e: MouseEvent<HTMLDivElement>) => {
    const p = probe.current;
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    return p ? Math.min(p.area.x + p.area.width, Math.max(p.area.x, px)) : px;
  };
  const handlers = {
    onMouseDown: (e: MouseEvent<HTMLDivElement>) => {
      if (e.button !== 0 || !probe.current) return;
      e.preventDefault();
      setDrag({ from: x(e), to: x(e) });
    },
    onMouseMove: (e: MouseEvent<HTMLDivElement>) => {
      if (drag) setDrag({ ...drag, to: x(e) });
    },
    onMouseUp: () => {
      const p = probe.current;
      if (drag && p && Math.abs(drag.to - drag.from) > 6) {
        const a = p.invert(Math.min(drag.from, drag.to));
        const b = p.invert(Math.max(drag.from, drag.to));
        const mid = (a + b) / 2;
        onZoom(b - a >= MIN_SPAN_MS ? { fromMs: Math.round(a), toMs: Math.round(b) } : { fromMs: Math.round(mid - MIN_SPAN_MS / 2), toMs: Math.round(mid + MIN_SPAN_MS / 2) });
      }
      setDrag(null);
    },
    onMouseLeave: () => setDrag(null),
  };
  const selection = drag && probe.current && Math.abs(drag.to - drag.from) > 2 ? (
    <div
      className="zoom-selection"
      style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from), top: probe.current.area.y, height: probe.current.area.height }}
    />
  ) : null;
  return { probe, handlers, selection };
}

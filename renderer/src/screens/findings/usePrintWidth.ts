/**
 * Charts in print: a ResponsiveContainer sized for the screen would be cut at the page's edge, and its resize
 * observer does not run before the print layout. On `beforeprint` the charts re-render synchronously (flushSync)
 * at the printable width of an A4 page; after printing they go back to following the screen.
 *
 * On screen, useChartWidth measures the chart's box once before the first paint (a layout effect) and hands the
 * chart a fixed width: a ResponsiveContainer given numbers draws at once, where with '100%' it would first render
 * empty, measure itself in an effect after the paint and draw every chart again a frame later.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** A4 (210 mm) less Chromium's default print margins, in CSS pixels at 96 dpi. */
export const PRINT_WIDTH = 700;

export function usePrintWidth(): number | '100%' {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing ? PRINT_WIDTH : '100%';
}

/**
 * The width to draw a chart at: the A4 width while printing, else its box's width, measured before the first
 * paint and again when the box resizes. `null` until measured (draw nothing yet: the measurement follows in the
 * same task, before anything is painted); '100%' if the box has no width (hidden), left to ResponsiveContainer.
 */
export function useChartWidth<T extends HTMLElement>(): { ref: RefObject<T | null>; width: number | '100%' | null } {
  const printWidth = usePrintWidth();
  const ref = useRef<T | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setMeasured(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasured(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  if (printWidth !== '100%') return { ref, width: printWidth };
  return { ref, width: measured === null ? null : measured > 0 ? measured : '100%' };
}

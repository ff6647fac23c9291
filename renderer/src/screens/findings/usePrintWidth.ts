/**
 * Charts in print: a ResponsiveContainer sized for the screen would be cut at the page's edge, and its resize
 * observer does not run before the print layout. On `beforeprint` the charts re-render synchronously (flushSync)
 * at the printable width of an A4 page; after printing they go back to following the screen.
 */
import { useEffect, useState } from 'react';
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

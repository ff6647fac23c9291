/**
 * How many category labels to skip between two drawn ones on a date axis, as a number: Recharts then picks the
 * labels by count instead of measuring every label's text in the page (one forced layout per label on a page of
 * thousands of elements). About one label per 70 px of a wide chart: a date label (05-01) and its gap.
 */
export function dateAxisInterval(count: number, maxLabels = 16): number {
  return Math.max(0, Math.ceil(count / maxLabels) - 1);
}

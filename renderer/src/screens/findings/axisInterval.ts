/**
 * How many category labels to skip between two drawn ones on a date axis, as a number: Recharts then picks the
 * labels by count instead of measuring every label's text in the page (one forced layout per label on a page of
 * thousands of elements). About one label per 70 px of a wide chart: a date label (05-01) and its gap.
 */
export function dateAxisInterval(count: number, maxLabels = 16): number {
  return Math.max(0, Math.ceil(count / maxLabels) - 1);
}

/**
 * Spread into an axis's `tick` object where a label never needs wrapping (dates, hours, counts along an X axis as
 * wide as the plot): Recharts hands each tick label the axis's width, and a label given a width has every word
 * measured in the page (a forced layout) to wrap it. Without the width the label is drawn as it is, unmeasured.
 */
export const UNWRAPPED_TICK = { width: undefined };

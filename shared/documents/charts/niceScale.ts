/**
 * An axis that ends on a round number (1, 2 or 5 × 10ⁿ steps), so gridlines fall on figures a reader can check
 * against the bars without interpolating.
 */
export interface Scale {
  max: number;
  ticks: number[];
}

export function niceScale(maxValue: number, targetTicks = 5): Scale {
  if (!(maxValue > 0)) return { max: 1, ticks: [0, 1] };
  const rough = maxValue / targetTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // Whole numbers only: these are counts.
  const wholeStep = Math.max(1, Math.round(step));
  const max = Math.ceil(maxValue / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += wholeStep) ticks.push(t);
  return { max, ticks };
}

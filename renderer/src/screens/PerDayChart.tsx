import { memo, useMemo, type MouseEvent } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { Stats } from '../../../shared/api';
import { fillCalendarDays } from '../../../shared/calendarDays';
import { useT } from '../i18n/context';
import { formatCount, formatDate } from '../i18n/format';
import { dateAxisInterval, UNWRAPPED_TICK } from './findings/axisInterval';
import { useChartWidth } from './findings/usePrintWidth';

type Day = Stats['perDay'][number];

const BAR_FILL = '#2f5d8a';

/** Grid lines not drawn: their coordinates are not computed either (Recharts would measure every tick label). */
const noLines = (): number[] => [];
const LINE_STROKE = '#c2410c';

/** Each bar is a plain rect carrying its date and value, so a test (or a person with dev tools) can find it. */
function DayBar(props: BarShapeProps) {
  const day = props.payload as Day | undefined;
  const { x, y, width, height } = props;
  if (!day || width == null || height == null || x == null || y == null) return <g />;
  return (
    <rect
      className="day-bar"
      x={x}
      y={y}
      width={Math.max(width, 1)}
      height={Math.max(height, 0)}
      fill={props.isActive ? '#1d4ed8' : BAR_FILL}
      data-date={day.date}
      data-captures={day.captures}
      data-visitors={day.visitors ?? undefined}
    />
  );
}

function TooltipBody({ active, payload, lang, labels }: {
  active?: boolean;
  payload?: readonly { payload?: Day }[];
  lang: 'zh' | 'en';
  labels: { captures: string; persons: string; visitors: string };
}) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-date">{formatDate(day.date, lang)}</div>
      <div>
        {labels.captures}: <strong>{formatCount(day.captures)}</strong>
      </div>
      {day.persons !== null && (
        <div>
          {labels.persons}: <strong>{formatCount(day.persons)}</strong>
        </div>
      )}
      {day.visitors !== null && (
        <div>
          {labels.visitors}: <strong>{formatCount(day.visitors)}</strong>
        </div>
      )}
    </div>
  );
}

/**
 * Captures per day as bars and, once people are grouped, distinct visitors per day as a line on its own axis.
 * Clicking a day's bar opens that day's captures.
 */
export const PerDayChart = memo(function PerDayChart({
  perDay,
  onOpenDay,
}: {
  perDay: Day[];
  onOpenDay: (date: string) => void;
}) {
  const { t, lang } = useT();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const tickDate = (d: string) => (d.length >= 10 ? d.slice(5) : d);
  // Every calendar day of the period, so closed days and camera outages show as gaps, not vanish.
  // Once people are grouped, a day without captures had no visitors either: zero, so the line goes through it.
  const withVisitors = perDay.some((d) => d.visitors !== null);
  const days = useMemo(
    () => fillCalendarDays(perDay, (date) => ({ date, captures: 0, persons: withVisitors ? 0 : null, visitors: withVisitors ? 0 : null })),
    [perDay, withVisitors],
  );
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const open = (date: string) => {
    const day = byDate.get(date);
    if (day && day.captures > 0) onOpenDay(day.date);
  };
  // One handler for every bar (each carries its date), not one per bar.
  const onBarClick = (e: MouseEvent<HTMLDivElement>) => {
    const date = (e.target as Element).closest?.('.day-bar')?.getAttribute('data-date');
    if (date) open(date);
  };
  const labels = { captures: t('chart.captures'), persons: t('findings.perDay.persons'), visitors: t('findings.perDay.visitors') };
  return (
    <div ref={ref} className="chart-box findings-chart" data-testid="per-day-chart" onClick={onBarClick} aria-label={t('chart.aria', { n: perDay.length })} role="figure">
      {width !== null && (
      <ResponsiveContainer width={width} height={300}>
        <ComposedChart
          data={days}
          margin={{ top: 8, right: withVisitors ? 8 : 16, bottom: 4, left: 0 }}
          barCategoryGap="15%"
          // A click in a day's column above its bar (the bar itself is handled on the box below) opens the day too.
          onClick={(state, event) => {
            if ((event.target as Element | null)?.closest?.('.day-bar')) return;
            if (!state?.isTooltipActive || typeof state.activeLabel !== 'string') return;
            open(state.activeLabel);
          }}
        >
          <CartesianGrid strokeDasharray="2 3" vertical={false} verticalCoordinatesGenerator={noLines} stroke="#d5dbe3" />
          <XAxis
            dataKey="date"
            tickFormatter={tickDate}
            interval={dateAxisInterval(days.length)}
            tick={{ fontSize: 11, fill: '#4b5563', ...UNWRAPPED_TICK }}
            tickLine={false}
            axisLine={{ stroke: '#9aa5b1' }}
          />
          <YAxis
            yAxisId="captures"
            allowDecimals={false}
            width={56}
            tick={{ fontSize: 11, fill: '#4b5563' }}
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: number) => formatCount(v)}
          />
          {withVisitors && (
            <YAxis
              yAxisId="visitors"
              orientation="right"
              allowDecimals={false}
              width={44}
              tick={{ fontSize: 11, fill: LINE_STROKE }}
              tickLine={false}
              axisLine={false}
              tickFormatter={(v: number) => formatCount(v)}
            />
          )}
          <Tooltip
            cursor={{ fill: 'rgba(47, 93, 138, 0.08)' }}
            isAnimationActive={false}
            content={(p) => (
              <TooltipBody active={p.active} payload={p.payload as readonly { payload?: Day }[] | undefined} lang={lang} labels={labels} />
            )}
          />
          {withVisitors && <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />}
          <Bar
            yAxisId="captures"
            dataKey="captures"
            name={labels.captures}
            fill={BAR_FILL}
            isAnimationActive={false}
            minPointSize={(value) => (Number(value) > 0 ? 2 : 0)}
            shape={DayBar}
          />
          {withVisitors && (
            <Line
              yAxisId="visitors"
              dataKey="visitors"
              name={labels.visitors}
              stroke={LINE_STROKE}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      )}
    </div>
  );
});

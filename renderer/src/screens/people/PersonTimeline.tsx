/** A person's captures per day over the days they were seen (every calendar day between, so gaps show). */
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PersonVisits } from '../../../../shared/findingsApi';
import { fillCalendarDays } from '../../../../shared/calendarDays';
import { useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../i18n/format';

interface Day {
  date: string;
  captures: number;
}

export const PersonTimeline = memo(function PersonTimeline({ visits }: { visits: PersonVisits }) {
  const { t, lang } = useT();
  const days = useMemo(() => {
    const per = new Map<string, Set<number>>();
    for (const c of visits.captures) {
      const date = c.capturedAt.slice(0, 10);
      let s = per.get(date);
      if (!s) per.set(date, (s = new Set()));
      s.add(c.id);
    }
    const list = [...per.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, s]) => ({ date, captures: s.size }));
    return fillCalendarDays<Day>(list, (date) => ({ date, captures: 0 }));
  }, [visits]);
  if (days.length === 0) return <p className="muted small">{t('people.timeline.empty')}</p>;
  return (
    <div className="pp-timeline" data-testid="person-timeline" data-days={days.filter((d) => d.captures > 0).length} role="figure" aria-label={t('people.timeline.aria', { n: days.length })}>
      <ResponsiveContainer width="100%" height={118}>
        <BarChart data={days} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} barCategoryGap="12%">
          <CartesianGrid strokeDasharray="2 3" vertical={false} stroke="#d5dbe3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={18} tick={{ fontSize: 10, fill: '#4b5563' }} tickLine={false} axisLine={{ stroke: '#9aa5b1' }} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 10, fill: '#4b5563' }} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(47, 93, 138, 0.08)' }}
            isAnimationActive={false}
            content={(p) => {
              const d = (p.payload?.[0] as { payload?: Day } | undefined)?.payload;
              if (!p.active || !d) return null;
              return (
                <div className="chart-tooltip">
                  <div className="chart-tooltip-date">{formatDate(d.date, lang)}</div>
                  <div>
                    {t('people.col.captures')}: <strong>{formatCount(d.captures)}</strong>
                  </div>
                </div>
              );
            }}
          />
          <Bar dataKey="captures" fill="#2f5d8a" maxBarSize={36} isAnimationActive={false} minPointSize={(v) => (Number(v) > 0 ? 2 : 0)} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});

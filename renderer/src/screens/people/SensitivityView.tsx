/**
 * How the count of persons depends on the same-person threshold: the persons at each threshold of the run's range
 * (strict end: more persons; loose end: fewer), moved by the review decisions made since, as a decision would cite
 * them ("约 N 人（low–high）"). The threshold the grouping uses is marked.
 */
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { IdentitySummary } from '../../../../shared/identitiesApi';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';

export function SensitivityView({ s }: { s: IdentitySummary }) {
  const { t } = useT();
  const at = s.run?.threshold;
  const chosen = s.sensitivity.find((p) => Math.abs(p.threshold - (at ?? NaN)) < 1e-9);
  if (!s.run || !chosen || s.sensitivity.length === 0) return null;
  // Review decisions shift the count by the same amount at every threshold (a merge removes one person anywhere).
  const shift = s.persons - chosen.persons;
  const points = s.sensitivity.map((p) => ({
    threshold: p.threshold.toFixed(3),
    persons: Math.max(0, p.persons + shift),
    multi: p.personsMulti,
    chosen: p === chosen,
  }));
  return (
    <details className="pp-sensitivity" data-testid="people-sensitivity">
      <summary>{t('people.sens.title')}</summary>
      <p className="muted small">{t('people.sens.note')}</p>
      <div className="pp-sens-body">
        <BarChart width={420} height={150} data={points} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="threshold" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Bar dataKey="persons" name={t('people.sens.persons')} isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.threshold} fill={p.chosen ? '#1d4f91' : '#9db4d3'} />
            ))}
          </Bar>
        </BarChart>
        <table className="pp-sens-table">
          <thead>
            <tr>
              <th scope="col">{t('people.sens.threshold')}</th>
              <th scope="col">{t('people.sens.persons')}</th>
              <th scope="col">{t('people.sens.multi')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.threshold} className={p.chosen ? 'pp-sens-chosen' : undefined} data-testid={`sens-${p.threshold}`}>
                <td className="mono">
                  {p.threshold}
                  {p.chosen && ` ← ${t('people.sens.used')}`}
                </td>
                <td className="num">{formatCount(p.persons)}</td>
                <td className="num">{formatCount(p.multi)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

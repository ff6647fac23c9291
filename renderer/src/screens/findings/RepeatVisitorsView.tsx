/** The visitors who came back most: the people behind the "repeat visitors" figure, each opening their visits. */
import type { FindingsOverview } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';
import { ProvenanceText } from './ProvenanceTip';
import { zonedDateTime } from './zonedTime';

export function RepeatVisitorsView({ repeat, timezone, gapMinutes, onOpenPerson }: {
  repeat: NonNullable<FindingsOverview['repeatVisitors']>;
  timezone: string;
  gapMinutes: number;
  onOpenPerson: (personId: number) => void;
}) {
  const { t } = useT();
  return (
    <section className="panel findings-panel lazy-layout" data-testid="panel-repeat-visitors" aria-labelledby="repeat-h">
      <h2 id="repeat-h">{t('repeat.heading')}</h2>
      <p className="muted small">{t('repeat.hint', { n: repeat.items.length, gap: gapMinutes })}</p>
      {repeat.items.length === 0 ? (
        <p className="empty">{t('repeat.none')}</p>
      ) : (
        <div className="table-wrap table-scroll">
          <table className="data-table" data-testid="repeat-table">
            <thead>
              <tr>
                <th scope="col">{t('repeat.col.person')}</th>
                <th scope="col" className="num">{t('repeat.col.visits')}</th>
                <th scope="col" className="num">{t('repeat.col.captures')}</th>
                <th scope="col">{t('repeat.col.first')}</th>
                <th scope="col">{t('repeat.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              {repeat.items.map((r) => (
                <tr key={r.personId} data-testid="repeat-row" data-person-id={r.personId}>
                  <th scope="row">
                    <button type="button" className="link-button mono" onClick={() => onOpenPerson(r.personId)}>
                      {r.label}
                    </button>
                  </th>
                  <td className="num" data-testid="repeat-visits">{formatCount(r.visits)}</td>
                  <td className="num">{formatCount(r.captures)}</td>
                  <td>{zonedDateTime(r.firstMs, timezone)}</td>
                  <td>{zonedDateTime(r.lastMs, timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="prov-details small">
        <summary>{t('prov.summary')}</summary>
        <p className="prov-block">
          <ProvenanceText provenance={repeat.provenance} />
        </p>
      </details>
    </section>
  );
}

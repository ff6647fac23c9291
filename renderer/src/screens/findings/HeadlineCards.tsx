/**
 * The headline figures as a card row, each with its provenance on hover (or focus). Person figures read
 * "未完成人员归并" until clustering has run, and carry a warning when faces were analysed after it.
 */
import { useId, type ReactNode } from 'react';
import type { Stats } from '../../../../shared/api';
import type { Provenance } from '../../../../shared/findingsApi';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { formatCount, formatDateTime } from '../../i18n/format';
import { ProvenanceTip } from './ProvenanceTip';

interface Card {
  key: string;
  label: DictKey;
  value: ReactNode;
  provenance: Provenance | undefined;
  /** The exact value behind a formatted one (a time with its offset). */
  title?: string;
  sub?: ReactNode;
}

export function HeadlineCards({ stats }: { stats: Stats }) {
  const { t, lang } = useT();
  const p = stats.provenance;
  const pending = stats.identity.state === 'none';
  const person = (n: number | null) => (n === null ? <span className="fig-pending">{t('fig.pending')}</span> : formatCount(n));
  const time = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lang)}</time> : t('common.none'));
  const cards: Card[] = [
    { key: 'captures', label: 'fig.captures', value: formatCount(stats.captures), provenance: p.captures },
    { key: 'persons', label: 'fig.persons', value: person(stats.persons), provenance: p.persons,
      sub: stats.personsRange && t('fig.range', { low: stats.personsRange.low, high: stats.personsRange.high }) },
    { key: 'visitors', label: 'fig.visitors', value: person(stats.visitors), provenance: p.visitors },
    { key: 'staff', label: 'fig.staff', value: person(stats.staff), provenance: p.staff },
    { key: 'repeatVisitors', label: 'fig.repeatVisitors', value: person(stats.repeatVisitors), provenance: p.repeatVisitors },
    { key: 'visits', label: 'fig.visits', value: person(stats.visits), provenance: p.visits,
      sub: stats.visits !== null && t('fig.visitGap', { n: stats.visitGapMinutes }) },
    { key: 'first', label: 'stats.first', value: time(stats.period.first), provenance: p['period.first'], title: stats.period.first ?? undefined },
    { key: 'last', label: 'stats.last', value: time(stats.period.last), provenance: p['period.last'], title: stats.period.last ?? undefined },
    { key: 'days', label: 'stats.days', value: formatCount(stats.daysActive), provenance: p.daysActive },
    { key: 'cameras', label: 'stats.cameras', value: formatCount(stats.cameras.length), provenance: p.cameras,
      sub: t('fig.camerasActive', { n: stats.cameras.filter((c) => c.captures > 0).length }) },
    { key: 'images', label: 'fig.images', value: formatCount(stats.images), provenance: p.images },
    { key: 'videos', label: 'fig.videos', value: formatCount(stats.videos), provenance: p.videos },
    { key: 'faces', label: 'fig.faces', value: formatCount(stats.faces), provenance: p.faces },
    { key: 'authentications', label: 'fig.authentications', value: formatCount(stats.authentications), provenance: p.authentications },
    { key: 'authenticatedPersons', label: 'fig.authenticatedPersons', value: person(stats.authenticatedPersons), provenance: p.authenticatedPersons },
  ];
  if (stats.capturesWithoutImage > 0) {
    cards.push({ key: 'without-image', label: 'stats.withoutImage', value: formatCount(stats.capturesWithoutImage), provenance: p.capturesWithoutImage });
  }
  return (
    <>
      {pending && stats.captures > 0 && (
        <p className="fig-note" data-testid="persons-pending">{t('fig.pendingNote')}</p>
      )}
      {stats.identity.state === 'stale' && (
        <p className="fig-note fig-warn" role="status" data-testid="persons-stale">{t('fig.stale')}</p>
      )}
      <div className="stat-grid headline-grid">
        {cards.map((card) => (
          <FigureCard key={card.key} card={card} />
        ))}
      </div>
    </>
  );
}

function FigureCard({ card }: { card: Card }) {
  const { t } = useT();
  const id = useId();
  // The foundation's test ids (stat-captures, stat-first, …) stay on the same figures.
  const testId = `stat-${card.key}`;
  return (
    <div className="stat-card" role="group" aria-labelledby={id} data-figure={card.key}>
      <div className="stat-label" id={id}>
        {t(card.label)}
      </div>
      <ProvenanceTip provenance={card.provenance} testId={`prov-${card.key}`}>
        <span className="stat-value" data-testid={testId} title={card.title}>
          {card.value}
        </span>
      </ProvenanceTip>
      {card.sub && <div className="stat-sub muted small">{card.sub}</div>}
    </div>
  );
}

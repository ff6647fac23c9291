/**
 * Staff suggestions: people seen on most of the case's active days or in most of its opening hours. A suggestion
 * changes nothing; only the analyst's Confirm marks the person as staff (and so changes the counts).
 */
import { useEffect } from 'react';
import { useBridge } from '../../bridge/context';
import { ErrorText, Loading } from '../../components/ErrorText';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n/context';
import { formatCount } from '../../i18n/format';
import { AuthNames, FaceImg, RoleBadge, When, percent, type SuggestionPanelProps } from './common';

export function StaffSuggestions({ caseId, rev, active, busy, review, onOpen, onTotal }: SuggestionPanelProps) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const list = useApi(() => bridge.call('identities.staffSuggestions', { caseId }), [bridge, caseId, rev]);
  const items = list.data ?? [];
  const open = items.filter((s) => s.person.role !== 'staff').length;
  useEffect(() => {
    if (list.data) onTotal(open);
  }, [list.data, open, onTotal]);

  return (
    <div className="pp-staff" data-testid="staff-suggestions" hidden={!active}>
      <p className="muted small">{t('people.staff.intro')}</p>
      {list.error && <ErrorText error={list.error} onRetry={list.reload} testId="staff-suggestions-error" />}
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p className="empty">{t('people.staff.empty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap pp-staff-table">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('people.col.face')}</th>
                <th scope="col">{t('people.col.label')}</th>
                <th scope="col">{t('people.col.role')}</th>
                <th scope="col" className="num">{t('people.col.captures')}</th>
                <th scope="col" className="num">{t('people.col.days')}</th>
                <th scope="col" className="num">{t('people.staff.dayShare')}</th>
                <th scope="col" className="num">{t('people.staff.hourShare')}</th>
                <th scope="col">{t('people.col.first')}</th>
                <th scope="col">{t('people.col.last')}</th>
                <th scope="col">{t('people.col.cameras')}</th>
                <th scope="col">{t('people.col.auth')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.person.id} data-testid="staff-suggestion" data-person-id={s.person.id} data-label={s.person.label} data-role={s.person.role}>
                  <td className="pp-td-face">
                    <FaceImg caseId={caseId} faceId={s.person.repFaceId} size={40} />
                  </td>
                  <td>
                    <button type="button" className="link-button mono pp-label" onClick={() => onOpen(s.person.id)}>
                      {s.person.label}
                    </button>
                  </td>
                  <td>
                    <RoleBadge role={s.person.role} />
                  </td>
                  <td className="num">{formatCount(s.person.captures)}</td>
                  <td className="num">{formatCount(s.person.days)}</td>
                  <td className="num">
                    <ShareBar share={s.dayShare} />
                  </td>
                  <td className="num">
                    <ShareBar share={s.hourShare} />
                  </td>
                  <td className="small">
                    <When iso={s.person.first} />
                  </td>
                  <td className="small">
                    <When iso={s.person.last} />
                  </td>
                  <td className="small pp-ellipsis" style={{ maxWidth: 220 }}>
                    {s.person.cameraNames.join(lang === 'zh' ? '、' : ', ')}
                  </td>
                  <td className="small">
                    <AuthNames person={s.person} />
                  </td>
                  <td className="pp-nowrap">
                    {s.person.role === 'staff' ? (
                      <span className="muted small">{t('people.staff.confirmed')}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        data-testid="staff-confirm"
                        disabled={busy}
                        onClick={() =>
                          void review(
                            { kind: 'role', personIds: [s.person.id], role: 'staff' },
                            { key: 'people.done.role', params: { n: 1, role: 'staff' } },
                          )
                        }
                      >
                        {t('people.staff.confirm')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ShareBar({ share }: { share: number }) {
  return (
    <span className="pp-share">
      <span className="pp-share-bar">
        <span style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
      </span>
      <span className="pp-share-val">{percent(share)}</span>
    </span>
  );
}

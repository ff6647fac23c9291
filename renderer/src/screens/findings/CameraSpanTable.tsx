/** When each camera captured: first and last capture and the days with captures, beside the activity timeline. */
import type { Stats } from '../../../../shared/api';
import { useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../i18n/format';
import { TableExport } from './ExportButtons';
import { useFindingsCase } from './FindingsContext';
import { ProvenanceTip } from './ProvenanceTip';

export function CameraSpanTable({ stats }: { stats: Stats }) {
  const { t, lang } = useT();
  const { onDrill } = useFindingsCase();
  const time = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lang)}</time> : t('common.none'));
  return (
    <>
      <div className="findings-panel-head">
        <h3>{t('findings.cameraSpan.heading')}</h3>
        <TableExport table={{ table: 'cameras' }} testId="export-cameras-table" />
      </div>
      <div className="table-wrap">
        <table className="data-table" data-testid="camera-span-table">
          <thead>
            <tr>
              <th scope="col">{t('cameras.col.id')}</th>
              <th scope="col">{t('cameras.col.name')}</th>
              <th scope="col">{t('findings.col.zone')}</th>
              <th scope="col">{t('findings.col.first')}</th>
              <th scope="col">{t('findings.col.last')}</th>
              <th scope="col" className="num">
                <ProvenanceTip provenance={stats.provenance.cameras}>{t('findings.col.activeDays')}</ProvenanceTip>
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.cameras.map((c) => (
              <tr key={c.id} data-testid="camera-span-row" data-camera-id={c.id}>
                <td className="mono">
                  {c.captures > 0 ? (
                    <button type="button" className="link-button" onClick={() => onDrill({ filter: { cameraId: c.id }, label: t('drill.camera', { camera: `${c.id} ${c.name}` }) })}>
                      {c.id}
                    </button>
                  ) : (
                    c.id
                  )}
                </td>
                <td>{c.name}</td>
                <td>{c.zone || t('findings.zone.none')}</td>
                <td>{time(c.first)}</td>
                <td>{time(c.last)}</td>
                <td className="num">{formatCount(c.activeDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

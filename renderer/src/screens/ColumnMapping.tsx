/**
 * The column-mapping step: shown before an import when a sheet's headers are not recognised. The analyst says
 * which row is the header and what each column holds; the mapping is saved as a named profile (reusable from the
 * CLI with --profile) and the import runs with it. A saved profile can be applied instead.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CAPTURE_FIELDS, type ColumnProfileWire, type SheetPreviewItem } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { ErrorText } from '../components/ErrorText';
import { useT } from '../i18n/context';
import type { DictKey } from '../i18n/dict';
import { formatCount } from '../i18n/format';

type Field = (typeof CAPTURE_FIELDS)[number];
type Kind = 'captures' | 'auth';

const fieldKey = (f: Field) => `field.${f}` as DictKey;

/** What is missing for a sheet of this kind to be read, as dictionary keys (mirrors the services' rule). */
export function missingFields(kind: Kind, mapped: ReadonlySet<string>): DictKey[] {
  const missing: DictKey[] = [];
  if (kind === 'captures') {
    if (!mapped.has('time')) missing.push('mapping.need.time');
    if (!mapped.has('cameraId') && !mapped.has('cameraName')) missing.push('mapping.need.camera');
  } else {
    if (!mapped.has('customerName') && !mapped.has('phone')) missing.push('mapping.need.customer');
    if (!mapped.has('personId') && !mapped.has('faceImage')) missing.push('mapping.need.person');
  }
  return missing;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/u).pop() ?? file;
  return name.replace(/\.[^.]+$/u, '') || name;
}

interface Draft {
  headerRow: number;
  columns: Array<Field | ''>;
  kind: Kind;
  timeFormat: string;
  name: string;
}

function draftFor(sheet: SheetPreviewItem): Draft {
  const columns: Array<Field | ''> = Array.from({ length: sheet.preview.columnCount }, () => '');
  for (const [field, at] of Object.entries(sheet.mapping)) if (at < columns.length) columns[at] = field as Field;
  return {
    headerRow: sheet.headerRow ?? sheet.preview.headerCandidates[0] ?? 0,
    columns,
    kind: sheet.kind === 'auth' ? 'auth' : 'captures',
    timeFormat: '',
    name: baseName(sheet.file),
  };
}

/** The profile for a draft: columns by header text where the header names them unambiguously, else by index. */
function profileOf(draft: Draft, sheet: SheetPreviewItem): ColumnProfileWire {
  const header = draft.headerRow > 0 ? sheet.preview.rows.find((r) => r.row === draft.headerRow)?.cells : undefined;
  const texts = (header ?? []).map((c) => c.trim());
  const columns: Record<string, string | number> = {};
  draft.columns.forEach((field, i) => {
    if (!field) return;
    const text = texts[i];
    const unique = text && texts.filter((t) => t.toLowerCase() === text.toLowerCase()).length === 1;
    columns[field] = unique ? text : i;
  });
  return {
    name: draft.name.trim(),
    headerRow: draft.headerRow,
    columns,
    kind: draft.kind,
    ...(draft.timeFormat.trim() ? { timeFormat: draft.timeFormat.trim() } : {}),
  };
}

export function ColumnMapping({
  path,
  sheets,
  reason,
  onImport,
  onClose,
}: {
  path: string;
  sheets: SheetPreviewItem[];
  /** Why the step opened after an import had started (import.sheetColumns), if it did. */
  reason: UiError | null;
  /** Starts the import with the named profile; rejects with the error to show. */
  onImport: (profile: string) => Promise<void>;
  onClose: () => void;
}) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const uid = useId();
  const unknown = useMemo(() => sheets.filter((s) => s.kind === 'unknown' && !s.error), [sheets]);
  const recognised = sheets.filter((s) => s.kind !== 'unknown');
  const unreadable = sheets.filter((s) => s.error);
  const [active, setActive] = useState(0);
  const sheet = unknown[Math.min(active, unknown.length - 1)];
  const [draft, setDraft] = useState<Draft | null>(() => (sheet ? draftFor(sheet) : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [fit, setFit] = useState<SheetPreviewItem[] | null>(null);
  const [profiles, setProfiles] = useState<ColumnProfileWire[]>([]);
  const [chosen, setChosen] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: false });
  }, []);

  useEffect(() => {
    let live = true;
    bridge.call('profiles.list', {}).then(
      (list) => live && setProfiles(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  if (!sheet || !draft) return null;

  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setError(null);
    setFit(null);
  };
  const mapped = new Set(draft.columns.filter(Boolean));
  const missing = missingFields(draft.kind, mapped);
  const twice = CAPTURE_FIELDS.filter((f) => draft.columns.filter((c) => c === f).length > 1);
  const nameProblem = !draft.name.trim() ? 'mapping.need.name' : draft.name.trim().length > 80 ? 'mapping.nameTooLong' : null;
  const valid = missing.length === 0 && twice.length === 0 && !nameProblem;
  const sep = lang === 'zh' ? '、' : ', ';

  const fitProblems = (items: SheetPreviewItem[]) => items.filter((s) => s.profileError || (s.kind === 'unknown' && !s.error));

  async function saveAndImport() {
    setShowProblems(true);
    if (!valid || busy || !draft || !sheet) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await bridge.call('profiles.save', { profile: profileOf(draft, sheet) });
      // Check the saved profile against every sheet before the case is touched.
      const check = await bridge.call('import.preview', { path, profile: saved.name });
      if (fitProblems(check).length > 0) {
        setFit(check);
        setChosen(saved.name);
        setProfiles((list) => [...list.filter((p) => p.name !== saved.name), saved]);
        return;
      }
      await onImport(saved.name);
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function tryProfile(name: string) {
    setChosen(name);
    setFit(null);
    setError(null);
    if (!name) return;
    setBusy(true);
    try {
      const check = await bridge.call('import.preview', { path, profile: name });
      setFit(check);
      // Show the profile's reading of this sheet in the controls, so it can be adjusted and saved again.
      const mine = check.find((s) => s.file === sheet!.file && s.name === sheet!.name);
      const profile = profiles.find((p) => p.name === name);
      if (mine && !mine.profileError && !mine.error) {
        const next = draftFor(mine);
        setDraft({ ...next, timeFormat: profile?.timeFormat ?? '', name });
      }
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function importWith(name: string) {
    setBusy(true);
    setError(null);
    try {
      await onImport(name);
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  const fitOk = fit !== null && fitProblems(fit).length === 0;
  const headerOptions = [0, ...sheet.preview.rows.map((r) => r.row)];
  const suggested = sheet.preview.headerCandidates[0];

  return (
    <section className="mapping-step" data-testid="mapping-step" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
        {t('mapping.heading')}
      </h3>
      {reason && <ErrorText error={reason} />}
      <p className="hint">{t('mapping.intro')}</p>

      {(recognised.length > 0 || unreadable.length > 0) && (
        <ul className="mapping-others">
          {recognised.map((s) => (
            <li key={`${s.file}|${s.name}`}>
              <span className="ok-mark">✓</span> {t('mapping.recognised', { file: sheetLabel(s), kind: t(`mapping.kind.${s.kind as Kind}`) })}
            </li>
          ))}
          {unreadable.map((s) => (
            <li key={`${s.file}|${s.name}`} className="field-error">
              {t('mapping.unreadable', { file: sheetLabel(s), reason: s.error ?? '' })}
            </li>
          ))}
        </ul>
      )}

      {unknown.length > 1 && (
        <div className="mapping-tabs" role="group" aria-label={t('mapping.sheets')}>
          {unknown.map((s, i) => (
            <button
              key={`${s.file}|${s.name}`}
              type="button"
              className={`btn btn-small${i === active ? ' on' : ''}`}
              aria-pressed={i === active}
              onClick={() => {
                setActive(i);
                setDraft({ ...draftFor(s), kind: draft.kind, timeFormat: draft.timeFormat, name: draft.name });
              }}
            >
              {sheetLabel(s)}
            </button>
          ))}
          <span className="hint">{t('mapping.oneProfile')}</span>
        </div>
      )}

      {profiles.length > 0 && (
        <div className="mapping-saved">
          <label htmlFor={`${uid}-saved`}>{t('mapping.savedProfile')}</label>
          <div className="field-row">
            <select
              id={`${uid}-saved`}
              data-testid="mapping-profile-select"
              value={chosen}
              onChange={(e) => void tryProfile(e.target.value)}
              disabled={busy}
            >
              <option value="">{t('mapping.savedProfile.none')}</option>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} · {t(`mapping.kind.${p.kind}`)}
                </option>
              ))}
            </select>
            {chosen && fitOk && (
              <button
                type="button"
                className="btn btn-primary"
                data-testid="mapping-use-profile"
                onClick={() => void importWith(chosen)}
                disabled={busy}
              >
                {t('mapping.useProfile', { name: chosen })}
              </button>
            )}
          </div>
          {fit && (
            <ul className="mapping-fit" data-testid="mapping-profile-fit" aria-live="polite">
              {fit
                .filter((s) => s.profileError || s.kind === 'unknown' || unknown.some((u) => u.file === s.file && u.name === s.name))
                .map((s) => (
                  <li key={`${s.file}|${s.name}`} className={s.profileError || s.error ? 'field-error' : ''}>
                    {s.profileError || s.error
                      ? t('mapping.fit.no', { file: sheetLabel(s), reason: s.profileError ?? s.error ?? '' })
                      : t('mapping.fit.yes', { file: sheetLabel(s), rows: formatCount(s.preview.totalRows) })}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}

      <div className="mapping-sheet" data-testid="mapping-sheet" data-file={sheet.file}>
        <h4>
          {t('mapping.sheet', { file: sheetLabel(sheet) })}{' '}
          <span className="muted small">{t('mapping.totalRows', { n: formatCount(sheet.preview.totalRows) })}</span>
        </h4>
        <div className="mapping-controls">
          <div className="field">
            <label htmlFor={`${uid}-header`}>{t('mapping.headerRow')}</label>
            <select
              id={`${uid}-header`}
              data-testid="mapping-header-row"
              value={draft.headerRow}
              onChange={(e) => set({ headerRow: Number(e.target.value) })}
            >
              {headerOptions.map((row) => (
                <option key={row} value={row}>
                  {row === 0
                    ? t('mapping.noHeader')
                    : row === suggested
                      ? t('mapping.rowSuggested', { row })
                      : t('mapping.row', { row })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-kind`}>{t('mapping.kind')}</label>
            <select
              id={`${uid}-kind`}
              data-testid="mapping-kind"
              value={draft.kind}
              onChange={(e) => set({ kind: e.target.value as Kind })}
            >
              <option value="captures">{t('mapping.kind.captures')}</option>
              <option value="auth">{t('mapping.kind.auth')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-tf`}>{t('mapping.timeFormat')}</label>
            <input
              id={`${uid}-tf`}
              type="text"
              className="mono"
              data-testid="mapping-time-format"
              value={draft.timeFormat}
              placeholder="yyyy/M/d H:mm:ss"
              onChange={(e) => set({ timeFormat: e.target.value })}
              aria-describedby={`${uid}-tf-hint`}
              spellCheck={false}
              autoComplete="off"
            />
            <span className="hint" id={`${uid}-tf-hint`}>
              {t('mapping.timeFormat.hint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-name`}>
              {t('mapping.profileName')} <span className="req">*</span>
            </label>
            <input
              id={`${uid}-name`}
              type="text"
              data-testid="mapping-profile-name"
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={showProblems && nameProblem ? true : undefined}
              aria-describedby={`${uid}-name-hint`}
              autoComplete="off"
            />
            <span className="hint" id={`${uid}-name-hint`}>
              {showProblems && nameProblem ? <span className="field-error">{t(nameProblem)}</span> : t('mapping.profileName.hint')}
            </span>
          </div>
        </div>

        <div className="table-wrap mapping-table-wrap">
          <table className="data-table mapping-table" data-testid="mapping-preview-table">
            <caption>{t('mapping.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('mapping.col.row')}
                </th>
                {draft.columns.map((field, i) => (
                  <th scope="col" key={i} className={field ? 'mapped' : ''}>
                    <label className="sr-only" htmlFor={`${uid}-col-${i}`}>
                      {t('mapping.columnLabel', { n: i + 1 })}
                    </label>
                    <select
                      id={`${uid}-col-${i}`}
                      data-testid={`mapping-column-${i}`}
                      value={field}
                      aria-invalid={twice.includes(field as Field) ? true : undefined}
                      onChange={(e) => {
                        const columns = [...draft.columns];
                        columns[i] = e.target.value as Field | '';
                        set({ columns });
                      }}
                    >
                      <option value="">{t('mapping.field.none')}</option>
                      {CAPTURE_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(fieldKey(f))}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.preview.rows.map((r) => {
                const role = draft.headerRow === 0 || r.row > draft.headerRow ? 'data' : r.row === draft.headerRow ? 'header' : 'above';
                return (
                  <tr key={r.row} className={`row-${role}`} data-row={r.row}>
                    <th scope="row" className="num">
                      {r.row}
                    </th>
                    {draft.columns.map((_, i) => (
                      <td key={i} title={r.cells[i] ?? ''}>
                        {r.cells[i] ?? ''}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        <div className="mapping-status" data-testid="mapping-validation" aria-live="polite">
          {missing.length > 0 && (
            <p className="field-error">{t('mapping.missing', { fields: missing.map((k) => t(k)).join(sep) })}</p>
          )}
          {twice.length > 0 && (
            <p className="field-error">{t('mapping.twice', { fields: twice.map((f) => t(fieldKey(f))).join(sep) })}</p>
          )}
          {valid && <p className="ok-mark">{t('mapping.ready')}</p>}
        </div>

        {error && <ErrorText error={error} testId="mapping-error" />}

        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="mapping-save-import"
            onClick={() => void saveAndImport()}
            disabled={busy || (showProblems && !valid)}
          >
            {busy ? t('import.starting') : t('mapping.saveImport')}
          </button>
          <button type="button" className="btn" data-testid="mapping-cancel" onClick={onClose} disabled={busy}>
            {t('form.cancel')}
          </button>
        </div>
      </div>
    </section>
  );
}

function sheetLabel(s: SheetPreviewItem): string {
  return s.name && s.name !== s.file ? `${s.file} › ${s.name}` : s.file;
}

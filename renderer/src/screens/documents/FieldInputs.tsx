/**
 * The inputs of the fields form, each bound to one value of the document fields by its path. Every input has a
 * visible label; dates are native date inputs (ISO, which is what the fields hold); an empty optional date is null.
 */
import { useId } from 'react';
import type { DocumentFields } from '../../../../shared/documents/fields';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { getIn, setIn, type FieldPath } from './fieldPath';

export interface FieldBinding {
  fields: DocumentFields;
  readOnly: boolean;
  setFields(update: (fields: DocumentFields) => DocumentFields, place: string): void;
}

function useBound<T>(b: FieldBinding, path: FieldPath) {
  const place = path.join('.');
  return {
    value: getIn(b.fields, path) as T,
    set: (next: T) => b.setFields((f) => setIn(f, path, next), place),
    testId: `field-${place}`,
  };
}

export function TextField({ b, path, label, wide, multiline }: { b: FieldBinding; path: FieldPath; label: DictKey; wide?: boolean; multiline?: boolean }) {
  const { t } = useT();
  const id = useId();
  const { value, set, testId } = useBound<string>(b, path);
  return (
    <div className={`doc-field${wide ? ' doc-field-wide' : ''}`}>
      <label htmlFor={id}>{t(label)}</label>
      {multiline ? (
        <textarea id={id} rows={2} value={value ?? ''} readOnly={b.readOnly} data-testid={testId} onChange={(e) => set(e.target.value)} />
      ) : (
        <input id={id} type="text" value={value ?? ''} readOnly={b.readOnly} data-testid={testId} onChange={(e) => set(e.target.value)} />
      )}
    </div>
  );
}

export function DateField({ b, path, label }: { b: FieldBinding; path: FieldPath; label: DictKey }) {
  const { t } = useT();
  const id = useId();
  const { value, set, testId } = useBound<string | null>(b, path);
  return (
    <div className="doc-field">
      <label htmlFor={id}>{t(label)}</label>
      <input id={id} type="date" value={value ?? ''} readOnly={b.readOnly} data-testid={testId} onChange={(e) => set(e.target.value || null)} />
    </div>
  );
}

/** A whole number of yuan or days; `nullable` inputs hold null when emptied. */
export function NumberField({ b, path, label, min = 0, nullable }: { b: FieldBinding; path: FieldPath; label: DictKey; min?: number; nullable?: boolean }) {
  const { t } = useT();
  const id = useId();
  const { value, set, testId } = useBound<number | null>(b, path);
  return (
    <div className="doc-field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        value={value ?? ''}
        readOnly={b.readOnly}
        data-testid={testId}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (e.target.value === '') set(nullable ? null : min);
          else if (Number.isFinite(n) && n >= min) set(n);
        }}
      />
    </div>
  );
}

export function CheckField({ b, path, label }: { b: FieldBinding; path: FieldPath; label: DictKey }) {
  const { t } = useT();
  const { value, set, testId } = useBound<boolean>(b, path);
  return (
    <label className="doc-check">
      <input type="checkbox" checked={value === true} disabled={b.readOnly} data-testid={testId} onChange={(e) => set(e.target.checked)} />
      {t(label)}
    </label>
  );
}

export function SelectField<V extends string>({ b, path, label, options }: { b: FieldBinding; path: FieldPath; label: DictKey; options: ReadonlyArray<{ value: V; label: DictKey }> }) {
  const { t } = useT();
  const id = useId();
  const { value, set, testId } = useBound<V>(b, path);
  return (
    <div className="doc-field">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} value={value} disabled={b.readOnly} data-testid={testId} onChange={(e) => set(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
    </div>
  );
}

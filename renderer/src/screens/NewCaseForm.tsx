import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { validateCreditCode } from '../../../shared/creditCode';
import { validateCaseNumber } from '../../../shared/caseNumber';
import { formatMessage } from '../../../shared/messages';
import type { CaseInfoInput } from '../../../shared/api';
import { useBridge } from '../bridge/context';
import { toUiError, type UiError } from '../bridge/errors';
import { useT } from '../i18n/context';
import type { DictKey } from '../i18n/dict';
import { ErrorText } from '../components/ErrorText';
import { useFocusOnMount } from '../components/useFocusOnMount';

type FieldName =
  | 'number'
  | 'name'
  | 'partyName'
  | 'creditCode'
  | 'domicile'
  | 'legalRepresentative'
  | 'handlingUnit'
  | 'officers'
  | 'dir';

type Values = Record<FieldName, string>;

const EMPTY: Values = {
  number: '',
  name: '',
  partyName: '',
  creditCode: '',
  domicile: '',
  legalRepresentative: '',
  handlingUnit: '',
  officers: '',
  dir: '',
};

export function splitOfficers(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function NewCaseForm({ onCreated, onCancel }: { onCreated: (caseId: string) => void; onCancel: () => void }) {
  const bridge = useBridge();
  const { t, lang } = useT();
  const [values, setValues] = useState<Values>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<UiError | null>(null);
  const firstInput = useFocusOnMount<HTMLInputElement>();
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});
  const uid = useId();

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: name === 'creditCode' ? value.toUpperCase() : value }));
    setFormError(null);
  };

  // Live validation.
  const creditCode = values.creditCode.trim();
  const cc = creditCode ? validateCreditCode(creditCode) : null;
  const creditCodeMessage =
    cc && !cc.ok
      ? formatMessage(
          'creditCode.invalid',
          { problem: cc.problem ?? 'length', value: creditCode, expected: cc.expectedCheck ?? '' },
          lang,
        )
      : null;

  const number = values.number.trim();
  const cn = number ? validateCaseNumber(number) : null;
  const numberMessage =
    cn && !cn.ok
      ? formatMessage(
          'case.numberInvalid',
          {
            value: number,
            problems: cn.problems.join(','),
            suggestion: cn.suggestion ?? '',
          },
          lang,
        )
      : null;

  const labelOf = (name: FieldName) => t(LABELS[name]);
  const required = (name: 'number' | 'partyName') =>
    (submitted || touched[name]) && !values[name].trim()
      ? formatMessage('case.fieldRequired', { field: labelOf(name) }, lang)
      : null;
  const numberRequired = required('number');
  const partyRequired = required('partyName');

  /** The first problem that stops submission, as the message the service would give, and its field. */
  function firstProblem(): { field: FieldName; error: UiError } | null {
    const mk = (field: FieldName, code: string, params: Record<string, string | number>, text: string) => ({
      field,
      error: { code, params, message: text },
    });
    if (!number)
      return mk('number', 'case.fieldRequired', { field: labelOf('number') }, formatMessage('case.fieldRequired', { field: labelOf('number') }, 'en'));
    if (cn && !cn.ok)
      return mk(
        'number',
        'case.numberInvalid',
        {
          value: number,
          problems: cn.problems.join(','),
          suggestion: cn.suggestion ?? '',
        },
        numberMessage ?? '',
      );
    if (!values.partyName.trim())
      return mk('partyName', 'case.fieldRequired', { field: labelOf('partyName') }, formatMessage('case.fieldRequired', { field: labelOf('partyName') }, 'en'));
    if (cc && !cc.ok)
      return mk(
        'creditCode',
        'creditCode.invalid',
        { problem: cc.problem ?? 'length', value: creditCode, expected: cc.expectedCheck ?? '' },
        creditCodeMessage ?? '',
      );
    return null;
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (submitting) return;
    setSubmitted(true);
    const problem = firstProblem();
    if (problem) {
      setFormError(problem.error);
      refs.current[problem.field]?.focus();
      return;
    }
    const info: CaseInfoInput = {
      number,
      name: values.name.trim(),
      partyName: values.partyName.trim(),
      creditCode,
      domicile: values.domicile.trim(),
      legalRepresentative: values.legalRepresentative.trim(),
      handlingUnit: values.handlingUnit.trim(),
      officers: splitOfficers(values.officers),
    };
    const dir = values.dir.trim();
    setSubmitting(true);
    setFormError(null);
    try {
      const created = await bridge.call('cases.create', dir ? { dir, info } : { info });
      onCreated(created.id);
    } catch (err) {
      setFormError(toUiError(err));
      setSubmitting(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === 'Escape' && !submitting) {
      e.preventDefault();
      onCancel();
    }
  }

  async function pickDir() {
    if (!bridge.pickPaths) return;
    try {
      const [picked] = await bridge.pickPaths('folder');
      if (picked) set('dir', picked);
    } catch (err) {
      setFormError(toUiError(err));
    }
  }

  const field = (
    name: FieldName,
    testId: string,
    opts: {
      required?: boolean;
      hint?: DictKey;
      placeholder?: string;
      message?: ReactNode;
      messageTestId?: string;
      invalid?: boolean;
      wide?: boolean;
      after?: ReactNode;
      ok?: boolean;
      autoComplete?: string;
    } = {},
  ) => {
    const id = `${uid}-${name}`;
    const hintId = `${id}-hint`;
    const msgId = `${id}-msg`;
    const describedBy = [opts.hint ? hintId : '', opts.message ? msgId : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field${opts.wide ? ' field-wide' : ''}${opts.invalid ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>
          {labelOf(name)}
          {opts.required && (
            <span className="req" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        <div className="field-row">
          <input
            id={id}
            ref={(el) => {
              refs.current[name] = el;
              if (name === 'number') firstInput.current = el;
            }}
            data-testid={testId}
            type="text"
            value={values[name]}
            onChange={(e) => set(name, e.target.value)}
            onBlur={() => setTouched((tt) => ({ ...tt, [name]: true }))}
            aria-required={opts.required || undefined}
            aria-invalid={opts.invalid || undefined}
            aria-describedby={describedBy}
            placeholder={opts.placeholder}
            autoComplete={opts.autoComplete ?? 'off'}
            spellCheck={false}
          />
          {opts.after}
        </div>
        {opts.hint && (
          <div id={hintId} className="hint">
            {t(opts.hint)}
            {opts.ok && <span className="ok-mark"> ✓ {t('form.ok')}</span>}
          </div>
        )}
        <div aria-live="polite" id={opts.message ? msgId : undefined}>
          {opts.message && (
            <div className="field-error" data-testid={opts.messageTestId}>
              {opts.message}
            </div>
          )}
        </div>
      </div>
    );
  };

  return (
    <section className="screen screen-narrow">
      <div className="screen-head">
        <h1>{t('form.heading')}</h1>
      </div>
      <p className="muted">{t('form.intro')}</p>
      <form className="case-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <fieldset>
          <legend>{t('form.section.case')}</legend>
          {field('number', 'case-number', {
            required: true,
            hint: 'form.number.hint',
            invalid: Boolean(numberMessage || numberRequired),
            ok: Boolean(cn?.ok),
            message:
              numberMessage || numberRequired ? (
                <>
                  <span>{numberMessage ?? numberRequired}</span>
                  {cn?.suggestion && (
                    <button type="button" className="btn btn-small btn-link" onClick={() => set('number', cn.suggestion!)}>
                      {t('form.useSuggestion', { s: cn.suggestion })}
                    </button>
                  )}
                </>
              ) : null,
            messageTestId: numberMessage ? 'case-number-error' : undefined,
          })}
          {field('name', 'case-name', { hint: 'form.name.hint', wide: true })}
        </fieldset>

        <fieldset>
          <legend>{t('form.section.party')}</legend>
          {field('partyName', 'case-party', {
            required: true,
            wide: true,
            invalid: Boolean(partyRequired),
            message: partyRequired,
          })}
          {field('creditCode', 'case-credit-code', {
            hint: 'form.creditCode.hint',
            invalid: Boolean(creditCodeMessage),
            ok: Boolean(cc?.ok),
            message: creditCodeMessage,
            messageTestId: 'case-credit-code-error',
          })}
          {field('legalRepresentative', 'case-legal-rep')}
          {field('domicile', 'case-domicile', { wide: true })}
        </fieldset>

        <fieldset>
          <legend>{t('form.section.handling')}</legend>
          {field('handlingUnit', 'case-handling-unit', { wide: true })}
          {field('officers', 'case-officers', { hint: 'form.officers.hint', wide: true })}
          {field('dir', 'case-dir', {
            hint: 'form.dir.hint',
            wide: true,
            placeholder: t('form.dir.placeholder'),
            after: bridge.pickPaths ? (
              <button type="button" className="btn" onClick={pickDir}>
                {t('form.pick')}
              </button>
            ) : null,
          })}
        </fieldset>

        <div aria-live="assertive">
          {formError && <ErrorText error={formError} testId="form-error" />}
        </div>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="case-submit" disabled={submitting}>
            {submitting ? t('form.submitting') : t('form.submit')}
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={submitting}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

const LABELS: Record<FieldName, DictKey> = {
  number: 'form.number',
  name: 'form.name',
  partyName: 'form.party',
  creditCode: 'form.creditCode',
  domicile: 'form.domicile',
  legalRepresentative: 'form.legalRep',
  handlingUnit: 'form.handlingUnit',
  officers: 'form.officers',
  dir: 'form.dir',
};

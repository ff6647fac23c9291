/**
 * The document's fields (shared/documents/fields.ts), grouped as a drafter thinks of them: who issues and the
 * numbers, the party and premises, the dates of the procedure, the legal basis and the fine, the discretion factors,
 * remedies and payment. Fields feed the sections when they are (re)generated; the form says so. The fields are the
 * case's, shared by all its documents (saving them here changes them for every unsigned one); the form says so too.
 */
import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/context';
import type { DictKey } from '../../i18n/dict';
import { BasisPicker } from './BasisPicker';
import { CheckField, DateField, NumberField, SelectField, TextField, type FieldBinding } from './FieldInputs';

/** The field groups a check finding without a section can point to (ChecksPanel focusFieldGroup). */
export type FieldGroup = 'issuer' | 'party' | 'premises' | 'dates' | 'basis' | 'fine' | 'discretion' | 'remedies';

export const fieldGroupId = (group: FieldGroup) => `doc-group-${group}`;

function Group({ name, title, children, open }: { name: FieldGroup; title: DictKey; children: ReactNode; open?: boolean }) {
  const { t } = useT();
  return (
    <details className="doc-fieldset" open={open} id={fieldGroupId(name)} data-testid={fieldGroupId(name)}>
      <summary>{t(title)}</summary>
      <div className="doc-fieldset-body">{children}</div>
    </details>
  );
}

export function FieldsForm({ b, partyName }: { b: FieldBinding; partyName: string }) {
  const { t } = useT();
  const partyId = useId();
  const gainsUnknown = b.fields.illegalGainsYuan === null;
  return (
    <section className="doc-fields" aria-label={t('docs.fields.heading')} data-testid="doc-fields">
      <h3>{t('docs.fields.heading')}</h3>
      <p className="muted small" data-testid="doc-fields-shared">{t('docs.fields.sharedNote')}</p>
      <p className="muted small">{t('docs.fields.regenerateHint')}</p>
      <Group name="issuer" title="docs.fields.issuer">
        <TextField b={b} path={['issuer', 'name']} label="docs.fields.issuerName" wide />
        <TextField b={b} path={['issuer', 'code']} label="docs.fields.issuerCode" />
        <TextField b={b} path={['numbers', 'decision']} label="docs.fields.numberDecision" />
        <TextField b={b} path={['numbers', 'notice']} label="docs.fields.numberNotice" />
      </Group>
      <Group name="party" title="docs.fields.party">
        <div className="doc-field doc-field-wide">
          <label htmlFor={partyId}>{t('docs.fields.partyName')}</label>
          <input id={partyId} type="text" value={partyName} readOnly data-testid="field-partyName" />
        </div>
        <TextField b={b} path={['party', 'contact']} label="docs.fields.partyContact" />
        <TextField b={b} path={['party', 'representativeId']} label="docs.fields.partyRepId" />
      </Group>
      <Group name="premises" title="docs.fields.premises">
        <TextField b={b} path={['premises', 'name']} label="docs.fields.premisesName" />
        <TextField b={b} path={['premises', 'address']} label="docs.fields.premisesAddress" wide />
        <NumberField b={b} path={['premises', 'camerasWorkingAtInspection']} label="docs.fields.camerasWorking" nullable />
        <TextField b={b} path={['platform', 'name']} label="docs.fields.platformName" />
        <TextField b={b} path={['platform', 'operator']} label="docs.fields.platformOperator" />
      </Group>
      <Group name="dates" title="docs.fields.dates">
        <DateField b={b} path={['caseSource', 'date']} label="docs.fields.caseSourceDate" />
        <DateField b={b} path={['filingDate']} label="docs.fields.filingDate" />
        <DateField b={b} path={['inspectionDate']} label="docs.fields.inspectionDate" />
        <DateField b={b} path={['evidenceDate']} label="docs.fields.evidenceDate" />
        <DateField b={b} path={['noticeDate']} label="docs.fields.noticeDate" />
        <DateField b={b} path={['reportDate']} label="docs.fields.reportDate" />
        <DateField b={b} path={['decisionDate']} label="docs.fields.decisionDate" />
      </Group>
      <Group name="basis" title="docs.fields.basis" open>
        <BasisPicker b={b} list="violated" use="violated" label="docs.fields.violated" />
        <BasisPicker b={b} list="penalty" use="penaltyBasis" label="docs.fields.penaltyBasis" />
      </Group>
      <Group name="fine" title="docs.fields.fine" open>
        <NumberField b={b} path={['fineYuan']} label="docs.fields.fineYuan" />
        <label className="doc-check">
          <input
            type="checkbox"
            checked={gainsUnknown}
            disabled={b.readOnly}
            data-testid="field-gainsUnknown"
            onChange={(e) => b.setFields((f) => ({ ...f, illegalGainsYuan: e.target.checked ? null : 0 }), 'illegalGainsYuan')}
          />
          {t('docs.fields.gainsUnknown')}
        </label>
        {!gainsUnknown && <NumberField b={b} path={['illegalGainsYuan']} label="docs.fields.gainsYuan" />}
        <CheckField b={b} path={['refusedToCorrect']} label="docs.fields.refused" />
        <CheckField b={b} path={['orderToCorrect']} label="docs.fields.orderToCorrect" />
        <CheckField b={b} path={['warning']} label="docs.fields.warning" />
        <NumberField b={b} path={['hearingThresholdYuan']} label="docs.fields.hearingThreshold" />
      </Group>
      <Group name="discretion" title="docs.fields.discretion">
        <SelectField
          b={b}
          path={['notice', 'sign']}
          label="docs.fields.noticeSign"
          options={[
            { value: 'none', label: 'docs.fields.noticeSign.none' },
            { value: 'inadequate', label: 'docs.fields.noticeSign.inadequate' },
          ]}
        />
        <TextField b={b} path={['notice', 'description']} label="docs.fields.noticeDescription" wide multiline />
        <CheckField b={b} path={['stopped', 'systemStopped']} label="docs.fields.systemStopped" />
        <CheckField b={b} path={['stopped', 'dataDeleted']} label="docs.fields.dataDeleted" />
        <DateField b={b} path={['stopped', 'date']} label="docs.fields.stoppedDate" />
        <CheckField b={b} path={['cooperated']} label="docs.fields.cooperated" />
        <CheckField b={b} path={['firstOffence']} label="docs.fields.firstOffence" />
        <TextField b={b} path={['discretion', 'freeText']} label="docs.fields.freeText" wide multiline />
      </Group>
      <Group name="remedies" title="docs.fields.remedies">
        <TextField b={b} path={['remedies', 'reviewBody']} label="docs.fields.reviewBody" />
        <TextField b={b} path={['remedies', 'court']} label="docs.fields.court" />
        <TextField b={b} path={['payment', 'bank']} label="docs.fields.paymentBank" />
        <TextField b={b} path={['payment', 'accountName']} label="docs.fields.paymentAccountName" />
        <TextField b={b} path={['payment', 'account']} label="docs.fields.paymentAccount" />
        <NumberField b={b} path={['payment', 'days']} label="docs.fields.paymentDays" min={1} />
      </Group>
    </section>
  );
}

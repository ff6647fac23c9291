/**
 * A field's name for the drafter (立案日期) from its dotted path in the fields (filingDate), as the change banner of
 * a signed document lists them; the labels are the fields form's. Paths without a label show as they are.
 */
import type { DictKey } from '../../i18n/dict';

const LABELS: Record<string, DictKey> = {
  'issuer.name': 'docs.fields.issuerName',
  'issuer.code': 'docs.fields.issuerCode',
  'numbers.decision': 'docs.fields.numberDecision',
  'numbers.notice': 'docs.fields.numberNotice',
  'party.contact': 'docs.fields.partyContact',
  'party.representativeId': 'docs.fields.partyRepId',
  officers: 'docs.fields.officers',
  'caseSource.kind': 'docs.fields.caseSourceKind',
  'caseSource.date': 'docs.fields.caseSourceDate',
  'caseSource.detail': 'docs.fields.caseSourceDetail',
  filingDate: 'docs.fields.filingDate',
  inspectionDate: 'docs.fields.inspectionDate',
  evidenceDate: 'docs.fields.evidenceDate',
  'premises.name': 'docs.fields.premisesName',
  'premises.address': 'docs.fields.premisesAddress',
  'premises.camerasWorkingAtInspection': 'docs.fields.camerasWorking',
  'platform.name': 'docs.fields.platformName',
  'platform.operator': 'docs.fields.platformOperator',
  'notice.sign': 'docs.fields.noticeSign',
  'notice.description': 'docs.fields.noticeDescription',
  'stopped.systemStopped': 'docs.fields.systemStopped',
  'stopped.dataDeleted': 'docs.fields.dataDeleted',
  'stopped.date': 'docs.fields.stoppedDate',
  cooperated: 'docs.fields.cooperated',
  firstOffence: 'docs.fields.firstOffence',
  illegalGainsYuan: 'docs.fields.illegalGains',
  refusedToCorrect: 'docs.fields.refused',
  'basis.violated': 'docs.fields.violated',
  'basis.penalty': 'docs.fields.penaltyBasis',
  fineYuan: 'docs.fields.fineYuan',
  orderToCorrect: 'docs.fields.orderToCorrect',
  warning: 'docs.fields.warning',
  hearingThresholdYuan: 'docs.fields.hearingThreshold',
  noticeDate: 'docs.fields.noticeDate',
  reportDate: 'docs.fields.reportDate',
  decisionDate: 'docs.fields.decisionDate',
  'payment.bank': 'docs.fields.paymentBank',
  'payment.accountName': 'docs.fields.paymentAccountName',
  'payment.account': 'docs.fields.paymentAccount',
  'payment.days': 'docs.fields.paymentDays',
  'remedies.reviewBody': 'docs.fields.reviewBody',
  'remedies.court': 'docs.fields.court',
  'discretion.freeText': 'docs.fields.freeText',
};

export function fieldLabel(key: string, t: (key: DictKey) => string): string {
  const label = LABELS[key];
  return label ? t(label) : key;
}

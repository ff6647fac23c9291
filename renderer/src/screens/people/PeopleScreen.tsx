/** 人员: the People screen (issue 5). */
import { useT } from '../../i18n/context';
import type { JobStore } from '../../jobs';

export function PeopleScreen({ caseId, onBack }: { caseId: string; jobs: JobStore; onBack: () => void }) {
  const { t } = useT();
  return (
    <section className="screen" data-testid="people-screen" data-case-id={caseId}>
      <button type="button" className="btn btn-back" onClick={onBack}>
        ← {t('people.back')}
      </button>
    </section>
  );
}

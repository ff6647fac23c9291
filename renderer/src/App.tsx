import { useCallback, useEffect, useState } from 'react';
import { useBridge, useConnectionState } from './bridge/context';
import { useT } from './i18n/context';
import type { JobStore } from './jobs';
import { CasesList } from './screens/CasesList';
import { NewCaseForm } from './screens/NewCaseForm';
import { CaseOverview } from './screens/CaseOverview';
import { DayView } from './screens/DayView';
import { PeopleScreen } from './screens/people/PeopleScreen';
import { DocumentsScreen } from './screens/documents/DocumentsScreen';
import type { Drill } from './screens/findings/FindingsContext';
import { PersonVisitsView } from './screens/findings/PersonVisitsView';

export type View =
  | { screen: 'cases' }
  | { screen: 'new' }
  | { screen: 'case'; caseId: string }
  | { screen: 'day'; caseId: string; date: string }
  | { screen: 'people'; caseId: string }
  | { screen: 'documents'; caseId: string }
  /** The captures behind a findings bar or cell; a person's visits (the People screen can link there by person id). */
  | { screen: 'captures'; caseId: string; drill: Drill; back: View }
  | { screen: 'person-visits'; caseId: string; personId: number };

export function App({ jobs }: { jobs: JobStore }) {
  const [view, setView] = useState<View>({ screen: 'cases' });
  const go = useCallback((v: View) => setView(v), []);

  let body;
  switch (view.screen) {
    case 'cases':
      body = <CasesList onOpen={(caseId) => go({ screen: 'case', caseId })} onNew={() => go({ screen: 'new' })} />;
      break;
    case 'new':
      body = (
        <NewCaseForm
          onCreated={(caseId) => go({ screen: 'case', caseId })}
          onCancel={() => go({ screen: 'cases' })}
        />
      );
      break;
    case 'case':
      body = (
        <CaseOverview
          key={view.caseId}
          caseId={view.caseId}
          jobs={jobs}
          onBack={() => go({ screen: 'cases' })}
          onOpenDay={(date) => go({ screen: 'day', caseId: view.caseId, date })}
          onOpenPeople={() => go({ screen: 'people', caseId: view.caseId })}
          onOpenDocuments={() => go({ screen: 'documents', caseId: view.caseId })}
          onDrill={(drill) => go({ screen: 'captures', caseId: view.caseId, drill, back: view })}
          onOpenPerson={(personId) => go({ screen: 'person-visits', caseId: view.caseId, personId })}
        />
      );
      break;
    case 'day':
      body = (
        <DayView
          key={`${view.caseId}\n${view.date}`}
          caseId={view.caseId}
          date={view.date}
          onBack={() => go({ screen: 'case', caseId: view.caseId })}
        />
      );
      break;
    case 'people':
      body = <PeopleScreen key={view.caseId} caseId={view.caseId} jobs={jobs} onBack={() => go({ screen: 'case', caseId: view.caseId })} />;
      break;
    case 'documents':
      body = <DocumentsScreen key={view.caseId} caseId={view.caseId} jobs={jobs} onBack={() => go({ screen: 'case', caseId: view.caseId })} />;
      break;
    case 'captures':
      body = (
        <DayView
          key={`${view.caseId}\n${JSON.stringify(view.drill.filter)}`}
          caseId={view.caseId}
          filter={view.drill.filter}
          label={view.drill.label}
          onBack={() => go(view.back)}
        />
      );
      break;
    case 'person-visits':
      body = (
        <PersonVisitsView
          key={`${view.caseId}\n${view.personId}`}
          caseId={view.caseId}
          personId={view.personId}
          onBack={() => go({ screen: 'case', caseId: view.caseId })}
          onDrill={(drill) => go({ screen: 'captures', caseId: view.caseId, drill, back: view })}
        />
      );
      break;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        <SkipText />
      </a>
      <Header onHome={() => go({ screen: 'cases' })} />
      <ConnectionBanner />
      <main id="main" className={`main main-${view.screen}`} tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}

function SkipText() {
  const { t } = useT();
  return <>{t('app.skip')}</>;
}

function Header({ onHome }: { onHome: () => void }) {
  const { t, lang, toggleLang } = useT();
  return (
    <header className="app-header">
      <button type="button" className="brand" onClick={onHome} title={t('nav.cases')}>
        <span className="brand-mark" aria-hidden="true">
          FA
        </span>
        <span className="brand-name">人脸采集取证工作站</span>
        <span className="brand-en">FaceAudit</span>
      </button>
      <nav className="header-nav" aria-label={t('nav.cases')}>
        <button type="button" className="header-link" onClick={onHome}>
          {t('nav.cases')}
        </button>
      </nav>
      <div className="header-spacer" />
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        onClick={toggleLang}
        aria-label={t('lang.switch')}
        title={t('lang.switch')}
      >
        <span className={lang === 'zh' ? 'on' : ''} lang="zh-CN">
          中文
        </span>
        <span aria-hidden="true" className="sep">
          /
        </span>
        <span className={lang === 'en' ? 'on' : ''} lang="en">
          English
        </span>
      </button>
    </header>
  );
}

function ConnectionBanner() {
  const bridge = useBridge();
  const state = useConnectionState();
  const { t } = useT();
  // Only show the banner when the connection stays down for a moment (not for the first connect of a page).
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (state === 'open') return;
    const timer = setTimeout(() => setLate(true), 800);
    return () => clearTimeout(timer);
  }, [state]);
  if (bridge.transport !== 'browser') return null;
  if (bridge.hasToken === false) {
    return (
      <div className="banner banner-error" role="alert">
        {t('conn.noToken')}
      </div>
    );
  }
  if (state === 'open' || !late) return null;
  return (
    <div className="banner" role="status">
      {t(state === 'connecting' ? 'conn.connecting' : 'conn.reconnecting')}
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBridge } from './bridge';
import { BridgeProvider } from './bridge/context';
import { I18nProvider } from './i18n/context';
import { JobStore } from './jobs';
import { App } from './App';
import './styles.css';

const bridge = createBridge();
const jobs = new JobStore(bridge);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeProvider bridge={bridge}>
      <I18nProvider>
        <App jobs={jobs} />
      </I18nProvider>
    </BridgeProvider>
  </StrictMode>,
);

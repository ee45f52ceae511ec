import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { NoToken } from './app/NoToken';
import { setUpClient } from './client';
import { ClientProvider } from './client/context';
import { setUpI18n } from './i18n';

const i18n = setUpI18n();
const setup = setUpClient(window);
const root = createRoot(document.getElementById('root')!);

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        {setup.kind === 'ready' ? (
          <ClientProvider client={setup.client}>
            <App />
          </ClientProvider>
        ) : (
          <NoToken />
        )}
      </ErrorBoundary>
    </I18nextProvider>
  </StrictMode>,
);

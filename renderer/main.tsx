import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { LaunchRefused } from './app/LaunchRefused';
import { NoToken } from './app/NoToken';
import { setUpClient, type ClientSetup } from './client';
import { ClientProvider } from './client/context';
import { setUpI18n } from './i18n';

const i18n = setUpI18n();
const root = createRoot(document.getElementById('root')!);

function Start({ setup }: { setup: ClientSetup }) {
  switch (setup.kind) {
    case 'ready':
      return (
        <ClientProvider client={setup.client}>
          <App />
        </ClientProvider>
      );
    case 'launch-refused':
      return <LaunchRefused reason={setup.reason} />;
    case 'no-token':
      return <NoToken />;
  }
}

// In web mode the launch link is exchanged for the token first (one short local request).
void setUpClient(window).then((setup) =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          <Start setup={setup} />
        </ErrorBoundary>
      </I18nextProvider>
    </StrictMode>,
  ),
);

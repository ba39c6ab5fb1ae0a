import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider, readStoredLocale } from './i18n/i18n';
import { NotificationsProvider } from './pages/notifications/NotificationsContext';
import { SessionProvider } from './session/session';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

document.documentElement.lang = readStoredLocale();

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <NotificationsProvider>
          <App />
        </NotificationsProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);

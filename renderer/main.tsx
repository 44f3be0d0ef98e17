import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api/client.ts';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/index.ts';

// The launch token must leave the address before the router reads location.hash.
captureToken();
const i18n = initI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}

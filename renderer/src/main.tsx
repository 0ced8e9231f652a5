import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLocale } from './i18n';
// The Utrecht theme's typeface, bundled (the CSP allows fonts only from the app itself).
import '@fontsource-variable/noto-sans/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';

document.documentElement.lang = useLocale.getState().locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

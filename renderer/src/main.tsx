import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLocale } from './i18n';
import { isRoomHost } from './room-host';
import { RoomApp } from './screens/room/RoomApp';
// The Utrecht theme's typeface, bundled (the CSP allows fonts only from the app itself).
import '@fontsource-variable/noto-sans/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles.css';

document.documentElement.lang = useLocale.getState().locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* A participant's laptop on the meeting-room listener gets the participant's page only. */}
    {isRoomHost() ? <RoomApp /> : <App />}
  </StrictMode>,
);

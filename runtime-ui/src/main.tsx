import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import '../../ui-shared/styles/app.css';
import { setupI18n } from '../../ui-shared/i18n/setupI18n.ts';
import { App } from './App.tsx';

setupI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);

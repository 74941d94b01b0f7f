import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PagePopup } from '../../components/popup/PagePopup';
import '../../components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PagePopup />
  </StrictMode>,
);

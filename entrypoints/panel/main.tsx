import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HandoffPanel } from '../../components/panel/HandoffPanel';
import '../../components/panel/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HandoffPanel />
  </StrictMode>,
);

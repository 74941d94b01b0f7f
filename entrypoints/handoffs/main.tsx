import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HandoffsPage } from '../../components/handoffs/HandoffsPage';
import '../../components/handoffs/handoffs.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HandoffsPage />
  </StrictMode>,
);

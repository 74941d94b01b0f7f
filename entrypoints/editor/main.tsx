import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorPage } from '../../components/editor/EditorPage';
import '../../components/panel/panel.css';
import '../../components/editor/editor.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorPage />
  </StrictMode>,
);

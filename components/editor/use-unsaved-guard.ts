import { useEffect } from 'react';
import { hasUnsavedChanges, useEditorStore } from './editor-store';

/**
 * Leaving the page (reload, close, back) with unsaved changes asks first: the browser's own
 * "Leave site?" prompt, the only one a page may show then. Switching templates asks in the
 * page (TemplatePicker).
 */
export function useUnsavedGuard(): void {
  const unsaved = useEditorStore(hasUnsavedChanges);
  useEffect(() => {
    if (!unsaved) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [unsaved]);
}

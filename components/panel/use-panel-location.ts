import { useEffect, useState } from 'react';
import type { PanelLocation } from '../../lib/panel-location';
import { parsePanelHash } from '../../lib/panel-location-parse';

/** What the content script asks the panel to show, from the iframe URL's fragment. */
export function usePanelLocation(): PanelLocation | undefined {
  const [current, setCurrent] = useState(() => parsePanelHash(window.location.hash));
  useEffect(() => {
    const update = () => setCurrent(parsePanelHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return current;
}

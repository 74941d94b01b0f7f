// What Baton says when it refused a drop it could not judge (a card that does not say which
// record it is, a column whose stage it cannot read): there is no checklist to open, only the
// reason. A shadow root, so host CSS cannot restyle it; it takes no focus from the board.

import { drawOverlay } from './overlay';

const NOTICE_CSS = `
:host { all: initial !important; position: fixed !important; left: 50% !important; bottom: 24px !important; transform: translateX(-50%) !important;
  z-index: 2147483647 !important; display: block !important; }
p { margin: 0; max-width: min(520px, 90vw); padding: 10px 14px; border-radius: 8px; border: 2px solid #b91c1c; background: #fff; color: #7f1d1d;
  font: 500 13px/18px system-ui, sans-serif; box-shadow: 0 6px 20px rgba(0,0,0,.25); }
`;

const SHOWN_MS = 8000;

export function showBlindNotice(why: string): void {
  const text = document.createElement('p');
  text.setAttribute('role', 'alert');
  text.textContent = why;
  const host = drawOverlay('baton-notice', NOTICE_CSS, text);
  setTimeout(() => host.remove(), SHOWN_MS);
}

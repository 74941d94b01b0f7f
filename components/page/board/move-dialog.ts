import { i18n } from '#i18n';
import type { RecordRef } from '../../../lib/record';
import { drawOverlay } from './overlay';
import { handTickets, panelPageUrl, showInFrame } from '../frame-ticket';

// The dialog a refused drag opens right on the board: an extension page in a frame (like the
// side panel) asking only for what the move is missing. Its answer comes back through the
// worker (moveDialogClosed), never through the host page. Like the panel, it learns which
// record it asks about from the worker, bound by a ticket (frame-ticket.ts), never from its address.

const DIALOG_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; }
.backdrop { position: fixed; inset: 0; background: rgba(15, 23, 42, .45); }
iframe { box-sizing: border-box; position: fixed; top: 8vh; left: 50%; transform: translateX(-50%); width: min(480px, 94vw);
  height: min(640px, 84vh); border: 0; border-radius: 10px; background: Canvas; box-shadow: 0 12px 40px rgba(0,0,0,.35); color-scheme: light dark; }
`;

export interface MoveDialog {
  close(): void;
}

export function openMoveDialog(ref: RecordRef, recordTitle: string | undefined, stage: string): MoveDialog {
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  const frame = document.createElement('iframe');
  frame.title = i18n.t('board.dialogFrame', [stage]);
  frame.allow = 'clipboard-write';
  const closed = new AbortController();
  handTickets(frame, 'dialog', closed.signal);
  // Reported before the frame exists, so the worker knows the record when the frame binds.
  void showInFrame('dialog', { ref, recordTitle, guard: 'active', guardControl: '', blocked: { stage, attempt: 1 } }).catch(() => undefined);
  frame.src = panelPageUrl();
  // Where the user was (the card they moved by keyboard): focus goes back there when the dialog closes.
  const returnTo = document.activeElement;
  const host = drawOverlay('baton-move-dialog', DIALOG_CSS, backdrop, frame);
  frame.focus();
  // The dialog is modal: focus that lands on the page behind it while it is open goes back into
  // it. A board does that on its own (react-beautiful-dnd puts focus back on the dropped card,
  // some frames after the drop).
  document.addEventListener('focusin', (event) => event.target !== host && frame.focus(), { capture: true, signal: closed.signal });
  return {
    close: () => {
      closed.abort();
      host.remove();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
    },
  };
}

import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'react';
import type { ChecklistStatus } from '../../lib/gate';
import { gateDecision } from '../../lib/gate';
import type { Handoff } from '../../lib/checklist-status';
import { messenger } from '../../lib/messages';
import type { RecordRef } from '../../lib/record';
import { ChecklistForm } from './ChecklistForm';
import { SaveStatus } from './SaveStatus';

interface MoveDialogProps {
  recordRef: RecordRef;
  recordTitle: string | undefined;
  stage: string;
  handoffs: Handoff[];
  checklists: ChecklistStatus[];
}

/**
 * The dialog a refused drag opens on a board: only the fields the move is missing, then the
 * move itself. Cancel keeps what was typed as a draft and leaves the card where it is.
 */
export function MoveDialog({ recordRef, recordTitle, stage, handoffs, checklists }: MoveDialogProps) {
  const decision = gateDecision(checklists, stage);
  // The fields asked for stay put while they are filled in, instead of vanishing one by one.
  const [asked] = useState(() =>
    decision.kind === 'block' && decision.reason === 'incomplete'
      ? new Map(decision.blockers.map((blocker) => [blocker.templateId, new Set(blocker.missing.map((field) => field.fieldId))]))
      : new Map<string, Set<string>>(),
  );
  const ready = decision.kind === 'allow';
  // ...plus any that became required meanwhile (a field required only when another says so).
  const askedNow = new Map(asked);
  if (decision.kind === 'block' && decision.reason === 'incomplete') {
    for (const blocker of decision.blockers) {
      askedNow.set(blocker.templateId, new Set([...(asked.get(blocker.templateId) ?? []), ...blocker.missing.map((field) => field.fieldId)]));
    }
  }
  const answer = (confirmed: boolean) => void messenger.sendMessage('closeMoveDialog', { confirmed });

  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') answer(false);
      if (event.key === 'Tab' && dialog.current) keepTabInside(event, dialog.current);
    };
    // Focus put back into the frame by the page (the dialog is modal) may find nothing focused
    // inside, if the page took it away before the first field had it: the first field takes it.
    const onFocus = () => document.activeElement === document.body && dialog.current && tabbableIn(dialog.current)[0]?.focus();
    window.addEventListener('keydown', onKey);
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  return (
    <div ref={dialog} className="panel panel--dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" aria-describedby="dialog-help">
      <h1 id="dialog-title">
        {recordTitle ? i18n.t('dialog.title', [recordTitle, stage]) : i18n.t('dialog.titleUnnamed', [stage])}
      </h1>
      <p id="dialog-help" className="panel__record">
        {ready ? i18n.t('dialog.ready') : i18n.t('dialog.help')}
      </p>
      {handoffs
        .filter((handoff) => askedNow.has(handoff.template.id))
        .map((handoff, index) => (
          <section key={handoff.template.id} aria-label={handoff.template.name}>
            {askedNow.size > 1 ? <h2 className="dialog__template">{handoff.template.name}</h2> : null}
            <ChecklistForm
              recordRef={recordRef}
              recordTitle={recordTitle}
              handoff={handoff}
              focusAttempt={index === 0 ? 1 : 0}
              blocking={false}
              onlyFields={askedNow.get(handoff.template.id)}
            />
          </section>
        ))}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={() => answer(false)}>
          {i18n.t('dialog.cancel')}
        </button>
        <button type="button" className="button" disabled={!ready} onClick={() => answer(true)} data-testid="complete-move">
          {i18n.t('dialog.move', [stage])}
        </button>
      </div>
      <SaveStatus />
    </div>
  );
}

/** The dialog's controls Tab stops at, in order. */
function tabbableIn(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((control) => control.tabIndex >= 0 && control.getClientRects().length > 0);
}

const TABBABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The dialog is modal (aria-modal) but lives in a frame on the host page: Tab past its last
 * control (or Shift+Tab before its first) would leave the frame for the page behind. It comes
 * round inside instead.
 */
function keepTabInside(event: KeyboardEvent, dialog: HTMLElement): void {
  const controls = tabbableIn(dialog);
  const at = controls.indexOf(document.activeElement as HTMLElement);
  const wrap = event.shiftKey ? at <= 0 : at === -1 || at === controls.length - 1;
  if (!wrap || controls.length === 0) return;
  event.preventDefault();
  controls.at(event.shiftKey ? -1 : 0)!.focus();
}

import { i18n } from '#i18n';
import type { GateDecision } from '../../lib/gate';
import type { GuardStatus } from '../../lib/panel-location';
import type { UnverifiedMove } from '../../lib/unverified';
import { blockMessage, missingFields, unverifiedHeadline } from '../words/checklist-words';

/** Says plainly when the stage guard cannot protect this page: a silent pass is the worst outcome. */
export function GuardNotice({ guard, control }: { guard: GuardStatus; control: string }) {
  if (guard === 'active') return null;
  if (guard === 'searching') {
    return <p className="notice notice--muted" role="status">{i18n.t('panel.searching', [control])}</p>;
  }
  return (
    <div className="notice notice--error" role="alert" data-testid="guard-inactive">
      <strong>{i18n.t('panel.guardInactive')}</strong> {i18n.t('panel.guardInactiveWhy', [control])}
    </div>
  );
}

interface BlockNoticeProps {
  stage: string;
  decision: GateDecision;
  /** Re-announced on every blocked attempt. */
  attempt: number;
}

/** After a blocked move: what was stopped and what it needs; then, once filled, that it may go. */
export function BlockNotice({ stage, decision, attempt }: BlockNoticeProps) {
  if (decision.kind === 'allow') {
    return (
      <p className="notice notice--ok" role="status" data-testid="block-notice">
        {i18n.t('panel.readyAgain', [stage])}
      </p>
    );
  }
  return (
    <p key={attempt} className="notice notice--error" role="alert" data-testid="block-notice">
      {blockMessage(decision)}
    </p>
  );
}

/**
 * Safety net: the record is in a gated stage without a complete handoff, whatever moved it.
 * Stays until the checklist is complete (the panel recomputes it from the live checklist).
 */
export function UnverifiedNotice({ move }: { move: UnverifiedMove | undefined }) {
  if (!move) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="unverified-notice">
      <strong>{unverifiedHeadline(move)}.</strong> {i18n.t('panel.stillMissing', [missingFields(move.blockers)])}
    </div>
  );
}

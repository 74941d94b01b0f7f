import { isComplete, totals, type ChecklistStatus } from './gate';
import { unverifiedHeadline, unverifiedMissing, unverifiedMove } from './unverified';

/** What a card or row badge says of one record: a state with a shape, a text, and a tooltip. */
export interface BadgeView {
  /** 'unverified': shown in a gated stage without a complete handoff (lib/unverified.ts). */
  state: 'complete' | 'partial' | 'not-started' | 'loading' | 'unverified';
  /** Short text on the badge itself. */
  text: string;
  /** The full sentence for screen readers. */
  label: string;
  /** What is missing, for the tooltip. */
  tooltip: string;
}

/** `stage`: the stage the card or row shows, where the adapter can read it. */
export function badgeView(status: { started: boolean; checklists: ChecklistStatus[] } | undefined, stage?: string): BadgeView {
  if (!status) return { state: 'loading', text: '…', label: 'Handoff checklist: loading', tooltip: 'Baton is loading this record' };
  const move = unverifiedMove(status.checklists, stage);
  if (move) {
    const headline = unverifiedHeadline(move);
    return { state: 'unverified', text: 'Unverified', label: `${headline}: missing ${unverifiedMissing(move)}`, tooltip: `${headline}. Missing: ${unverifiedMissing(move)}` };
  }
  const { filled, required } = totals(status.checklists);
  const missing = status.checklists.flatMap((checklist) => checklist.missing.map((field) => field.label));
  if (status.checklists.length === 0) return { state: 'complete', text: '', label: '', tooltip: '' };
  if (isComplete(status.checklists)) {
    return { state: 'complete', text: 'Ready', label: 'Handoff checklist complete', tooltip: 'Handoff checklist complete' };
  }
  const tooltip = `Missing: ${missing.join(', ')}`;
  if (!status.started) {
    return { state: 'not-started', text: 'Not started', label: `Handoff checklist not started: 0 of ${required} required`, tooltip };
  }
  return { state: 'partial', text: `${filled} of ${required}`, label: `Handoff checklist: ${filled} of ${required} required filled`, tooltip };
}

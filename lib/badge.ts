import { isComplete, totals, type ChecklistStatus } from './gate';

/** What a card or row badge says of one record: a state with a shape, a text, and a tooltip. */
export interface BadgeView {
  state: 'complete' | 'partial' | 'not-started' | 'loading';
  /** Short text on the badge itself. */
  text: string;
  /** The full sentence for screen readers. */
  label: string;
  /** What is missing, for the tooltip. */
  tooltip: string;
}

export function badgeView(status: { started: boolean; checklists: ChecklistStatus[] } | undefined): BadgeView {
  if (!status) return { state: 'loading', text: '…', label: 'Handoff checklist: loading', tooltip: 'Baton is loading this record' };
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

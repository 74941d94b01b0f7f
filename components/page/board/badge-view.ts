import { i18n } from '#i18n';
import { isComplete, totals, type ChecklistStatus } from '../../../lib/gate';
import { unverifiedMove } from '../../../lib/unverified';
import { missingFields, unverifiedHeadline } from '../../words/checklist-words';

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

/**
 * Records of a board that share one set of checklists (a reply packs each distinct set once:
 * lib/status-batch.ts) share their words: a thousand alike rows are worded once, not a
 * thousand times (each wording is several browser.i18n calls).
 */
const viewsBySet = new WeakMap<ChecklistStatus[], Map<string, BadgeView>>();

export function cachedBadgeView(status: { started: boolean; checklists: ChecklistStatus[] } | undefined, stage?: string): BadgeView {
  if (!status) return badgeView(status, stage);
  let views = viewsBySet.get(status.checklists);
  if (!views) viewsBySet.set(status.checklists, (views = new Map()));
  const key = `${status.started}\n${stage ?? ''}`;
  let view = views.get(key);
  if (!view) views.set(key, (view = badgeView(status, stage)));
  return view;
}

/** `stage`: the stage the card or row shows, where the adapter can read it. */
export function badgeView(status: { started: boolean; checklists: ChecklistStatus[] } | undefined, stage?: string): BadgeView {
  if (!status) return { state: 'loading', text: '…', label: i18n.t('board.loadingLabel'), tooltip: i18n.t('board.loadingTooltip') };
  const move = unverifiedMove(status.checklists, stage);
  if (move) {
    const headline = unverifiedHeadline(move);
    const missing = missingFields(move.blockers);
    return {
      state: 'unverified',
      text: i18n.t('board.unverified'),
      label: i18n.t('board.unverifiedLabel', [headline, missing]),
      tooltip: i18n.t('board.unverifiedTooltip', [headline, missing]),
    };
  }
  const { filled, required } = totals(status.checklists);
  const missing = status.checklists.flatMap((checklist) => checklist.missing.map((field) => field.label));
  if (status.checklists.length === 0) return { state: 'complete', text: '', label: '', tooltip: '' };
  if (isComplete(status.checklists)) {
    const complete = i18n.t('board.complete');
    return { state: 'complete', text: i18n.t('board.ready'), label: complete, tooltip: complete };
  }
  const tooltip = i18n.t('board.missing', [missing.join(', ')]);
  if (!status.started) {
    return { state: 'not-started', text: i18n.t('board.notStarted'), label: i18n.t('board.notStartedLabel', [required]), tooltip };
  }
  return { state: 'partial', text: i18n.t('board.partial', [filled, required]), label: i18n.t('board.partialLabel', [filled, required]), tooltip };
}

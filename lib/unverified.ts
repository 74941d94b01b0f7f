import { gatesStage, normalizeStage, type ChecklistStatus } from './gate';

// The safety net. The guard stops the stage paths it knows; this judges outcomes: a record
// the page shows in a gated stage while a checklist gating that stage is incomplete got there
// by a path Baton did not stop (a missed control, a colleague without Baton, a workflow, the
// API). Imported by the content script: nothing but the decision.

/** A record seen in a gated stage without a complete handoff: the stage and what is missing. */
export interface UnverifiedMove {
  stage: string;
  blockers: ChecklistStatus[];
}

const sameStage = (a: string, b: string) => normalizeStage(a).toLocaleLowerCase() === normalizeStage(b).toLocaleLowerCase();

/** Baton saw this checklist complete while the record stood in this stage: the move was handed off. */
function verifiedIn(checklist: ChecklistStatus, stage: string): boolean {
  return checklist.verifiedStage !== undefined && sameStage(checklist.verifiedStage, stage);
}

/**
 * Is the record, shown in `stage`, there without a complete handoff? Undefined while either
 * is unknown: Baton does not claim what it cannot read.
 */
export function unverifiedMove(checklists: ChecklistStatus[] | undefined, stage: string | undefined): UnverifiedMove | undefined {
  if (!checklists || !stage) return undefined;
  const blockers = checklists.filter((checklist) => checklist.missing.length > 0 && gatesStage(checklist, stage) && !verifiedIn(checklist, stage));
  return blockers.length > 0 ? { stage, blockers } : undefined;
}

/**
 * What the store should learn from seeing a record in a stage: that it stands there
 * unverified (the first sighting is logged), that its checklist was complete there (a later
 * edit that empties a field does not turn a handed-off move into an unverified one), or nothing.
 */
export function stageSighting(checklists: ChecklistStatus[], stage: string): 'unverified' | 'verified' | undefined {
  if (unverifiedMove(checklists, stage)) return 'unverified';
  const gating = checklists.filter((checklist) => gatesStage(checklist, stage));
  return gating.some((checklist) => !verifiedIn(checklist, stage)) ? 'verified' : undefined;
}

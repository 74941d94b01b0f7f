import { i18n } from '#i18n';
import type { FieldIssue } from '../../lib/completeness';
import { totals, type ChecklistStatus, type GateDecision } from '../../lib/gate';
import type { QualityFlag } from '../../lib/quality';
import type { UnverifiedMove } from '../../lib/unverified';

// lib/ decides and returns codes and numbers; these put them into the user's words. Shared by
// the panel, the move dialog and the page-side scripts, so a sentence is worded in one place.

/**
 * The record's badge. One template: its fields, "4 of 6 required". Several: how many checklists
 * are complete, "1 of 3 checklists complete" — their fields added up ("5 of 16 required" right
 * after a complete escalation went through) read as if the escalation were unfinished. Each
 * template's own count is on its tab (checklistCount).
 */
export function badgeText(checklists: ChecklistStatus[]): string {
  if (checklists.length === 1) return checklistCount(checklists[0]!);
  const complete = checklists.filter((status) => status.missing.length === 0).length;
  return i18n.t('common.checklistsComplete', [complete, checklists.length]);
}

/** One template's count: "4 of 6 required". */
export function checklistCount(status: ChecklistStatus): string {
  const { filled, required } = totals([status]);
  return i18n.t('common.ofRequired', [filled, required]);
}

/** The missing fields, each checklist named: "Client goals, Next owner (Sales to onboarding)". */
export function missingFields(blockers: ChecklistStatus[]): string {
  return blockers
    .map((blocker) => i18n.t('common.missingInTemplate', [blocker.missing.map((field) => field.label).join(', '), blocker.templateName]))
    .join('; ');
}

/** The sentence shown when a move is blocked: names the stage and everything missing. */
export function blockMessage(decision: Extract<GateDecision, { kind: 'block' }>): string {
  if (decision.reason === 'unknown') return i18n.t('common.blockOnHold', [decision.stage]);
  return i18n.t('common.blockNeeds', [decision.stage, missingFields(decision.blockers)]);
}

/** The heading for an unverified move, e.g. Moved to "Closed won" without a complete handoff. */
export function unverifiedHeadline(move: UnverifiedMove): string {
  return i18n.t('common.unverifiedHeadline', [move.stage]);
}

/** One sentence a person can act on, e.g. "Next owner is empty". */
export function fieldIssueText(issue: FieldIssue): string {
  if (issue.problem === 'empty') return i18n.t('common.field.empty', [issue.label]);
  if (issue.problem === 'tooLong') return i18n.t('common.field.tooLong', [issue.label, issue.length, issue.limit]);
  if (issue.problem === 'vague') return i18n.t('common.field.invalid', [issue.label, issue.flags.map((flag) => qualityFlagText(flag, issue.minLength)).join(' ')]);
  // A template's own hint is the template author's words, shown as written.
  const why = issue.hint ?? i18n.t(`common.field.${issue.expected}`);
  return i18n.t('common.field.invalid', [issue.label, why]);
}

/** What one quality check found, e.g. "a placeholder, not an answer". */
export function qualityFlagText(flag: QualityFlag, minLength: number): string {
  if (flag.check === 'short') return i18n.t('ai.flags.short', [String(minLength)]);
  if (flag.check === 'person' && flag.notMember) return i18n.t('ai.flags.notMember');
  return i18n.t(`ai.flags.${flag.check}`);
}

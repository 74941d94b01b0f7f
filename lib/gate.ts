import type { HostApp } from './record';

// Imported by the content script: no schema, no template code, nothing but the decision.

/**
 * What the stage guard knows of one template on one record. Computed where templates live
 * (worker, panel) and sent to the content script, which never loads a template itself.
 */
export interface ChecklistStatus {
  templateId: string;
  templateName: string;
  /** Stage labels this template gates on this kind of record (case-insensitive regex). */
  gateStages?: string;
  required: number;
  filled: number;
  missing: { fieldId: string; label: string }[];
  /** A gated stage Baton saw the record in while this checklist was complete (lib/unverified.ts). */
  verifiedStage?: string;
}

export type GateDecision =
  | { kind: 'allow' }
  | { kind: 'block'; stage: string; reason: 'incomplete'; blockers: ChecklistStatus[] }
  /** The checklist is not known yet (still loading, or the extension cannot be reached): fail closed. */
  | { kind: 'block'; stage: string; reason: 'unknown' };

export interface RecordKind {
  host: HostApp;
  objectType: string;
}

export function gatesStage(status: ChecklistStatus, stage: string): boolean {
  return status.gateStages !== undefined && new RegExp(status.gateStages, 'i').test(normalizeStage(stage));
}

/**
 * Synchronous on purpose: it runs inside the host's click or key event, and anything awaited
 * there would let the host commit the move first.
 * `checklists` is undefined while the record's checklist is unknown; a move that cannot be
 * judged is blocked rather than waved through.
 */
export function gateDecision(checklists: ChecklistStatus[] | undefined, stage: string): GateDecision {
  if (!checklists) return { kind: 'block', stage, reason: 'unknown' };
  const blockers = checklists.filter((status) => status.missing.length > 0 && gatesStage(status, stage));
  return blockers.length === 0 ? { kind: 'allow' } : { kind: 'block', stage, reason: 'incomplete', blockers };
}

export function isComplete(checklists: ChecklistStatus[]): boolean {
  return checklists.every((status) => status.missing.length === 0);
}

export function totals(checklists: ChecklistStatus[]): { filled: number; required: number } {
  return checklists.reduce(
    (sum, status) => ({ filled: sum.filled + status.filled, required: sum.required + status.required }),
    { filled: 0, required: 0 },
  );
}

/** Host labels come with stray whitespace and line breaks from their markup. */
export function normalizeStage(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

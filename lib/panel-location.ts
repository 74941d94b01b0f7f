import { RecordRefSchema, type RecordRef } from './record';

// The content script tells the panel iframe what to show through the iframe URL's fragment:
// a fragment change does not reload the panel, and nothing the host page posts can forge it
// (unlike window.postMessage, which the page can send too).

export type GuardStatus = 'searching' | 'active' | 'inactive';

export interface PanelLocation {
  ref: RecordRef;
  recordTitle?: string;
  guard: GuardStatus;
  /** The control the guard relies on, named for the user when it is missing. */
  guardControl: string;
  /** Set after a blocked move; attempt changes on every block so the panel reacts each time. */
  blocked?: { stage: string; attempt: number };
}

export function panelHash(location: PanelLocation): string {
  const params = new URLSearchParams({
    host: location.ref.host,
    objectType: location.ref.objectType,
    recordId: location.ref.recordId,
    guard: location.guard,
    guardControl: location.guardControl,
  });
  if (location.recordTitle) params.set('title', location.recordTitle);
  if (location.blocked) {
    params.set('blockedStage', location.blocked.stage);
    params.set('attempt', String(location.blocked.attempt));
  }
  return `#${params.toString()}`;
}

/** Reads what panelHash wrote; undefined when the fragment names no valid record. */
export function parsePanelHash(hash: string): PanelLocation | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const ref = RecordRefSchema.safeParse({
    host: params.get('host'),
    objectType: params.get('objectType'),
    recordId: params.get('recordId'),
  });
  if (!ref.success) return undefined;
  const guard = params.get('guard');
  const stage = params.get('blockedStage');
  return {
    ref: ref.data,
    recordTitle: params.get('title') ?? undefined,
    guard: guard === 'active' || guard === 'inactive' ? guard : 'searching',
    guardControl: params.get('guardControl') ?? 'the stage control',
    blocked: stage ? { stage, attempt: Number(params.get('attempt')) || 0 } : undefined,
  };
}

import { RecordRefSchema } from './record-schema';
import type { PanelLocation } from './panel-location';

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
    ...(params.get('dialog') === '1' && stage ? { dialog: true } : {}),
    ...(httpsUrl(params.get('url')) ? { recordUrl: params.get('url')! } : {}),
    ...(params.get('movedTo') ? { movedTo: params.get('movedTo')! } : {}),
    ...(params.get('shownStage') ? { shownStage: params.get('shownStage')! } : {}),
  };
}

function httpsUrl(text: string | null): boolean {
  if (!text) return false;
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

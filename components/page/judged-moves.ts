import { messenger } from '../../lib/messages';
import type { RecordRef } from '../../lib/record';

/** The team view counts judged moves (record pages and boards alike); without a team server the worker keeps nothing of it. */
export function reportMove(ref: RecordRef, stage: string, outcome: 'blocked' | 'allowed'): void {
  void messenger.sendMessage('moveJudged', { ref, stage: stage.slice(0, 200), outcome }).catch(() => undefined);
}

import { messenger } from '../../lib/messages';

/** Well inside the worker's linger (LIVE_LINGER_MS) and its 30 s idle stop. */
export const HEARTBEAT_MS = 20_000;

/**
 * While a panel or board is open: the worker pulls now and keeps the live channel up, so a
 * teammate's change shows within seconds. Returns the stop. Each beat also keeps the MV3 worker
 * awake. A beat nobody answers (extension reloading, not connected) changes nothing here.
 */
export function keepSyncLive(): () => void {
  const beat = () => void messenger.sendMessage('syncLive').catch(() => undefined);
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  return () => clearInterval(timer);
}

import { syncStatusText } from '../sync/status-text';
import { useSyncState } from '../sync/use-sync-state';

/** Team sync, only while connected: Synced, Syncing…, or Offline with what waits. */
export function SyncStatus() {
  const line = useSyncState();
  if (!line) return null;
  const trouble = line.kind === 'revoked' || line.kind === 'refused';
  return (
    <div className={`save-status sync-status sync-status--${line.kind}`} role={trouble ? 'alert' : undefined} data-testid="sync-status">
      {syncStatusText(line)}
    </div>
  );
}

import { i18n } from '#i18n';
import type { SyncStatusLine } from '../../lib/sync/status-line';

export function syncStatusText(line: SyncStatusLine): string {
  switch (line.kind) {
    case 'synced':
      return i18n.t('sync.synced');
    case 'syncing':
      return i18n.t('sync.syncing');
    case 'offline':
      return i18n.t('sync.offline', line.waiting);
    case 'failing':
      // A time of day, not "in 2 minutes": the line is re-read only when the status changes.
      return i18n.t('sync.failing', line.waiting, [line.waiting, line.retryAt === undefined ? '…' : timeOfDay(line.retryAt)]);
    case 'revoked':
      return i18n.t('sync.revoked');
    case 'refused':
      return i18n.t('sync.refused', line.refused);
  }
}

function timeOfDay(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

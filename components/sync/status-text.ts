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
    case 'revoked':
      return i18n.t('sync.revoked');
    case 'refused':
      return i18n.t('sync.refused', line.refused);
  }
}

import type { BatonDb } from '../../components/storage/db';
import { managedPolicy } from '../../components/storage/managed-policy';
import { keepSecretsOutOfLocalStorage } from '../../components/storage/move-secrets';
import { vault } from '../../components/storage/vault';
import { disconnectIfPolicyForbids } from '../../components/sync/policy-guard';

/**
 * Wiring only, registered with the worker's other listeners: secrets leave storage.local, then
 * the team connection is checked against the policy now, whenever the policy changes and
 * whenever a connection is stored (a settings page opened before the policy arrived may still
 * connect elsewhere).
 */
export function registerPolicyGuard(db: BatonDb): void {
  const moved = keepSecretsOutOfLocalStorage(db);
  const check = () =>
    void moved
      .then(() => disconnectIfPolicyForbids(db))
      .catch((error: unknown) => console.error('Baton: checking the team connection against the policy failed', error));
  managedPolicy.watch(check);
  vault.watch(db, 'teamConnection', check);
  check();
}

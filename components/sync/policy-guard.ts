import * as z from 'zod/mini';
import { teamServerAllowed } from '../../lib/managed-policy';
import type { BatonDb } from '../storage/db';
import { managedPolicy } from '../storage/managed-policy';
import { teamConnection } from '../storage/team-connection';
import { vault } from '../storage/vault';
import { unlinkDevice } from './link';

// The organization's policy wins in the worker, not only in the settings form: a device that
// joined another server before the policy arrived (or whose policy changed) leaves it. Reading
// the connection already refuses such a server (team-connection.ts); this drops it for good
// and tells the person why, in settings.

export const TeamPolicyNoticeSchema = z.object({
  /** The server the policy requires, as the policy writes it. */
  required: z.string(),
  /** The server Baton left. */
  disconnected: z.string(),
  at: z.number(),
});
export type TeamPolicyNotice = z.infer<typeof TeamPolicyNoticeSchema>;

export const teamPolicyNotice = {
  async get(db: BatonDb): Promise<TeamPolicyNotice | undefined> {
    const parsed = TeamPolicyNoticeSchema.safeParse(await vault.get(db, 'teamPolicyNotice'));
    return parsed.success ? parsed.data : undefined;
  },
  clear(db: BatonDb): Promise<void> {
    return vault.delete(db, 'teamPolicyNotice');
  },
};

/**
 * Disconnects (as Disconnect does: drafts stay, changes not yet sent are dropped, since they
 * were meant for the other server) when the policy pins another team server. True if it did.
 */
export async function disconnectIfPolicyForbids(db: BatonDb): Promise<boolean> {
  const [connection, policy] = await Promise.all([teamConnection.stored(db), managedPolicy.get()]);
  if (!connection || policy.teamServer === undefined || teamServerAllowed(connection.server, policy)) return false;
  await unlinkDevice(db);
  const notice: TeamPolicyNotice = { required: policy.teamServer, disconnected: connection.server, at: Date.now() };
  await vault.put(db, 'teamPolicyNotice', notice);
  return true;
}

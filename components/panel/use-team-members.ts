import { useEffect, useState } from 'react';
import { MemberListSchema } from '../../lib/sync/schemas';
import { may } from '../../lib/sync/roles';
import { teamConnection } from '../storage/team-connection';
import { teamRequest } from '../sync/team-request';

/**
 * The team's members (lower-case emails) for the "person" check, or undefined when they cannot
 * be known. Only admins may list members (GET /v1/members); for everyone else, and offline, the
 * check stays with the answer's shape (a name or an email) rather than guessing a roster.
 */
export function useTeamMembers(): string[] | undefined {
  const [members, setMembers] = useState<string[]>();
  useEffect(() => {
    const controller = new AbortController();
    void teamConnection.get().then(async (connection) => {
      if (!connection || !may(connection.member.role, 'manageMembers')) return;
      const list = await teamRequest(connection, '/v1/members', MemberListSchema, { signal: controller.signal }).catch(() => undefined);
      const active = list?.members.filter((member) => member.status !== 'revoked').map((member) => member.email.toLowerCase());
      if (active && !controller.signal.aborted) setMembers(active);
    });
    return () => controller.abort();
  }, []);
  return members;
}

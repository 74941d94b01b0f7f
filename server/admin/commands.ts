import * as z from 'zod/mini';
import { ROLES } from '../../lib/sync/roles';
import { EmailSchema } from '../../lib/sync/schemas';
import type { Store } from '../storage/store';

// invite / revoke / list from the command line: run on the database directly, or handed to the
// running server when it holds the embedded database (local-admin.ts).

const TeamNameSchema = z.string().check(z.regex(/^[\w .-]{1,80}$/, 'expected a team name of letters, digits, spaces, ".", "-" or "_"'));

export const AdminCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('invite'), team: TeamNameSchema, email: EmailSchema, role: z.enum(ROLES) }),
  z.object({ command: z.literal('revoke'), team: TeamNameSchema, email: EmailSchema }),
  z.object({ command: z.literal('list'), team: TeamNameSchema }),
]);
export type AdminCommand = z.infer<typeof AdminCommandSchema>;

/** The lines to print. An invite's code is alone on the last line, for scripts. */
export async function runAdminCommand(store: Store, command: AdminCommand, now: number): Promise<string[]> {
  const teamId = await store.members.teamId(command.team, now);
  switch (command.command) {
    case 'invite': {
      const invite = await store.members.invite(teamId, command.email, command.role, now);
      return [`Invite for ${invite.email} (${invite.role}, team ${command.team}), single use, expires ${new Date(invite.expiresAt).toISOString()}:`, invite.code];
    }
    case 'revoke':
      return (await store.members.revoke(teamId, command.email, now)) === 'revoked'
        ? [`Revoked ${command.email}: their next request is refused.`]
        : [`No member or open invite for ${command.email} in team ${command.team}.`];
    case 'list': {
      const { members } = await store.members.list(teamId, now);
      if (members.length === 0) return [`Team ${command.team} has nobody yet.`];
      return members.map(
        (member) => `${member.email}\t${member.role}\t${member.status}\tsince ${new Date(member.since).toISOString()}\tinvited by ${member.invitedBy ?? 'the operator'}`,
      );
    }
  }
}

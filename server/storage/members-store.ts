import type { Role } from '../../lib/sync/roles';
import type { InviteCreated, Member, MemberList } from '../../lib/sync/schemas';
import { hashSecret, newSecret } from '../secrets';
import type { Sql } from './sql';
import { NOTIFY_MEMBERS } from './team-pokes';

/** An invite code is good for this long, and once. */
export const INVITE_LIFETIME_MS = 7 * 86_400_000;

/** The member a request acts as: read from the database on every request, never cached. */
export interface Caller extends Member {
  memberId: number;
  teamId: number;
  /** The highest change number this token's device has been handed; undefined for a device from before the upgrade (see 002_team_rules.sql). */
  seenSeq?: number;
}

/**
 * The member whose token hashes to $1, unless revoked. Also the first part of statements that
 * sign in and read in one round trip (SyncStore.pullFor).
 */
export const CALLER_BY_TOKEN_HASH = `SELECT m.id AS member_id, m.team_id, m.email, m.role, t.name AS team, k.seen_seq
   FROM tokens k JOIN members m ON m.id = k.member_id JOIN teams t ON t.id = m.team_id
  WHERE k.hash = $1 AND m.revoked_at IS NULL`;

export class MembersStore {
  constructor(private readonly sql: Sql) {}

  /** Only tokens of members not revoked open the door: a revoked member's next request fails. */
  async callerByToken(token: string): Promise<Caller | undefined> {
    const [row] = await this.sql.query<CallerRow>(CALLER_BY_TOKEN_HASH, [hashSecret(token)]);
    return row && toCaller(row);
  }

  async teamId(name: string, now: number): Promise<number> {
    const [row] = await this.sql.query<{ id: number }>(
      `INSERT INTO teams (name, created_at) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [name, now],
    );
    return row!.id;
  }

  /** `invitedBy`: the admin who hands it out (undefined from the command line, the operator). */
  async invite(teamId: number, email: string, role: Role, now: number, invitedBy?: Caller): Promise<InviteCreated> {
    const code = newSecret();
    const expiresAt = now + INVITE_LIFETIME_MS;
    await this.sql.query(
      'INSERT INTO invites (code_hash, team_id, email, role, created_at, expires_at, invited_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [hashSecret(code), teamId, email, role, now, expiresAt, invitedBy?.memberId ?? null],
    );
    return { email, role, code, expiresAt };
  }

  /** Uses up an invite and gives its holder a new token; undefined if the code is unknown, used or expired. */
  async redeem(code: string, now: number): Promise<{ token: string; member: Member } | undefined> {
    return this.sql.transaction(async (tx) => {
      // An invite whose issuer has since been revoked is void, even if revoking missed it.
      const [invite] = await tx.query<{ team_id: number; email: string; role: Role; invited_by: number | null }>(
        `UPDATE invites i SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
            AND NOT EXISTS (SELECT 1 FROM members issuer WHERE issuer.id = i.invited_by AND issuer.revoked_at IS NOT NULL)
         RETURNING team_id, email, role, invited_by`,
        [hashSecret(code), now],
      );
      if (!invite) return undefined;
      const [member] = await tx.query<{ id: number }>(
        `INSERT INTO members (team_id, email, role, created_at, invited_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (team_id, email) DO UPDATE SET role = EXCLUDED.role, revoked_at = NULL, invited_by = EXCLUDED.invited_by RETURNING id`,
        [invite.team_id, invite.email, invite.role, now, invite.invited_by],
      );
      const token = newSecret();
      await tx.query('INSERT INTO tokens (hash, member_id, created_at) VALUES ($1, $2, $3)', [hashSecret(token), member!.id, now]);
      const [team] = await tx.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [invite.team_id]);
      return { token, member: { email: invite.email, role: invite.role, team: team!.name } };
    });
  }

  /**
   * Ends a member's access (every token), voids their own open invites and the unused invites
   * they handed out. `by`: the admin revoking (undefined from the command line); an admin may not
   * revoke themselves while they are the team's last admin, or nobody could manage it.
   */
  async revoke(teamId: number, email: string, now: number, by?: Caller): Promise<RevokeOutcome> {
    return this.sql.transaction(async (tx) => {
      if (by && by.email === email && by.role === 'admin') {
        // Locked: two admins revoking themselves at once must not both see the other still there.
        const admins = await tx.query<{ id: number }>("SELECT id FROM members WHERE team_id = $1 AND role = 'admin' AND revoked_at IS NULL FOR UPDATE", [teamId]);
        if (admins.length <= 1) return 'lastAdmin';
      }
      const invites = await tx.query(
        'UPDATE invites SET used_at = $3 WHERE team_id = $1 AND email = $2 AND used_at IS NULL RETURNING code_hash',
        [teamId, email, now],
      );
      const members = await tx.query<{ id: number }>(
        'UPDATE members SET revoked_at = $3 WHERE team_id = $1 AND email = $2 AND revoked_at IS NULL RETURNING id',
        [teamId, email, now],
      );
      for (const member of members) {
        await tx.query('DELETE FROM tokens WHERE member_id = $1', [member.id]);
        await tx.query('UPDATE invites SET used_at = $2 WHERE invited_by = $1 AND used_at IS NULL', [member.id, now]);
      }
      // Their open live streams, in any server process, end on this (once it commits).
      if (members.length > 0) await tx.query(NOTIFY_MEMBERS, [String(teamId)]);
      return invites.length + members.length > 0 ? 'revoked' : 'notFound';
    });
  }

  async list(teamId: number, now: number): Promise<MemberList> {
    const rows = await this.sql.query<{ email: string; role: Role; status: MemberList['members'][number]['status']; since: number; invited_by: string | null }>(
      `SELECT m.email, m.role, CASE WHEN m.revoked_at IS NULL THEN 'active' ELSE 'revoked' END AS status,
              COALESCE(m.revoked_at, m.created_at) AS since, issuer.email AS invited_by
         FROM members m LEFT JOIN members issuer ON issuer.id = m.invited_by WHERE m.team_id = $1
       UNION ALL
       SELECT i.email, i.role, 'invited', i.created_at, issuer.email FROM invites i LEFT JOIN members issuer ON issuer.id = i.invited_by
        WHERE i.team_id = $1 AND i.used_at IS NULL AND i.expires_at > $2
       ORDER BY email, since`,
      [teamId, now],
    );
    return { members: rows.map(({ invited_by: invitedBy, ...row }) => ({ ...row, since: Number(row.since), ...(invitedBy ? { invitedBy } : {}) })) };
  }
}

export type RevokeOutcome = 'revoked' | 'notFound' | 'lastAdmin';

export interface CallerRow {
  member_id: number;
  team_id: number;
  email: string;
  role: Role;
  team: string;
  seen_seq: number | string | null;
}

export function toCaller(row: CallerRow): Caller {
  return { memberId: row.member_id, teamId: row.team_id, email: row.email, role: row.role, team: row.team, ...(row.seen_seq === null ? {} : { seenSeq: Number(row.seen_seq) }) };
}

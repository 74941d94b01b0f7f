import type { Role } from '../../lib/sync/roles';
import type { InviteCreated, Member, MemberList } from '../../lib/sync/schemas';
import { hashSecret, newSecret } from '../secrets';
import type { Sql } from './sql';

/** An invite code is good for this long, and once. */
export const INVITE_LIFETIME_MS = 7 * 86_400_000;

/** The member a request acts as: read from the database on every request, never cached. */
export interface Caller extends Member {
  memberId: number;
  teamId: number;
}

/**
 * The member whose token hashes to $1, unless revoked. Also the first part of statements that
 * sign in and read in one round trip (SyncStore.pullFor).
 */
export const CALLER_BY_TOKEN_HASH = `SELECT m.id AS member_id, m.team_id, m.email, m.role, t.name AS team
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

  async invite(teamId: number, email: string, role: Role, now: number): Promise<InviteCreated> {
    const code = newSecret();
    const expiresAt = now + INVITE_LIFETIME_MS;
    await this.sql.query(
      'INSERT INTO invites (code_hash, team_id, email, role, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [hashSecret(code), teamId, email, role, now, expiresAt],
    );
    return { email, role, code, expiresAt };
  }

  /** Uses up an invite and gives its holder a new token; undefined if the code is unknown, used or expired. */
  async redeem(code: string, now: number): Promise<{ token: string; member: Member } | undefined> {
    return this.sql.transaction(async (tx) => {
      const [invite] = await tx.query<{ team_id: number; email: string; role: Role }>(
        `UPDATE invites SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING team_id, email, role`,
        [hashSecret(code), now],
      );
      if (!invite) return undefined;
      const [member] = await tx.query<{ id: number }>(
        `INSERT INTO members (team_id, email, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (team_id, email) DO UPDATE SET role = EXCLUDED.role, revoked_at = NULL RETURNING id`,
        [invite.team_id, invite.email, invite.role, now],
      );
      const token = newSecret();
      await tx.query('INSERT INTO tokens (hash, member_id, created_at) VALUES ($1, $2, $3)', [hashSecret(token), member!.id, now]);
      const [team] = await tx.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [invite.team_id]);
      return { token, member: { email: invite.email, role: invite.role, team: team!.name } };
    });
  }

  /** Ends a member's access (every token) and voids their open invites. False if no such person in the team. */
  async revoke(teamId: number, email: string, now: number): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const invites = await tx.query(
        'UPDATE invites SET used_at = $3 WHERE team_id = $1 AND email = $2 AND used_at IS NULL RETURNING code_hash',
        [teamId, email, now],
      );
      const members = await tx.query<{ id: number }>(
        'UPDATE members SET revoked_at = $3 WHERE team_id = $1 AND email = $2 AND revoked_at IS NULL RETURNING id',
        [teamId, email, now],
      );
      for (const member of members) await tx.query('DELETE FROM tokens WHERE member_id = $1', [member.id]);
      return invites.length + members.length > 0;
    });
  }

  async list(teamId: number, now: number): Promise<MemberList> {
    const rows = await this.sql.query<{ email: string; role: Role; status: MemberList['members'][number]['status']; since: number }>(
      `SELECT email, role, CASE WHEN revoked_at IS NULL THEN 'active' ELSE 'revoked' END AS status,
              COALESCE(revoked_at, created_at) AS since
         FROM members WHERE team_id = $1
       UNION ALL
       SELECT email, role, 'invited', created_at FROM invites
        WHERE team_id = $1 AND used_at IS NULL AND expires_at > $2
       ORDER BY email, since`,
      [teamId, now],
    );
    return { members: rows };
  }
}

export interface CallerRow {
  member_id: number;
  team_id: number;
  email: string;
  role: Role;
  team: string;
}

export function toCaller(row: CallerRow): Caller {
  return { memberId: row.member_id, teamId: row.team_id, email: row.email, role: row.role, team: row.team };
}

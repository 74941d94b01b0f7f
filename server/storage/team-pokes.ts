import { serverMetrics } from '../observability/metrics';
import type { Sql } from './sql';

// Live streams sleep until their team changes. A push that wrote something notifies the
// database's `baton_changes` channel with its team's id, a revocation `baton_members`, both in
// the transaction that caused them (delivered on commit, to every server process). Each process
// listens once and wakes only the streams of that team, which then pull as before. Pokes carry
// no data: what a stream sends is always read from the database.

export const CHANGES_CHANNEL = 'baton_changes';
export const MEMBERS_CHANNEL = 'baton_members';
/**
 * The safety net for a poke that never came (the listening connection was down): every stream
 * of this process is checked this often, in two statements whatever their number.
 */
export const SAFETY_RECHECK_MS = 30_000;

export type PokeKind = 'changes' | 'members';

/** One open live stream, as the pokes see it. */
export interface PokeListener {
  teamId: number;
  /** Its token's hash: a stream whose token is gone is poked to check its member. */
  tokenHash: string;
  /** The last change number it has sent. */
  cursor: number;
  poke(kind: PokeKind): void;
}

/** The statement that tells every process a team changed; issued inside the push's transaction. */
export const NOTIFY_CHANGES = `SELECT pg_notify('${CHANGES_CHANNEL}', $1)`;
export const NOTIFY_MEMBERS = `SELECT pg_notify('${MEMBERS_CHANNEL}', $1)`;

export class TeamPokes {
  private readonly listeners = new Map<number, Set<PokeListener>>();
  private starting?: Promise<void>;
  private stops: (() => Promise<void>)[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sql: Sql,
    private readonly log: (line: string) => void = () => {},
    private readonly recheckMs = SAFETY_RECHECK_MS,
  ) {}

  /** Listens on first use: a server that never serves a live stream holds no extra connection. */
  start(): Promise<void> {
    // A failed start (the database away) is forgotten, so the next stream tries again.
    this.starting ??= this.listen().catch(async (error: unknown) => {
      this.starting = undefined;
      await this.stop();
      throw error;
    });
    return this.starting;
  }

  /** Adds a stream; returns how to remove it. */
  add(listener: PokeListener): () => void {
    const team = this.listeners.get(listener.teamId) ?? new Set();
    team.add(listener);
    this.listeners.set(listener.teamId, team);
    return () => {
      team.delete(listener);
      if (team.size === 0) this.listeners.delete(listener.teamId);
    };
  }

  /** Wakes every stream of this process (a draining server tells them all to go). */
  pokeAll(kind: PokeKind): void {
    for (const team of this.listeners.values()) for (const listener of team) listener.poke(kind);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    const stops = this.stops;
    this.stops = [];
    await Promise.all(stops.map((stop) => stop().catch(() => undefined))); // closing anyway: nothing to report to
  }

  /** Finds what pokes may have missed: teams with changes past a stream's cursor, tokens gone. */
  async recheck(): Promise<void> {
    if (this.listeners.size === 0) return;
    const all = [...this.listeners.values()].flatMap((team) => [...team]);
    try {
      const [teams, tokens] = await Promise.all([
        // The newest change, not teams.last_seq: numbers drawn by retried or refused changes
        // leave gaps, and a stream's cursor never reaches a number no change holds.
        this.sql.query<{ id: number; last_seq: number | string }>(
          'SELECT team_id AS id, max(seq) AS last_seq FROM changes WHERE team_id IN (SELECT jsonb_array_elements_text($1::text::jsonb)::int) GROUP BY team_id',
          [JSON.stringify([...this.listeners.keys()])],
        ),
        this.sql.query<{ hash: string }>('SELECT hash FROM tokens WHERE hash IN (SELECT jsonb_array_elements_text($1::text::jsonb))', [
          JSON.stringify([...new Set(all.map((listener) => listener.tokenHash))]),
        ]),
      ]);
      const lastSeq = new Map(teams.map((team) => [team.id, Number(team.last_seq)]));
      const valid = new Set(tokens.map((token) => token.hash));
      for (const listener of all) {
        if (!valid.has(listener.tokenHash)) listener.poke('members');
        else if ((lastSeq.get(listener.teamId) ?? 0) > listener.cursor) listener.poke('changes');
      }
    } catch (error) {
      // The database is away: the streams' own reads fail and end them; the next recheck tries again.
      this.log(`live streams: the safety re-check failed (${(error as Error).message})`);
    }
  }

  private async listen(): Promise<void> {
    if (!this.sql.listen) throw new Error('this database connection cannot listen for notifications');
    const wake = (kind: PokeKind) => (payload: string) => {
      serverMetrics.pokes.inc();
      for (const listener of this.listeners.get(Number(payload)) ?? []) listener.poke(kind);
    };
    // Each (re)connection of the listener may follow missed pokes: look again at once.
    this.stops.push(await this.sql.listen(CHANGES_CHANNEL, wake('changes'), () => void this.recheck()));
    this.stops.push(await this.sql.listen(MEMBERS_CHANNEL, wake('members')));
    this.timer = setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
  }
}

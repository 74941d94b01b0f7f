/**
 * Pushes of one team, from this process, taken in turns and grouped: whatever arrived while
 * the team's previous transaction ran goes in the next one, together.
 *
 * Why: a push holds its team's row lock until it commits (see sync-store.ts), so a team's
 * pushes run one at a time whatever this process does. Left to the database, each waiting
 * push held a pooled connection, and a few busy teams held the whole pool while pulls and
 * sign-ins of every other team queued behind them (p95 of a pull 424 ms with 200 clients,
 * 67 ms once pushes waited here instead). Grouped, a team with twenty members typing pays
 * one transaction and one commit for what arrived together, not twenty.
 * Other server processes still meet this one at the row lock: nothing here is shared state.
 */
export class TeamPushQueue<Push, Result> {
  private readonly waiting = new Map<number, Waiting<Push, Result>[]>();
  private readonly running = new Set<number>();

  /** `run` writes a group of pushes in one transaction and answers each, in order. */
  constructor(
    private readonly run: (group: Push[]) => Promise<Result[]>,
    private readonly size: (push: Push) => number,
    private readonly maxGroupSize: number,
  ) {}

  push(teamId: number, push: Push): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.waiting.get(teamId) ?? [];
      queue.push({ push, resolve, reject });
      this.waiting.set(teamId, queue);
      if (!this.running.has(teamId)) void this.drain(teamId);
    });
  }

  private async drain(teamId: number): Promise<void> {
    this.running.add(teamId);
    try {
      for (let group = this.nextGroup(teamId); group.length > 0; group = this.nextGroup(teamId)) await this.runGroup(group);
    } finally {
      this.running.delete(teamId);
    }
  }

  /** The oldest waiting pushes, up to the group size (always at least one). */
  private nextGroup(teamId: number): Waiting<Push, Result>[] {
    const queue = this.waiting.get(teamId) ?? [];
    let taken = 0;
    let total = 0;
    while (taken < queue.length && (taken === 0 || total + this.size(queue[taken]!.push) <= this.maxGroupSize)) {
      total += this.size(queue[taken]!.push);
      taken += 1;
    }
    const group = queue.splice(0, taken);
    if (queue.length === 0) this.waiting.delete(teamId);
    return group;
  }

  private async runGroup(group: Waiting<Push, Result>[]): Promise<void> {
    try {
      const results = await this.run(group.map((waiting) => waiting.push));
      group.forEach((waiting, index) => waiting.resolve(results[index]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One push's failure must not fail the others in its group: each is tried alone.
      for (const waiting of group) {
        await this.run([waiting.push]).then(([result]) => waiting.resolve(result!), waiting.reject);
      }
    }
  }
}

interface Waiting<Push, Result> {
  push: Push;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

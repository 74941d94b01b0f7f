import { describe, expect, it } from 'vitest';
import { TeamPushQueue } from '../../server/storage/team-push-queue';

/** A run that records each group it was given, and answers each push with its own text. */
function recordingRun(fail: (push: string) => boolean = () => false) {
  const groups: string[][] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  return {
    groups,
    /** Holds the next runs until release() is called. */
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    run: async (group: string[]) => {
      groups.push([...group]);
      await gate;
      if (group.some(fail)) throw new Error(`refused ${group.filter(fail).join(',')}`);
      return group.map((push) => `done ${push}`);
    },
  };
}

describe('a team’s pushes in turns, grouped', () => {
  it('runs a push at once when its team is idle, and groups what arrives meanwhile, in order', async () => {
    const runner = recordingRun();
    const queue = new TeamPushQueue(runner.run, () => 1, 10);
    runner.hold();
    const first = queue.push(1, 'a');
    const later = [queue.push(1, 'b'), queue.push(1, 'c')];
    runner.release();
    runner.hold();
    expect(await first).toBe('done a');
    runner.release();
    expect(await Promise.all(later)).toEqual(['done b', 'done c']);
    expect(runner.groups).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps teams apart: another team’s push does not wait', async () => {
    const runner = recordingRun();
    const queue = new TeamPushQueue(runner.run, () => 1, 10);
    runner.hold();
    const blocked = queue.push(1, 'a');
    const other = queue.push(2, 'x');
    expect(runner.groups).toEqual([['a'], ['x']]);
    runner.release();
    expect(await Promise.all([blocked, other])).toEqual(['done a', 'done x']);
  });

  it('caps a group by size, and always takes at least one push', async () => {
    const runner = recordingRun();
    const queue = new TeamPushQueue(runner.run, (push: string) => push.length, 4);
    runner.hold();
    const pending = ['first', 'aa', 'bb', 'cc', 'toolarge'].map((push) => queue.push(1, push));
    runner.release();
    await Promise.all(pending);
    expect(runner.groups).toEqual([['first'], ['aa', 'bb'], ['cc'], ['toolarge']]);
  });

  it('a failing push fails alone: the others of its group are written one by one', async () => {
    const runner = recordingRun((push) => push === 'bad');
    const queue = new TeamPushQueue(runner.run, () => 1, 10);
    runner.hold();
    const first = queue.push(1, 'a');
    const group = ['b', 'bad', 'c'].map((push) => queue.push(1, push).catch((error: Error) => error.message));
    runner.release();
    await first;
    expect(await Promise.all(group)).toEqual(['done b', 'refused bad', 'done c']);
    expect(runner.groups).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('takes the team’s next pushes after a failure', async () => {
    const runner = recordingRun((push) => push === 'bad');
    const queue = new TeamPushQueue(runner.run, () => 1, 10);
    await expect(queue.push(1, 'bad')).rejects.toThrow('refused bad');
    expect(await queue.push(1, 'after')).toBe('done after');
  });
});

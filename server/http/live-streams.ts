// Each open live stream reads the database twice a second for up to ten minutes: one member
// opening a hundred took the server from 0.04 s to 3.3 s of CPU per 10 s (issue 21). So a
// member holds a few at a time, counted in this process (like the rate limits).
//
// A browser keeps one stream for all its tabs (the worker's), so a member's streams are their
// devices and browsers, plus connections that died unnoticed (a laptop closed mid-stream keeps
// its stream until the server next writes to it or its ten minutes end). When one too many
// opens, the OLDEST is ended, not the newest refused: the newest is the screen the person is
// looking at now, the oldest most likely a dead connection. The ended one is told when to come
// back, so devices taking turns cannot become a reconnect loop.

import { serverMetrics } from '../observability/metrics';

/** Live streams one member may hold open at once (in this server process). */
export const MAX_LIVE_STREAMS_PER_MEMBER = 4;
/** How long a superseded stream's client waits before opening another (seconds). */
export const SUPERSEDED_RETRY_AFTER_S = 30;

export interface LiveStream {
  /** True once a newer stream of the same member took this one's place. */
  readonly superseded: boolean;
  /** Called when a newer stream takes this one's place (a sleeping stream wakes to go). */
  onSuperseded(wake: () => void): void;
  /** The stream ended: it no longer counts. */
  leave(): void;
}

export class LiveStreams {
  private readonly byMember = new Map<number, Entry[]>();

  /** Counts a new stream of the member's, superseding their oldest when one too many. */
  enter(memberId: number): LiveStream {
    const open = this.byMember.get(memberId) ?? [];
    const entry: Entry = { superseded: false, wake: () => {} };
    open.push(entry);
    while (open.length > MAX_LIVE_STREAMS_PER_MEMBER) {
      const oldest = open.shift()!;
      oldest.superseded = true;
      oldest.wake();
    }
    this.byMember.set(memberId, open);
    // A superseded stream is open until it has told its client: it counts until it leaves.
    serverMetrics.liveStreams.inc();
    let left = false;
    return {
      get superseded() {
        return entry.superseded;
      },
      onSuperseded: (wake) => {
        entry.wake = wake;
      },
      leave: () => {
        if (left) return;
        left = true;
        serverMetrics.liveStreams.dec();
        this.leave(memberId, entry);
      },
    };
  }

  private leave(memberId: number, entry: Entry): void {
    const open = this.byMember.get(memberId);
    if (!open) return;
    const at = open.indexOf(entry);
    if (at >= 0) open.splice(at, 1);
    if (open.length === 0) this.byMember.delete(memberId);
  }
}

interface Entry {
  superseded: boolean;
  wake: () => void;
}

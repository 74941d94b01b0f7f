import cluster, { type Worker } from 'node:cluster';
import { DRAIN_LIMIT_MS } from './serve-process';

// `--workers N`: N server processes behind one address, Node's cluster sharing the listening
// socket. They share nothing in memory: the database orders and keeps everything, and its
// notifications wake live streams in every process (storage/team-pokes.ts). A process that dies
// is replaced; its clients' next requests go to the others meanwhile.

export function runWorkers(count: number, warn: (line: string) => void): void {
  let stopping = false;
  // Only a worker that had served is replaced: one that failed before listening (a database it
  // cannot reach, a bad setting) would fail again, over and over.
  const served = new Set<number>();
  for (let index = 0; index < count; index++) cluster.fork();
  cluster.on('listening', (worker: Worker) => served.add(worker.id));

  cluster.on('exit', (worker: Worker, code, signal) => {
    const hadServed = served.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    warn(`server process ${worker.process.pid} ended (${signal ?? `exit ${code}`})${hadServed ? '; starting another' : '; not restarted: it failed before it served'}`);
    if (hadServed) cluster.fork();
    else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Each worker exits within its own limit; the primary follows its last one, or this.
    setTimeout(() => process.exit(1), DRAIN_LIMIT_MS + 1_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite does not stop a second process from opening the same data directory, and two writers
// would corrupt it. Whoever opens it (the server, or a CLI command while no server runs) holds
// this file with its pid; a file left by a process that is gone is taken over.

export const LOCK_FILE = '.baton-lock';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE);
  try {
    await writeFile(file, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch {
    const holder = Number(await readFile(file, 'utf8').catch(() => ''));
    if (holder !== process.pid && isRunning(holder)) {
      throw new Error(`process ${holder} has the database in ${dataDir} open (a server still starting?); try again in a moment`);
    }
    await writeFile(file, String(process.pid), { mode: 0o600 });
  }
  return () => rm(file, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

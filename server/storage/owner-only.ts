import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// The embedded database's directory holds every email and draft of the team: only the server's
// own user may read or write it. PGlite sets its files' modes itself, whatever the process umask
// (checked with PGlite 0.5.17: a new database's WAL, catalogs and postgresql.conf come out 0666
// and pg_internal.init 0644 under umask 077 too), so they are put right after it writes them.
// The folder itself is 0700 from the start: nobody else can reach a file inside, whatever its mode.

/** Group and other permission bits. */
const OTHERS = 0o077;

/**
 * Takes group and other users' access off `dir` and everything under it (folders end 0700,
 * files 0600 when they started 0755/0666); symbolic links are left alone (chmod would follow
 * them out of the directory). Returns how many entries were open to others.
 */
export async function makeOwnerOnly(dir: string): Promise<number> {
  let opened = 0;
  for (const entry of ['', ...(await readdir(dir, { recursive: true }))]) {
    const path = join(dir, entry);
    const info = await lstat(path);
    if (info.isSymbolicLink() || (info.mode & OTHERS) === 0) continue;
    await chmod(path, info.mode & 0o7700 & ~OTHERS);
    opened += 1;
  }
  return opened;
}

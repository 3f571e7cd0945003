// Deletes the folders it is given: what a build set aside to delete (see `deleteInBackground` in
// scripts/build.ts), in a process that the build does not wait for.
// Usage: node src/cli/delete-later.ts <folder>...
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** A folder's folders' entries: deleted several at once, which keeps the disk busy. */
function parts(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return entry.isDirectory() ? readdirSync(full).map((name) => path.join(full, name)) : [full];
    });
  } catch {
    // Gone already: another build's deleting process took it.
    return [];
  }
}

for (const folder of process.argv.slice(2)) {
  await Promise.all(parts(folder).map((part) => rm(part, { recursive: true, force: true }).catch(() => undefined)));
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
}

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { msg } from '../lib/messages.ts';
import { bytePosition, firstInvalidUtf8 } from '../lib/utf8.ts';

/** A path in the content folder that is a link to somewhere outside it: it is never read. */
export interface OutsideLink {
  /** Relative to the content folder, with `/`. */
  path: string;
  directory: boolean;
}

/** What the content folder holds: its files, and the links that leave it. */
export interface ContentFiles {
  files: string[];
  outside: OutsideLink[];
}

/** Whether `real` is `root` or inside it. */
function within(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists the content folder's files (not those whose names start with a dot). A symbolic link whose
 * real path stays inside the folder is followed; one that leaves it, or is broken, is listed in
 * `outside` and not followed, so that nothing outside the folder is ever read or published.
 */
export function listContentFiles(dir: string): ContentFiles {
  const files: string[] = [];
  const outside: OutsideLink[] = [];
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return { files, outside };
  }
  const seen = new Set<string>([root]);
  const visit = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = path.join(folder, name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      let directory: boolean;
      try {
        const link = lstatSync(full);
        directory = link.isDirectory();
        if (link.isSymbolicLink()) {
          const real = realpathSync(full);
          directory = statSync(real).isDirectory();
          if (!within(root, real)) {
            outside.push({ path: relative, directory });
            continue;
          }
          // A link to a folder already listed (a loop, or a second name) is not listed again.
          if (directory && seen.has(real)) continue;
          if (directory) seen.add(real);
        }
      } catch {
        // A broken link: nothing to read.
        outside.push({ path: relative, directory: false });
        continue;
      }
      if (directory) visit(full);
      else files.push(relative);
    }
  };
  visit(dir);
  return { files, outside };
}

/** Whether `file` (relative to the content folder) is, once links are followed, inside it. */
export function insideContentFolder(dir: string, file: string): boolean {
  try {
    return within(realpathSync(dir), realpathSync(path.join(dir, file)));
  } catch {
    return false;
  }
}

/** A content file that is not UTF-8: where its first bad byte is. */
export class NotUtf8Error extends Error {
  readonly line: number;
  readonly column: number;
  constructor(line: number, column: number, byte: number) {
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    super(msg('problem.notUtf8', { hex }));
    this.line = line;
    this.column = column;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a content file's bytes as UTF-8 (a byte order mark at the start is kept, as Node keeps it). Throws `NotUtf8Error`. */
export function decodeContent(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = bytePosition(bytes, Math.max(0, offset));
    throw new NotUtf8Error(line, column, bytes[Math.max(0, offset)]!);
  }
}

/** A content file's text. Throws `NotUtf8Error` when it is not UTF-8. */
export function readContentText(dir: string, file: string): string {
  return decodeContent(readFileSync(path.join(dir, file)));
}

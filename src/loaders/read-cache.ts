import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

const SRC = fileURLToPath(new URL('..', import.meta.url));
// The code that turns a content file into what is kept for it: its parsers, schemas and checks, and
// the dictionaries its messages are written from.
const READING_CODE = ['lib', 'loaders', 'schemas', 'i18n'].map((folder) => path.join(SRC, folder));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.(ts|json)$/.test(entry.name) ? [path.join(dir, entry.name)] : []))
    .sort();
}

/**
 * A digest of the code that reads content files and of the installed packages' versions: when
 * either changes, every reading kept from before is of no use.
 */
function readingCodeDigest(): string {
  const hash = createHash('sha256');
  for (const file of READING_CODE.flatMap(sourceFiles)) hash.update(path.relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  try {
    hash.update(readFileSync(path.join(SRC, '..', 'package-lock.json')));
  } catch {
    hash.update('no lockfile');
  }
  return hash.digest('hex');
}

interface Stored {
  code: string;
  /** Each reading, serialised on its own. */
  entries: Map<string, Uint8Array>;
}

/**
 * What reading each content file gave in the last build, by the file's name and text. A build reads,
 * checks and renders again only the files that changed since: on a commit that changes one meeting,
 * one file instead of thousands. Checks across files are not kept; they run on every build.
 */
export class ReadCache {
  readonly #file: string;
  readonly #code: string;
  readonly #kept: Map<string, Uint8Array>;
  /**
   * What this build read, kept or not: all that the next build can use. Serialised as it comes in,
   * so that what the rest of a build does with a reading cannot change what is kept of it.
   */
  readonly #used = new Map<string, Uint8Array>();

  private constructor(file: string, code: string, kept: Map<string, Uint8Array>) {
    this.#file = file;
    this.#code = code;
    this.#kept = kept;
  }

  /** Opens the cache kept in `file`. A missing, unreadable or outdated file gives an empty cache. */
  static open(file: string): ReadCache {
    const code = readingCodeDigest();
    let kept = new Map<string, Uint8Array>();
    try {
      const stored = deserialize(readFileSync(file)) as Stored;
      if (stored.code === code && stored.entries instanceof Map) kept = stored.entries;
    } catch {
      // Nothing kept yet, or a file from another version: everything is read afresh.
    }
    return new ReadCache(file, code, kept);
  }

  /** The key of a file with this name and text. */
  static key(file: string, text: string | Buffer): string {
    return createHash('sha256').update(file).update('\0').update(text).digest('base64url');
  }

  /** What reading the file with this key gave, if it was kept. */
  get<T>(key: string): T | undefined {
    const stored = this.#kept.get(key);
    if (stored === undefined) return undefined;
    this.#used.set(key, stored);
    return deserialize(stored) as T;
  }

  /** Keeps what reading a file gave. */
  set(key: string, value: unknown): void {
    this.#used.set(key, serialize(value));
  }

  /** How many files this build found in the cache. */
  get hits(): number {
    let hits = 0;
    for (const key of this.#used.keys()) if (this.#kept.has(key)) hits++;
    return hits;
  }

  /**
   * Writes what this build read, and nothing else, so that the cache does not grow with every
   * version of every file. Written under another name first: a build stopped halfway leaves the last
   * whole cache.
   */
  save(): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const partial = `${this.#file}.${process.pid}.part`;
    writeFileSync(partial, serialize({ code: this.#code, entries: this.#used } satisfies Stored));
    renameSync(partial, this.#file);
  }
}

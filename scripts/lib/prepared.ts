// What the check step of a build (build-check.ts) hands on to the rest of it (build.ts), in files:
// kept apart from the check itself, so that the process that waits on Astro loads none of the reader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import type { CardText } from './share-images.ts';

/** What the build needs of the checked content while Astro renders it. */
export interface Prepared {
  asOf: string;
  summary: string;
  cards: Array<{ file: string; card: CardText }>;
}

/** The files `build-check.ts` writes into the work folder. */
export function preparedFiles(work: string): { snapshot: string; prepared: string; search: string } {
  return { snapshot: path.join(work, 'content.bin'), prepared: path.join(work, 'prepared.bin'), search: path.join(work, 'search.bin') };
}

/** Reads what `build-check.ts` prepared. */
export function readPrepared(work: string): Prepared {
  return deserialize(readFileSync(preparedFiles(work).prepared)) as Prepared;
}

/** Reads the search index's records that `build-check.ts` prepared. */
export function readSearchRecords(work: string): SearchRecord[] {
  return deserialize(readFileSync(preparedFiles(work).search)) as SearchRecord[];
}


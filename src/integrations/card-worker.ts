// Draws the share cards on a thread of its own (src/integrations/share-cards.ts): painting and
// compressing 4,000 cards is seconds of JavaScript that would otherwise take turns with Astro's
// writing of the pages on the build's main thread. It is given only the cards not in the cache.
import { parentPort, workerData } from 'node:worker_threads';
import { drawMissingCards } from './card-image.ts';
import type { MissingCard } from './card-image.ts';

const { missing } = workerData as { missing: MissingCard[] };
await drawMissingCards(missing);
parentPort!.postMessage('drawn');

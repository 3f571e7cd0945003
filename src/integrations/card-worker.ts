// Draws the share cards on a thread of its own (src/integrations/share-cards.ts): painting and
// compressing 4,000 cards is seconds of JavaScript that would otherwise take turns with Astro's
// writing of the pages on the build's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { drawShareImages } from './card-image.ts';
import type { Card } from './card-image.ts';

const { cards, cacheDir } = workerData as { cards: Card[]; cacheDir: string };
parentPort!.postMessage(await drawShareImages(cards, cacheDir));

import * as pagefind from 'pagefind';
import type { ContentModel } from '../../src/lib/content-model.ts';
import type { SiteModel } from '../../src/lib/site-model.ts';
import type { PathContext } from '../../src/lib/paths.ts';
import { toSearchRecords } from '../../src/lib/search-records.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import { TASK_STATE_KEYS, taskState, taskViewsById } from '../../src/lib/site-views.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { UiKey } from '../../src/i18n/translate.ts';

/** What the search index holds: every meeting and task, in each language. */
export function searchIndexRecords(model: SiteModel, content: ContentModel, html: ReadonlyMap<string, string>, ctx: PathContext): SearchRecord[] {
  const bodies = new Map(content.meetings.map((m) => [`${m.id}.${m.lang}`, html.get(m.file) ?? '']));
  const views = taskViewsById(model);
  return toSearchRecords(model, ctx, bodies, (lang) => {
    const t = translator(lang);
    return {
      meeting: t('search.meeting'),
      task: t('search.task'),
      level: (level) => t(`level.${level}` as UiKey),
      status: (id) => t(TASK_STATE_KEYS[taskState(views.get(id)!)]),
    };
  });
}

/** Records sent to Pagefind before waiting for its answers. */
const IN_FLIGHT = 256;

/** A Pagefind index that holds its records and is still to be written. */
export interface FilledIndex {
  records: number;
  /** Writes the index into `outputPath` (the site's `pagefind/` folder). */
  write(outputPath: string): Promise<void>;
}

/** Stops Pagefind's service, whether an index was written or the build stopped before; once stopped, nothing. */
export function closeSearchIndex(): Promise<void> {
  return pagefind.close().then(() => undefined);
}

/**
 * Gives `records` to Pagefind, which reads each as it comes. Writing the index, which is when
 * Pagefind needs the most memory, is left to the caller, so that it can be done apart from the
 * rest of a build.
 */
export async function fillSearchIndex(records: readonly SearchRecord[]): Promise<FilledIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  // Sent many at a time rather than one answer at a time: Pagefind's service takes its messages in
  // the order they were sent, one after another, so the index is the same, in half the time. A few
  // hundred at a time keep it busy without queueing every record's message in memory at once.
  for (let from = 0; from < records.length; from += IN_FLIGHT) {
    const added = await Promise.all(records.slice(from, from + IN_FLIGHT).map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`search index: ${failed.join('; ')}`);
  }
  return {
    records: records.length,
    async write(outputPath) {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    },
  };
}

import * as pagefind from 'pagefind';
import type { ContentModel } from '../../src/lib/content-model.ts';
import type { SiteModel } from '../../src/lib/site-model.ts';
import type { PathContext } from '../../src/lib/paths.ts';
import { toSearchRecords } from '../../src/lib/search-records.ts';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import { TASK_STATE_KEYS, taskState } from '../../src/lib/site-views.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { UiKey } from '../../src/i18n/translate.ts';

/** What the search index holds: every meeting and task, in each language. */
export function searchIndexRecords(model: SiteModel, content: ContentModel, html: ReadonlyMap<string, string>, ctx: PathContext): SearchRecord[] {
  const bodies = new Map(content.meetings.map((m) => [`${m.id}.${m.lang}`, html.get(m.file) ?? '']));
  const views = new Map(model.tasks.map((v) => [v.task.id, v]));
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

/** Writes the Pagefind index of `records` into `outputPath` (the site's `pagefind/` folder). Returns how many it holds. */
export async function writeSearchIndex(outputPath: string, records: readonly SearchRecord[]): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return records.length;
}

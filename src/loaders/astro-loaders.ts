import type { Loader } from 'astro/loaders';
import { contentDir, readContent } from './content-reader.ts';
import type { ContentRead } from './content-reader.ts';
import { formatProblem } from '../lib/problems.ts';

let cached: { dir: string; read: ContentRead } | undefined;

/** Reads the content folder once per build for all collections; fails on any content error. */
function readChecked(dir: string): ContentRead {
  if (cached?.dir !== dir) cached = { dir, read: readContent(dir) };
  const { read } = cached;
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !read.model) {
    throw new Error(`content in ${dir} has ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
  }
  return read;
}

/** Forgets the last read, so that the next load sees changed files (used by the dev server's watcher). */
export function forgetContent(): void {
  cached = undefined;
}

type Kind = 'site' | 'programmes' | 'units' | 'tasks' | 'meetings';

/** A loader for one kind of content, reading `CONTENT_DIR` with the same reader as the validator. */
export function contentLoader(kind: Kind): Loader {
  return {
    name: `content-${kind}`,
    load: async ({ store, logger, watcher }) => {
      const dir = contentDir();
      if (watcher) {
        watcher.add(dir);
        watcher.on('all', (_event, changed) => {
          if (changed.startsWith(dir)) forgetContent();
        });
      }
      const { model, html, problems } = readChecked(dir);
      for (const warning of problems) if (kind === 'site') logger.warn(formatProblem(warning));
      store.clear();
      const m = model!;
      if (kind === 'site') store.set({ id: 'site', data: { ...m.site } });
      if (kind === 'programmes') for (const { data } of m.programmes) store.set({ id: data.id, data: { ...data } });
      if (kind === 'units') for (const { data } of m.units) store.set({ id: data.id, data: { ...data } });
      if (kind === 'tasks') for (const { data, file } of m.tasks) store.set({ id: data.id, data: { ...data, file } });
      if (kind === 'meetings') {
        for (const meeting of m.meetings) {
          store.set({
            id: `${meeting.id}.${meeting.lang}`,
            data: { ...meeting.data, meeting: meeting.id, lang: meeting.lang, file: meeting.file },
            body: meeting.body,
            rendered: { html: html.get(meeting.file) ?? '', metadata: {} },
          });
        }
      }
    },
  };
}

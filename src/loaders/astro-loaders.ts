import path from 'node:path';
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
    load: async ({ store, logger, watcher, parseData }) => {
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
      // Images are resolved by Astro relative to the entry's file, written relative to the project root.
      const entryFile = (file: string) => path.relative(process.cwd(), path.join(dir, file)).split(path.sep).join('/');
      const fromFile = (file: string, src: string) => {
        const relative = path.posix.relative(path.posix.dirname(file), src);
        return relative.startsWith('.') ? relative : `./${relative}`;
      };
      if (kind === 'site') {
        const data = { ...m.site, logo: m.site.logo && fromFile('site.yaml', m.site.logo) };
        const filePath = entryFile('site.yaml');
        store.set({ id: 'site', data: await parseData({ id: 'site', data, filePath }), filePath });
      }
      if (kind === 'programmes') for (const { data } of m.programmes) store.set({ id: data.id, data: { ...data } });
      if (kind === 'units') for (const { data } of m.units) store.set({ id: data.id, data: { ...data } });
      if (kind === 'tasks') for (const { data, file } of m.tasks) store.set({ id: data.id, data: { ...data, file } });
      if (kind === 'meetings') {
        for (const meeting of m.meetings) {
          const id = `${meeting.id}.${meeting.lang}`;
          const filePath = entryFile(meeting.file);
          const images = meeting.data.images?.map((image) => ({ ...image, src: fromFile(meeting.file, image.src) }));
          const data = { ...meeting.data, images, meeting: meeting.id, lang: meeting.lang, file: meeting.file };
          store.set({
            id,
            data: await parseData({ id, data, filePath }),
            body: meeting.body,
            filePath,
            rendered: { html: html.get(meeting.file) ?? '', metadata: {} },
          });
        }
      }
    },
  };
}

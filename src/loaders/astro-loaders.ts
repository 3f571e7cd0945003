import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir, readContent } from './content-reader.ts';
import type { ContentRead } from './content-reader.ts';
import { formatProblem } from '../lib/problems.ts';
import { waitForFile } from './wait-for-file.ts';
import { chooseMessageLang } from './site-config.ts';
import { setPreviewProblems } from '../lib/preview-problems.ts';

type Read = Omit<ContentRead, 'position'>;

let cached: { key: string; read: Read } | undefined;
let snapshot: Promise<Read> | undefined;

/**
 * The content as `npm run build` has just read and checked it, handed over in `CONTENT_SNAPSHOT`
 * (written by `scripts/lib/build-check.ts`), so that a build reads and renders every file once, not
 * twice. The build starts Astro beside the check, so that Astro's own start overlaps it: the file
 * may not be there yet, and is waited for. Waiting stops if the build (`BUILD_PID`) has gone,
 * stopped from outside; when the check finds errors, the build stops Astro itself.
 */
function snapshotRead(): Promise<Read> | undefined {
  const file = process.env.CONTENT_SNAPSHOT;
  if (!file) return undefined;
  // The build's process id, as it gave it: by the time this runs, a stopped build's Astro may
  // already have another parent.
  const build = Number(process.env.BUILD_PID) || process.ppid;
  snapshot ??= waitForFile(file, build).then(() => deserialize(readFileSync(file)) as Read);
  return snapshot;
}

// What the content folder holds now: every file with its size and time. Collections share one read
// per state of the folder, so a build reads it once and the dev server again after each change.
function fingerprint(dir: string, read?: Read): string {
  const files = read?.model?.files ?? new Set<string>();
  const parts = [...files].map((file) => {
    try {
      const s = statSync(path.join(dir, file));
      return `${file}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${file}:gone`;
    }
  });
  return `${dir}\n${parts.join('\n')}`;
}

function currentRead(dir: string): Read {
  if (cached && cached.key === fingerprint(dir, cached.read) && cached.key.startsWith(`${dir}\n`)) return cached.read;
  // Problems are written in the site's default language (MESSAGES_LANG asks for another).
  chooseMessageLang(process.env.MESSAGES_LANG || undefined, dir);
  const read = readContent(dir);
  cached = { key: fingerprint(dir, read), read };
  return read;
}

const KINDS = ['site', 'programmes', 'units', 'tasks', 'meetings'] as const;
type Kind = (typeof KINDS)[number];

/** The collections that have yet to take their part of the snapshot; once none has, it is let go. */
const toTake = new Set<Kind>(KINDS);

async function fill(kind: Kind, dir: string, read: Read, { store, parseData }: LoaderContext): Promise<void> {
  const m = read.model!;
  store.clear();
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
        // The reader has checked the data against the same schema; Astro's pass is needed only to
        // turn photo paths into processed images.
        data: images ? await parseData({ id, data, filePath }) : data,
        filePath,
        rendered: { html: read.html.get(meeting.file) ?? '', metadata: {} },
      });
    }
  }
}

/**
 * A loader for one kind of content, reading `CONTENT_DIR` with the same reader as the validator.
 * A build stops on any content error. The dev server prints the errors in the validator's format,
 * lists them on every page previewed, and keeps showing the last good content until they are fixed.
 */
export function contentLoader(kind: Kind): Loader {
  return {
    name: `content-${kind}`,
    load: async (context) => {
      const dir = contentDir();
      const checked = context.watcher ? undefined : await snapshotRead();
      const current = () => checked ?? currentRead(dir);
      const sync = async (): Promise<boolean> => {
        const read = current();
        const errors = read.problems.filter((p) => p.severity === 'error');
        // One collection speaks for all, so each problem is printed once, and shown in the preview.
        if (kind === 'site') {
          if (context.watcher) setPreviewProblems(read.problems);
          for (const problem of read.problems) {
            if (problem.severity === 'error') context.logger.error(formatProblem(problem));
            else context.logger.warn(formatProblem(problem));
          }
        }
        if (errors.length > 0 || !read.model) return false;
        await fill(kind, dir, read, context);
        return true;
      };
      if (context.watcher) {
        context.watcher.add(dir);
        context.watcher.on('all', (_event, changed) => {
          if (changed.startsWith(dir)) void sync();
        });
        await sync();
        return;
      }
      const synced = await sync();
      // What the collections took stays in Astro's store: the rest (the Markdown sources, the
      // files' positions) need not stay in memory while Astro renders.
      toTake.delete(kind);
      if (toTake.size === 0) snapshot = undefined;
      if (!synced) {
        const errors = current().problems.filter((p) => p.severity === 'error');
        throw new Error(`content in ${dir} has ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
      }
    },
  };
}

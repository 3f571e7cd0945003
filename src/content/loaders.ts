import { statSync } from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir } from './reader.ts';
import { readContentOnTwoThreads } from './two-threads.ts';
import type { ContentRead, RenderedBefore } from './reader.ts';
import { NOT_RENDERED } from '../lib/markdown.ts';
import type { RenderedBody } from '../lib/markdown.ts';
import { formatProblem } from '../lib/problems.ts';
import { chooseMessageLang } from './site-config.ts';
import { messageLang, msgCount } from '../lib/messages.ts';
import { setPreviewProblems } from '../lib/preview-problems.ts';
import { rendererDigest } from './renderer-digest.ts';

const KINDS = ['site', 'programmes', 'units', 'tasks', 'meetings'] as const;
type Kind = (typeof KINDS)[number];

/** A build stopped by errors in the content, which have been printed already. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
}

// What the content folder holds now: every file with its size and time. Collections share one read
// per state of the folder, so a build reads it once and the dev server again after each change.
function fingerprint(dir: string, read?: ContentRead): string {
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

/** What the last read gave, and the state of the folder it read. */
let current: { key: string; read: ContentRead } | undefined;
let reading: Promise<ContentRead> | undefined;

/** The reads whose problems have been printed. */
const reported = new WeakSet<ContentRead>();

/** The meetings collection's loader context: its store holds each body as the last read rendered it. */
let meetingsContext: LoaderContext | undefined;
let meetingsLoaderCalled!: () => void;
/**
 * Settled once the meetings collection's loader has been called. Astro calls every collection's
 * loader at once, each after its context is made, which may take the event loop several turns (the
 * first digest function loads a WebAssembly module): another collection's loader may come first.
 */
const meetingsLoader = new Promise<void>((resolve) => (meetingsLoaderCalled = resolve));

/** Each meeting file's source digest (see `renderings`) in the last read. */
const sources = new Map<string, string>();

interface StoredRendering {
  /** A digest of the file's text, of the language its warnings are written in and of the code that rendered it. */
  source: string;
  /** The file in the content folder. */
  file: string;
  removed: RenderedBody['removed'];
}

/**
 * Meeting bodies as the store holds them from the last read: a file whose text, message language
 * and rendering code (src/content/renderer-digest.ts) are the same is not rendered again. The digest
 * of each file read is kept in `sources`; `taken` counts the bodies given.
 */
function renderings(context: LoaderContext): RenderedBefore & { taken: number } {
  const byFile = new Map<string, RenderedBody & { source: string }>();
  for (const entry of context.store.values()) {
    const stored = entry.rendered?.metadata as Partial<StoredRendering> | undefined;
    if (entry.rendered && stored?.source && stored.file) byFile.set(stored.file, { html: entry.rendered.html, removed: stored.removed ?? [], source: stored.source });
  }
  sources.clear();
  const code = rendererDigest();
  const given = (file: string, text: string) => {
    const source = context.generateDigest(`${code}\n${messageLang()}\n${text}`);
    sources.set(file, source);
    const before = byFile.get(file);
    if (!before || before.source !== source) return undefined;
    given.taken++;
    return { html: before.html, removed: before.removed };
  };
  given.taken = 0;
  return given;
}

/** The content as read now: read again only when a file of the folder has changed since. */
async function readNow(dir: string): Promise<ContentRead> {
  // The bodies the last read rendered are in the meetings collection's store.
  await meetingsLoader;
  if (current && current.key === fingerprint(dir, current.read)) return current.read;
  reading ??= (async () => {
    // Problems are written in the site's default language (MESSAGES_LANG asks for another).
    chooseMessageLang(process.env.MESSAGES_LANG || undefined, dir);
    const renderedBefore = renderings(meetingsContext!);
    const read = await readContentOnTwoThreads(dir, { renderedBefore });
    meetingsContext!.logger.info(`bodies: ${read.rendered.size - renderedBefore.taken} rendered, ${renderedBefore.taken} as the last read rendered them`);
    current = { key: fingerprint(dir, read), read };
    return read;
  })().finally(() => (reading = undefined));
  return reading;
}

/** A content entry's digest: what Astro's store compares to skip an entry that has not changed. */
function digestOf(context: LoaderContext, value: unknown): string {
  return context.generateDigest(JSON.stringify(value) ?? '');
}

/** Puts one kind of content into its collection: entries whose digest is unchanged are left as they are. */
async function fill(kind: Kind, dir: string, read: ContentRead, context: LoaderContext): Promise<void> {
  const { store, parseData } = context;
  const m = read.model!;
  const kept = new Set<string>();
  const set = (entry: Parameters<LoaderContext['store']['set']>[0]) => {
    kept.add(entry.id);
    store.set(entry);
  };
  // Images are resolved by Astro relative to the entry's file, written relative to the project root.
  const entryFile = (file: string) => path.relative(process.cwd(), path.join(dir, file)).split(path.sep).join('/');
  const fromFile = (file: string, src: string) => {
    const relative = path.posix.relative(path.posix.dirname(file), src);
    return relative.startsWith('.') ? relative : `./${relative}`;
  };
  const plain = (id: string, data: Record<string, unknown>) => set({ id, data, digest: digestOf(context, data) });
  if (kind === 'site') {
    // With how many entries each other collection holds: an empty one is not asked for (src/data/content.ts).
    const entries = { programmes: m.programmes.length, units: m.units.length, tasks: m.tasks.length, meetings: m.meetings.length };
    const data = { ...m.site, logo: m.site.logo && fromFile('site.yaml', m.site.logo), entries };
    const filePath = entryFile('site.yaml');
    // With the file's path: its photos and logo are resolved from it, so the same data read from
    // another content folder is another entry.
    const digest = digestOf(context, [data, filePath]);
    set(store.get('site')?.digest === digest ? store.get('site')! : { id: 'site', data: await parseData({ id: 'site', data, filePath }), filePath, digest });
  }
  if (kind === 'programmes') for (const { data } of m.programmes) plain(data.id, { ...data });
  if (kind === 'units') for (const { data } of m.units) plain(data.id, { ...data });
  if (kind === 'tasks') for (const { data, file } of m.tasks) plain(data.id, { ...data, file });
  if (kind === 'meetings') {
    for (const meeting of m.meetings) {
      const id = `${meeting.id}.${meeting.lang}`;
      const filePath = entryFile(meeting.file);
      const images = meeting.data.images?.map((image) => ({ ...image, src: fromFile(meeting.file, image.src) }));
      // With the fields that a translation shares with this one.
      const data = { ...meeting.data, images, meeting: meeting.id, lang: meeting.lang, file: meeting.file };
      const source = sources.get(meeting.file) ?? '';
      const digest = digestOf(context, [data, source, filePath]);
      if (store.get(id)?.digest === digest) {
        kept.add(id);
        continue;
      }
      const rendered = read.rendered.get(meeting.file) ?? NOT_RENDERED;
      const metadata: StoredRendering = { source, file: meeting.file, removed: rendered.removed };
      set({
        id,
        // The reader has checked the data against the same schema; Astro's pass is needed only to
        // turn photo paths into processed images.
        data: images ? await parseData({ id, data, filePath }) : data,
        filePath,
        rendered: { html: rendered.html, metadata: { ...metadata } },
        digest,
      });
    }
  }
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}

/**
 * A loader for one kind of content, reading `CONTENT_DIR` with the same reader as the validator.
 * A build stops on any content error, with every problem printed as the validator prints it. The
 * dev server prints the errors in the validator's format, lists them on every page previewed, and
 * keeps showing the last good content until they are fixed.
 */
export function contentLoader(kind: Kind): Loader {
  return {
    name: `content-${kind}`,
    load: async (context) => {
      const dir = contentDir();
      if (kind === 'meetings') {
        meetingsContext = context;
        meetingsLoaderCalled();
      }
      const sync = async (): Promise<ContentRead | undefined> => {
        const read = await readNow(dir);
        const errors = read.problems.filter((p) => p.severity === 'error');
        // The first collection to have the read speaks for all, so each problem is printed once, and
        // shown in the preview, before any collection stops the build over an error.
        if (!reported.has(read)) {
          reported.add(read);
          if (context.watcher) {
            setPreviewProblems(read.problems);
            for (const problem of read.problems) {
              if (problem.severity === 'error') context.logger.error(formatProblem(problem));
              else context.logger.warn(formatProblem(problem));
            }
          } else {
            // A build prints them as the validator does, one a line, with nothing before them.
            process.stderr.write(read.problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
          }
        }
        if (errors.length > 0 || !read.model) return undefined;
        await fill(kind, dir, read, context);
        return read;
      };
      if (context.watcher) {
        context.watcher.add(dir);
        context.watcher.on('all', (_event, changed) => {
          if (changed.startsWith(dir)) void sync();
        });
        await sync();
        return;
      }
      if (!(await sync())) {
        const errors = (await readNow(dir)).problems.filter((p) => p.severity === 'error').length;
        throw new ContentErrors(msgCount('cli.contentErrors', errors));
      }
    },
  };
}

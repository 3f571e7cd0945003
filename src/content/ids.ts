// The ids the web editor offers as choices, read from the content folder. Only files inside the
// folder are read (src/content/files.ts); a file that cannot be read offers none, as the
// validator reports it.
import { parse } from 'yaml';
import type { ContentIds } from '../lib/cms-config.ts';
import type { SiteModel } from '../lib/site-model.ts';
import { insideContentFolder, listContentFiles, readContentText } from './files.ts';
import { readSiteConfig } from './site-config.ts';

/** The `id`s of a YAML list file; none when it is missing, unreadable, outside the folder or not a list. */
function listIds(dir: string, file: string): string[] {
  try {
    if (!insideContentFolder(dir, file)) return [];
    const data = parse(readContentText(dir, file)) as unknown;
    if (!Array.isArray(data)) return [];
    return data.map((item: unknown) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** The task files' names in `tasks/`, in order. */
function taskFilesIn(dir: string): string[] {
  return listContentFiles(dir)
    .files.filter((file) => /^tasks\/[^/]+\.ya?ml$/.test(file))
    .map((file) => file.slice('tasks/'.length))
    .sort();
}

/** What the editor's choices come from: the languages, the task files, and the ids of tasks, units and programmes, each in order. */
export function readContentIds(dir: string): ContentIds {
  const { locales, defaultLocale } = readSiteConfig(dir);
  const taskFiles = taskFilesIn(dir);
  return {
    locales,
    defaultLocale,
    taskFiles,
    tasks: [...new Set(taskFiles.flatMap((file) => listIds(dir, `tasks/${file}`)))].sort(),
    units: listIds(dir, 'units.yaml').sort(),
    programmes: listIds(dir, 'programmes.yaml').sort(),
  };
}

/**
 * The same choices from the content a build has already read and checked (its site model), so that
 * its files are not parsed again: only the names of the task files are listed.
 */
export function contentIdsOf(dir: string, model: SiteModel): ContentIds {
  return {
    locales: [...model.site.locales],
    defaultLocale: model.defaultLocale,
    taskFiles: taskFilesIn(dir),
    tasks: [...new Set(model.tasks.map(({ task }) => task.id))].sort(),
    units: model.units.map((unit) => unit.id).sort(),
    programmes: model.programmes.map((programme) => programme.id).sort(),
  };
}

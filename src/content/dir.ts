import path from 'node:path';

/** The content folder: `CONTENT_DIR`, default `content`, relative to the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR || 'content');
}

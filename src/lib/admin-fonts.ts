// The fonts Sveltia CMS's styles ask a CDN for, and the npm packages that hold the same files, so that
// the editor can be served with every file from the site itself.

/** A font of the editor: where its script asks for it, and the package file that is served instead. */
export interface AdminFont {
  name: string;
  cdn: string;
  file: string;
}

export const ADMIN_FONTS: readonly AdminFont[] = [
  {
    name: 'material-symbols-outlined',
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    file: '@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2',
  },
  {
    name: 'source-sans-3',
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    file: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
  },
  {
    name: 'noto-mono',
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
    file: '@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2',
  },
];

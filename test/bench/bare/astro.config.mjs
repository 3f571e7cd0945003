// The baseline the benchmark compares with: plain Astro, Markdown pages, a minimal layout.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  // Its own cache (rendered Markdown, kept for its next build), apart from the project's.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
});

// The baseline the benchmark compares with: plain Astro, Markdown pages, a minimal layout.
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: process.env.ASTRO_OUT_DIR || 'dist', devToolbar: { enabled: false } });

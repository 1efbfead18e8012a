// Builds the plan's admin page to static files (dist/). No dev server, no
// React plugin: esbuild's automatic JSX runtime is all the page needs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    // The plan's imports: '@/lib/socket', '@/components/ui/card', ...
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    rollupOptions: {
      // The plan's 'use client' is a Next.js directive; a bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warning.code !== 'SOURCEMAP_ERROR') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});

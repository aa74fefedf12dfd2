import { defineConfig } from 'vite';

const at = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

// Built into the root dist/ beside the api, which serves it at `/` (apps/api/src/console).
export default defineConfig({
  root: at('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: at('../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // AntD marks its modules "use client" for server rendering, which a browser bundle has no use for.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});

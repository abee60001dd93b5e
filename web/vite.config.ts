import { defineConfig } from 'vitest/config';

// A static single-page app: `vite build` writes dist/, which scripts/dev-node.sh serves beside
// the dev chain. Relative asset paths so dist/ works from any directory or sub-path.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});

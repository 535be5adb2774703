// The HTML report's script: src/report/page.ts with Observable Plot bundled into one IIFE, inlined into each
// report (no server, no network). Built after vite.node.config.ts, into the same dist/node folder.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/node',
    emptyOutDir: false, // dist/node holds the CLI built just before
    minify: true,
    lib: { entry: 'src/report/page.ts', name: 'cakeReport', formats: ['iife'], fileName: () => 'report-page.js' },
  },
});

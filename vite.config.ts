// The browser demo's build and dev server. Cross-origin isolation makes SharedArrayBuffer work in the page.
import { defineConfig } from 'vite';
import { watPlugin } from './scripts/vite-wat-plugin.ts';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [watPlugin()], // src/simd/*.wat compiled to bytes at build time
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: { format: 'es', plugins: () => [watPlugin()] }, // worker bundles take their own plugins: friends import the kernel
  build: { target: 'es2022', outDir: 'dist/web' },
});

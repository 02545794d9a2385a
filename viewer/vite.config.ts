// `vite build viewer` (npm run build:viewer) → viewer/dist, which `kg serve` serves with the API under /api.
// `vite viewer` is the dev server: it forwards /api to a `kg serve` on its default port.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:5173' } },
});

// Builds the benchmark page: the renderer's real register-search module over real IndexedDB in Chromium.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../out/register-search', import.meta.url)), emptyOutDir: true, target: 'es2022' },
});

// Renderer build (house rules §2): root src/renderer → dist/renderer, relative base so the same files load
// from app://secretariat/ (Electron) and from the web host. No remote URL anywhere: the pdf.js worker is
// bundled as a file of the build (see src/renderer/lib/pdf.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // Inline assets would become data: URLs; keep every asset a file served by 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
});

// Preload build for Electron Forge's VitePlugin. A sandboxed preload must be one CommonJS file with no require()
// of app code (Electron docs, "Sandboxed preload scripts"); the plugin's defaults give CJS and no code splitting,
// and the file is named preload.cjs, next to main.js, where main.ts looks for it.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'chrome140',
    sourcemap: true,
    rollupOptions: {
      output: {
        entryFileNames: 'preload.cjs',
      },
    },
  },
});

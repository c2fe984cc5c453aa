// Renderer build (house rules §2): root src/renderer → dist/renderer, relative base so the same files load
// from app://secretariat/ (Electron) and from the web host. No remote URL anywhere: the pdf.js worker is
// bundled as a file of the build (see src/renderer/lib/pdf.ts).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * pdf.js decodes JBIG2 and JPEG 2000 images (common in scanned documents from other agencies) with
 * WebAssembly, maps CJK/Identity encodings with CMaps, and draws non-embedded standard fonts from its own font
 * data. All of it is emitted into the build under pdfjs/, so nothing is ever fetched from outside
 * (src/renderer/lib/pdf.ts points getDocument at these folders).
 */
function pdfjsResources(): Plugin {
  const root = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
  const folders = ['wasm', 'cmaps', 'standard_fonts', 'iccs'];
  return {
    name: 'vanthu-pdfjs-resources',
    apply: 'build',
    generateBundle() {
      for (const folder of folders) {
        for (const name of readdirSync(join(root, folder))) {
          if (name.startsWith('LICENSE') || name.startsWith('quickjs')) continue; // no scripting: quickjs is not shipped
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(root, folder, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react(), pdfjsResources()],
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

// Web host build (house rules §2 "web-host/"): src/main/web-host/main.ts → dist/node/web-host.mjs (+ the
// verification worker, dist/node/verify-worker.mjs), ESM for
// Node 22, every dependency and node built-in left external (they load from node_modules at run time).
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const packages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...packages,
  ...packages.map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)),
];

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    // Two entries: the web host, and the verification worker it starts (src/main/signing/verify/verify-worker.ts
    // looks for verify-worker.mjs next to the bundle).
    ssr: true,
    outDir: fileURLToPath(new URL('./dist/node', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external,
      input: {
        'web-host': fileURLToPath(new URL('./src/main/web-host/main.ts', import.meta.url)),
        'verify-worker': fileURLToPath(new URL('./src/main/signing/verify/verify-worker-main.ts', import.meta.url)),
        // The edXML reading worker (src/main/exchange/edxml/read-worker.ts looks for edxml-worker.mjs).
        'edxml-worker': fileURLToPath(new URL('./src/main/exchange/edxml/read-worker-main.ts', import.meta.url)),
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: [], target: 'node' },
});

// npm run bench:ocr-fill — runs bench/ocr-fill/ocr-fill-bench.ts through Node's type stripping (see bin/vanthu.mjs).
import { register } from 'node:module';
process.removeAllListeners('warning');
register('../../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
await import('./ocr-fill-bench.ts');

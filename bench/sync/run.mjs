// npm run bench:sync — runs bench/sync/sync-bench.ts through Node's type stripping (see bin/vanthu.mjs).
import { register } from 'node:module';
process.removeAllListeners('warning');
register('../../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
await import('./sync-bench.ts');

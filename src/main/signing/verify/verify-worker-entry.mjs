// Worker entry when running from the TypeScript sources (tests, `npx vanthu`): Node 22's type stripping plus the
// resolve hook for extensionless imports (src/main/cli/ts-resolve-hook.mjs), then the worker itself. Builds use
// their own entry (dist/node/verify-worker.mjs, .vite/build/verify-worker.js) instead.
import { register } from 'node:module';

process.removeAllListeners('warning');
register('../../cli/ts-resolve-hook.mjs', import.meta.url);
await import('./verify-worker-main.ts');

// Worker entry when running from the TypeScript sources (tests, `npx vanthu`): Node 22's type stripping plus the
// resolve hook for extensionless imports, then the worker itself. Builds use their own entry (edxml-worker.mjs /
// edxml-worker.js) instead.
import { register } from 'node:module';

process.removeAllListeners('warning');
register('../../cli/ts-resolve-hook.mjs', import.meta.url);
await import('./read-worker-main.ts');

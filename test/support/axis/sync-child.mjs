// Entry of the sync child process of the crash test and the bench: runs sync-child.ts through Node's type
// stripping with the repository's resolve hook (as bin/vanthu.mjs does).
import { register } from 'node:module';

process.removeAllListeners('warning');
register('../../../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
await import('./sync-child.ts');

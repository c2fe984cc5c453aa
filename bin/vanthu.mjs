#!/usr/bin/env node
// `vanthu` entry (package.json "bin"): runs src/main/cli/vanthu.ts through Node's built-in type stripping
// (Node >= 22.18; `npx` puts node_modules/.bin/node, Node 22, first on PATH) with a resolve hook for the
// extensionless imports of the sources. Plain JS, so it works on a clean checkout after `npm ci`.
import { register } from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`vanthu cần Node 22.18 trở lên (đang chạy ${process.version}); hãy chạy qua "npx vanthu".\n`);
  process.exit(2);
}
// The type-stripping notice is noise for IT officers reading the output.
process.removeAllListeners('warning');
register('../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
const { main } = await import('../src/main/cli/vanthu.ts');
process.exitCode = await main(process.argv.slice(2));

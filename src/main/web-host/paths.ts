/**
 * Where the web host finds the repository's `assets/` and the built renderer. Built, this code sits in
 * `dist/node/web-host.mjs` (→ `../../assets`, `../renderer`); run from source by vitest it sits in
 * `src/main/web-host/` (→ `<repo>/assets`, `<repo>/dist/renderer`).
 */
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  /** The repository root (or the folder holding `dist/`). */
  rootDir: string;
  assetsDir: string;
  rendererDir: string;
}

/** Resolve the paths from the URL of the running module (`import.meta.url` of this file or of the bundle). */
export function resolveAppPaths(moduleUrl: string = import.meta.url): AppPaths {
  const here = dirname(fileURLToPath(moduleUrl));
  const built = basename(here) === 'node' && basename(dirname(here)) === 'dist';
  const rootDir = built ? resolve(here, '..', '..') : resolve(here, '..', '..', '..');
  return { rootDir, assetsDir: join(rootDir, 'assets'), rendererDir: join(rootDir, 'dist', 'renderer') };
}

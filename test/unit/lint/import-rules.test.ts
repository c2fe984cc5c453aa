// House rules §3 / rule 1: the folder is the runtime. These cases prove the lint configuration refuses
// forbidden imports (and accepts the allowed ones), so a violation fails `npm run lint` in CI.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules (house-rules §3)', () => {
  it.each([
    ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['src/shared/domain/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src/shared/util/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['src/shared/api/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src/shared/domain/x.ts', "import { PDFDocument } from '@cantoo/pdf-lib';\nexport const x = PDFDocument;"],
    ['src/renderer/features/x.ts', "import { readFile } from 'fs/promises';\nexport const x = readFile;"],
    ['src/renderer/features/x.ts', "import { createBlobStore } from '../../main/storage/blob-store';\nexport const x = createBlobStore;"],
    ['src/renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['src/main/storage/x.ts', "import { safeStorage } from 'electron';\nexport const x = safeStorage;"],
    ['src/main/host/x.ts', "import { startWebHost } from '../web-host/server';\nexport const x = startWebHost;"],
    ['src/main/storage/x.ts', "import { db } from '../../renderer/db/db';\nexport const x = db;"],
    ['src/preload/x.ts', "import { foldVietnamese } from '../shared/util/search-text';\nexport const x = foldVietnamese;"],
  ])('%s refuses a forbidden import', async (filePath, code) => {
    expect((await importErrors(filePath, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['src/shared/domain/x.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['src/main/storage/x.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;"],
    ['src/main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src/renderer/features/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;"],
  ])('%s allows a permitted import', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});

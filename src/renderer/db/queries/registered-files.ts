/** Which of the given files (by SHA-256) a register entry already holds (documents.fileSha256 index). */
import type { AppDB } from '../db';

export async function registeredFiles(db: AppDB, sha256s: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const found = await db.documents.where('fileSha256').anyOf([...sha256s]).toArray();
  return new Set(found.map((d) => d.fileSha256).filter((s): s is string => typeof s === 'string'));
}

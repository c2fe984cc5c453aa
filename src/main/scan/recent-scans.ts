/**
 * The scanned documents of this workstation, newest first, in `<dataDir>/scan/recent.json` (atomic write). Every
 * document a scan stores is recorded here at once, also those kept from a scan that stopped early, so a document
 * scanned but not yet registered is never lost to the clerk: after a reload or a crash, Quét văn bản lists the ones
 * the register does not hold yet. Bounded to the newest MAX_RECENT entries.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ScannedDocument, ScannedRecord } from '../../shared/api/scan-schemas';
import { writeFileAtomic } from '../storage/atomic-file';

export const MAX_RECENT = 500;

const Stored = z
  .array(
    z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().nonnegative(),
      pageCount: z.number().int().positive(),
      scannedAt: z.string().max(40),
      device: z.string().max(120),
    }),
  )
  .max(MAX_RECENT);

export interface RecentScans {
  /** Newest first. A damaged file reads as empty (logged), never as an error. */
  list(): Promise<ScannedRecord[]>;
  /** Record the documents of one scan (serialized, atomic). */
  add(documents: readonly ScannedDocument[], device: string, at: Date): Promise<void>;
}

export function createRecentScans(options: { dataDir: string; log: Pick<Console, 'warn'> }): RecentScans {
  const file = join(options.dataDir, 'scan', 'recent.json');
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<ScannedRecord[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = Stored.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through
    }
    options.log.warn('[scan] recent.json is damaged; starting a new list');
    return [];
  };
  return {
    list: read,
    add(documents, device, at) {
      const next = queue.then(async () => {
        const fresh = documents.map((d) => ({ sha256: d.file.sha256, size: d.file.size, pageCount: d.pageCount, scannedAt: at.toISOString(), device: device.slice(0, 120) }));
        const known = new Set(fresh.map((f) => f.sha256));
        const kept = (await read()).filter((r) => !known.has(r.sha256));
        await writeFileAtomic(file, JSON.stringify([...fresh, ...kept].slice(0, MAX_RECENT)));
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

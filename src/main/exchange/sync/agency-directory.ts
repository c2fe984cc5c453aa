/**
 * The agency directory (issue 8; standards.md §2.1, §3.2): loaded from the axis with both code forms, cached on
 * disk (`<dataDir>/exchange/agencies.json`, atomic write) so the recipient picker works offline, searchable
 * without diacritics ("so noi vu" finds "Sở Nội vụ"), and warning when a code is retired, replaced or deleted —
 * one agency may appear under an old and a new code (§1.8).
 */
import { readFile } from 'node:fs/promises';
import { AppFailure } from '../../../shared/api/result';
import type { AgencyEntry, AgencySearchResult } from '../../../shared/api/exchange-schemas';
import { foldVietnamese, matchesQuery } from '../../../shared/util/search-text';
import { writeFileAtomic } from '../../storage/atomic-file';
import type { AxisAgency, AxisClient } from '../axis/axis-client';

interface CacheFile {
  version: 1;
  fetchedAt: string;
  agencies: AxisAgency[];
}

export interface AgencyDirectory {
  /** Fetch the list from the axis and replace the cache. Errors: as AxisClient.listAgencies, INTERNAL. */
  refresh(client: AxisClient): Promise<{ count: number; fetchedAt: string }>;
  /** Search the cache (empty query: the first `limit` by name). */
  search(query: string, limit?: number): Promise<AgencySearchResult>;
  /** The entry a code routes to, with its warning (retired / replaced / deleted / unknown); null when unknown. */
  lookup(code: string): Promise<AgencyEntry | null>;
  fetchedAt(): Promise<string | null>;
}

const MAX_AGENCIES = 500_000;

interface Indexed {
  entry: AgencyEntry;
  folded: string;
}

/** Build the entries with their warnings from the raw rows. */
export function buildEntries(rows: AxisAgency[]): AgencyEntry[] {
  const byOldCode = new Map<string, AxisAgency>();
  for (const r of rows) if (r.oldCode && !r.deleted) byOldCode.set(r.oldCode, r);
  return rows.map((r) => {
    const code = r.code102 || r.codeQd20;
    const successor = byOldCode.get(code) ?? byOldCode.get(r.codeQd20);
    const replacedBy = successor && successor !== r ? successor.code102 || successor.codeQd20 : null;
    let warning: string | null = null;
    if (r.deleted) warning = 'Đơn vị đã bị xóa khỏi danh mục của Trục liên thông; không gửi văn bản tới mã này.';
    else if (replacedBy) warning = `Mã ${code} đã ngừng sử dụng, được thay bằng ${replacedBy}.`;
    return { code102: r.code102, codeQd20: r.codeQd20, name: r.name, parentId: r.parentId, oldCode: r.oldCode, deleted: r.deleted, warning, replacedBy };
  });
}

export function createAgencyDirectory(options: { file: string; now?: () => Date }): AgencyDirectory {
  const now = options.now ?? (() => new Date());
  let cache: { fetchedAt: string | null; index: Indexed[] } | null = null;

  const load = async (): Promise<{ fetchedAt: string | null; index: Indexed[] }> => {
    if (cache) return cache;
    let file: CacheFile | null = null;
    try {
      file = JSON.parse(await readFile(options.file, 'utf8')) as CacheFile;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') file = null; // a damaged cache is refetched
    }
    cache = index(file?.fetchedAt ?? null, Array.isArray(file?.agencies) ? file!.agencies : []);
    return cache;
  };
  const index = (fetchedAt: string | null, rows: AxisAgency[]): { fetchedAt: string | null; index: Indexed[] } => ({
    fetchedAt,
    index: buildEntries(rows)
      .map((entry) => ({ entry, folded: foldVietnamese(`${entry.name} ${entry.code102} ${entry.codeQd20} ${entry.oldCode ?? ''}`) }))
      .sort((a, b) => a.entry.name.localeCompare(b.entry.name, 'vi')),
  });

  return {
    async refresh(client) {
      const rows = await client.listAgencies();
      if (rows.length > MAX_AGENCIES) throw new AppFailure('TOO_LARGE', 'Danh mục cơ quan từ Trục liên thông quá lớn.');
      const fetchedAt = now().toISOString();
      const file: CacheFile = { version: 1, fetchedAt, agencies: rows };
      await writeFileAtomic(options.file, JSON.stringify(file));
      cache = index(fetchedAt, rows);
      return { count: rows.length, fetchedAt };
    },
    async search(query, limit = 50) {
      const { fetchedAt, index: all } = await load();
      const q = query.trim();
      const folded = foldVietnamese(q);
      const hits: AgencyEntry[] = [];
      let total = 0;
      for (const { entry, folded: hay } of all) {
        if (!matchesQuery(hay, q)) continue;
        total += 1;
        if (hits.length >= limit) continue;
        // Found by its retired code: say so, the clerk should pick the current one.
        const byOld = entry.oldCode !== null && folded !== '' && foldVietnamese(entry.oldCode) === folded;
        hits.push(byOld && !entry.warning ? { ...entry, warning: `Mã ${entry.oldCode} đã ngừng sử dụng; mã hiện hành là ${entry.code102 || entry.codeQd20}.` } : entry);
      }
      return { entries: hits, total, fetchedAt };
    },
    async lookup(code) {
      const { index: all } = await load();
      const exact = all.find((i) => i.entry.code102 === code || i.entry.codeQd20 === code);
      if (exact) return exact.entry;
      const renamed = all.find((i) => i.entry.oldCode === code);
      if (renamed) return { ...renamed.entry, warning: `Mã ${code} đã ngừng sử dụng; mã hiện hành là ${renamed.entry.code102 || renamed.entry.codeQd20}.`, replacedBy: renamed.entry.code102 || renamed.entry.codeQd20 };
      return null;
    },
    async fetchedAt() {
      return (await load()).fetchedAt;
    },
  };
}

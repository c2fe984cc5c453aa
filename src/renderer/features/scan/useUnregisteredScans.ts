/**
 * Documents that scans stored (`scan.recent`, kept by main in the data directory) but that no register entry holds
 * yet: they stay listed in Quét văn bản, after a reload too, until they are registered (nothing scanned is lost).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScannedRecord } from '../../../shared/api/scan-schemas';
import { useLiveQuery } from '../../db/queries/hooks';
import { registeredFiles } from '../../db/queries/registered-files';
import { useDeps } from '../../stores/AppContext';

/** At most this many are shown; older ones stay recorded in main. */
export const MAX_SHOWN = 30;

export function useUnregisteredScans(): { scans: ScannedRecord[]; reload(): void } {
  const { api, db } = useDeps();
  const [recent, setRecent] = useState<ScannedRecord[]>([]);
  const reload = useCallback(() => {
    void api.invoke('scan.recent', {}).then((r) => {
      if (r.ok) setRecent(r.value);
    });
  }, [api]);
  useEffect(reload, [reload]);
  const scans = useLiveQuery(
    async () => {
      const registered = await registeredFiles(db, recent.map((r) => r.sha256));
      return recent.filter((r) => !registered.has(r.sha256)).slice(0, MAX_SHOWN);
    },
    [db, recent],
    [] as ScannedRecord[],
  );
  return { scans, reload };
}

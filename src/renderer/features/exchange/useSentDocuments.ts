/** Main's sent-document records (exchange.flowSent), reloaded on every `sync.status` event (a status arrived). */
import { useCallback, useEffect, useState } from 'react';
import type { SentDocumentRecord } from '../../../shared/api/exchange-flow-schemas';
import { errorText } from '../../i18n/messages';
import { useDeps } from '../../stores/AppContext';

export function useSentDocuments(): { records: SentDocumentRecord[] | null; error: string | null; reload(): void } {
  const { api } = useDeps();
  const [records, setRecords] = useState<SentDocumentRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => api.on('sync.status', reload), [api, reload]);
  useEffect(() => {
    let live = true;
    void api.invoke('exchange.flowSent', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRecords(r.value);
        setError(null);
      } else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, generation]);
  return { records, error, reload };
}

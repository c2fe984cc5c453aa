/**
 * Quét văn bản: the scanners main can reach, the options of the chosen one, and a scan as a job (`scan.start`,
 * `job.progress`, `jobs.cancel`). A scan that stops early (jam, empty feeder after some pages, device gone, Dừng)
 * still shows the pages main kept (`details.partial`), so the clerk can register them: nothing scanned is lost.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/api/result';
import type { DiscoveredScannerSummary, ScanCapabilitiesSummary, ScanDeviceSummary, ScanResult, SplitMode } from '../../../shared/api/scan-schemas';
import { errorText, errorTextOf } from '../../i18n/messages';
import { useDeps } from '../../stores/AppContext';
import { defaultChoice, type ScanChoice } from './scan-defaults';

export interface ScanState {
  devices: ScanDeviceSummary[] | null;
  deviceId: string;
  caps: ScanCapabilitiesSummary | null;
  choice: ScanChoice | null;
  split: SplitMode;
  busy: boolean;
  jobId: string | null;
  result: ScanResult | null;
  /** True when `result` is what was kept from a scan that stopped early. */
  partial: boolean;
  error: string | null;
  /** Network scanners found by `discover` (null before the first search, 'searching' while it runs). */
  discovered: DiscoveredScannerSummary[] | 'searching' | null;
  discover(): Promise<void>;
  selectDevice(id: string): void;
  setChoice(patch: Partial<ScanChoice>): void;
  setSplit(split: SplitMode): void;
  refresh(): Promise<void>;
  addNetwork(url: string): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The pages main kept from a failed scan, when it says so. */
export function keptResult(error: AppError): ScanResult | null {
  const partial = error.details?.['partial'];
  if (typeof partial !== 'object' || partial === null) return null;
  const docs = (partial as ScanResult).documents;
  return Array.isArray(docs) && docs.every((d) => typeof d?.file?.sha256 === 'string') ? (partial as ScanResult) : null;
}

export function useScan(): ScanState {
  const { api, newId } = useDeps();
  const [devices, setDevices] = useState<ScanDeviceSummary[] | null>(null);
  const [deviceId, setDeviceId] = useState('');
  const [caps, setCaps] = useState<ScanCapabilitiesSummary | null>(null);
  const [choice, setChoiceState] = useState<ScanChoice | null>(null);
  const [split, setSplit] = useState<SplitMode>('none');
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [partial, setPartial] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [discovered, setDiscovered] = useState<DiscoveredScannerSummary[] | 'searching' | null>(null);

  const refresh = useCallback(async () => {
    setError(null);
    const r = await api.invoke('scan.devices', {});
    if (!r.ok) {
      setDevices([]);
      setError(errorText(r.error.code));
      return;
    }
    setDevices(r.value);
    setDeviceId((current) => (r.value.some((d) => d.id === current) ? current : (r.value[0]?.id ?? '')));
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (deviceId === '') return;
    let live = true;
    setCaps(null);
    void api.invoke('scan.capabilities', { deviceId }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setError(errorText(r.error.code));
        return;
      }
      setCaps(r.value);
      setChoiceState((previous) => defaultChoice(r.value, previous ?? undefined));
    });
    return () => {
      live = false;
    };
  }, [api, deviceId]);

  const start = async () => {
    if (busy || choice === null || deviceId === '') return;
    const id = `scan-${newId()}`.slice(0, 64);
    setBusy(true);
    setError(null);
    setResult(null);
    setPartial(false);
    setJobId(id);
    try {
      const r = await api.invoke('scan.start', { jobId: id, deviceId, settings: choice, split });
      if (r.ok) setResult(r.value);
      else {
        setError(errorText(r.error.code));
        const kept = keptResult(r.error);
        if (kept !== null && kept.documents.length > 0) {
          setResult(kept);
          setPartial(true);
        }
      }
    } catch (cause) {
      console.error('[scan] scan.start', cause);
      setError(errorTextOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    if (jobId !== null && busy) await api.invoke('jobs.cancel', { jobId });
  };

  const discover = async () => {
    setDiscovered('searching');
    const r = await api.invoke('scan.discover', {});
    setDiscovered(r.ok ? r.value : []);
  };

  const addNetwork = async (url: string) => {
    setError(null);
    const r = await api.invoke('scan.addNetwork', { url });
    if (!r.ok) {
      setError(errorText(r.error.code));
      return;
    }
    await refresh();
    setDeviceId(r.value.id);
    setDiscovered((list) => (Array.isArray(list) ? list.filter((d) => d.url !== url) : list));
  };

  return {
    devices,
    deviceId,
    caps,
    choice,
    split,
    busy,
    jobId,
    result,
    partial,
    error,
    discovered,
    discover,
    selectDevice: setDeviceId,
    setChoice: (patch) => setChoiceState((c) => (c === null ? c : { ...c, ...patch })),
    setSplit,
    refresh,
    addNetwork,
    start,
    stop,
  };
}

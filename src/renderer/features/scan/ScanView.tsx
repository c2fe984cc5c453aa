/**
 * Quét văn bản (issue 9, Art. 9.1): choose the scanner and its options, F8 scans (progress per page, Esc or Dừng
 * stops), the documents appear with a thumbnail, and "Đăng ký văn bản này" (Enter: it has the focus) opens the
 * incoming registration form with the scanned PDF. A scan that stopped early shows what was kept.
 */
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { vi, VIEW_LABELS } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import { DiscoveredScanners } from './DiscoveredScanners';
import { ScannedDocuments } from './ScannedDocuments';
import { ScanOptions } from './ScanOptions';
import { UnregisteredScans } from './UnregisteredScans';
import { useScan } from './useScan';
import { useUnregisteredScans } from './useUnregisteredScans';

const t = vi.scan;

export function ScanView() {
  const scan = useScan();
  const unregistered = useUnregisteredScans();
  const { reload } = unregistered;
  const handOffScan = useAppStore((s) => s.handOffScan);
  const progress = useAppStore((s) => (scan.jobId === null ? undefined : s.jobs[scan.jobId]));
  const [address, setAddress] = useState('');
  const keys = useRef(scan);
  keys.current = scan;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8') {
        e.preventDefault();
        void keys.current.start();
      } else if (e.key === 'Escape' && keys.current.busy) {
        e.preventDefault();
        void keys.current.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A finished (or stopped) scan recorded new documents in main: list them.
  useEffect(() => {
    if (!scan.busy) reload();
  }, [scan.busy, reload]);

  const done = progress?.done ?? 0;
  return (
    <section className="view scan" aria-labelledby="scan-title">
      <h1 id="scan-title">{VIEW_LABELS.scan}</h1>
      <div className="scan-device">
        <Field label={t.device}>
          <select value={scan.deviceId} disabled={scan.busy} onChange={(e) => scan.selectDevice(e.target.value)}>
            {(scan.devices ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" disabled={scan.busy} onClick={() => void scan.refresh()}>
          {t.refresh}
        </button>
      </div>
      {scan.devices !== null && scan.devices.length === 0 ? <p className="notice notice-warn">{t.noDevices}</p> : null}
      <form
        className="scan-network"
        onSubmit={(e) => {
          e.preventDefault();
          if (address.trim() !== '') void scan.addNetwork(address.trim());
        }}
      >
        <Field label={t.networkAddress}>
          <input type="url" value={address} maxLength={500} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <button type="submit" disabled={scan.busy}>
          {t.networkAdd}
        </button>
        <button type="button" className="secondary" disabled={scan.busy || scan.discovered === 'searching'} onClick={() => void scan.discover()}>
          {t.discover}
        </button>
      </form>
      <DiscoveredScanners found={scan.discovered} onAdd={(url) => void scan.addNetwork(url)} />
      {scan.deviceId !== '' && scan.caps === null ? <p className="muted">{t.loadingOptions}</p> : null}
      {scan.caps && scan.choice ? (
        <ScanOptions caps={scan.caps} choice={scan.choice} split={scan.split} disabled={scan.busy} onChange={scan.setChoice} onSplit={scan.setSplit} />
      ) : null}
      <div className="scan-actions">
        <button type="button" className="primary" disabled={scan.busy || scan.choice === null} onClick={() => void scan.start()}>
          {t.start}
        </button>
        {scan.busy ? (
          <button type="button" onClick={() => void scan.stop()}>
            {t.stop}
          </button>
        ) : null}
        <span className="muted">{t.keysHint}</span>
      </div>
      {scan.busy ? <ProgressBar label={t.progress(done)} done={done} total={progress?.total || done + 1} /> : null}
      {scan.error ? (
        <p role="alert" className="notice notice-error">
          {scan.error}
          {scan.partial && scan.result ? ` ${t.kept(scan.result.documents.reduce((n, d) => n + d.pageCount, 0))}` : ''}
        </p>
      ) : null}
      {scan.result ? <ScannedDocuments result={scan.result} onRegister={(sha256, i) => handOffScan({ sha256, name: `ban-quet-${i}.pdf` })} /> : null}
      <UnregisteredScans scans={unregistered.scans.filter((u) => !scan.result?.documents.some((d) => d.file.sha256 === u.sha256))} onRegister={(r) => handOffScan({ sha256: r.sha256, name: `ban-quet-${r.scannedAt.slice(0, 10)}.pdf` })} />
    </section>
  );
}

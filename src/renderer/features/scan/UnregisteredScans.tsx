/** "Bản quét chưa đăng ký": scanned documents no register entry holds yet, each with its Đăng ký button. */
import type { ScannedRecord } from '../../../shared/api/scan-schemas';
import { formatDateTimeVN } from '../../../shared/util/time';
import { vi } from '../../i18n/vi';

const t = vi.scan;

export function UnregisteredScans({ scans, onRegister }: { scans: ScannedRecord[]; onRegister(record: ScannedRecord): void }) {
  if (scans.length === 0) return null;
  return (
    <section aria-label={t.unregisteredTitle} className="scan-unregistered">
      <h2>{t.unregisteredTitle}</h2>
      <ul>
        {scans.map((s) => (
          <li key={s.sha256}>
            <span>{t.unregisteredLine(formatDateTimeVN(new Date(s.scannedAt)), s.pageCount)}</span>
            <button type="button" className="secondary" onClick={() => onRegister(s)}>
              {t.register}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

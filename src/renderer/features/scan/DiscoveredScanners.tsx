/** Network scanners found by DNS-SD, each with "Thêm" (it is added only if it answers as an eSCL scanner). */
import type { DiscoveredScannerSummary } from '../../../shared/api/scan-schemas';
import { vi } from '../../i18n/vi';

const t = vi.scan;

export function DiscoveredScanners({ found, onAdd }: { found: DiscoveredScannerSummary[] | 'searching' | null; onAdd(url: string): void }) {
  if (found === null) return null;
  if (found === 'searching') return <p className="muted">{t.discovering}</p>;
  if (found.length === 0) return <p className="muted">{t.discoveredNone}</p>;
  return (
    <section aria-label={t.discoveredTitle}>
      <ul>
        {found.map((d) => (
          <li key={d.url}>
            <span>
              {d.name} ({d.url})
            </span>{' '}
            <button type="button" className="secondary" onClick={() => onAdd(d.url)}>
              {t.add}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

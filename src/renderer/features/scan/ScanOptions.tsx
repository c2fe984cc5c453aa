/** The options of the chosen scanner: only what it offers (resolution, colour mode, paper source), paper size, split. */
import type { ScanCapabilitiesSummary, SplitMode } from '../../../shared/api/scan-schemas';
import { Field } from '../../components/Field';
import { vi } from '../../i18n/vi';
import type { ScanChoice } from './scan-defaults';

const t = vi.scan;
const PAGE_SIZES = ['a4', 'a5', 'letter', 'max'] as const;
const SPLITS = ['none', 'blank-page', 'separator-sheet'] as const;

export function ScanOptions(props: {
  caps: ScanCapabilitiesSummary;
  choice: ScanChoice;
  split: SplitMode;
  disabled: boolean;
  onChange(patch: Partial<ScanChoice>): void;
  onSplit(split: SplitMode): void;
}) {
  const { caps, choice, disabled } = props;
  return (
    <fieldset className="scan-options" disabled={disabled}>
      <Field label={t.resolution}>
        <select value={choice.resolution} onChange={(e) => props.onChange({ resolution: Number(e.target.value) })}>
          {caps.resolutions.map((r) => (
            <option key={r} value={r}>
              {t.dpi(r)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.colorMode}>
        <select value={choice.colorMode} onChange={(e) => props.onChange({ colorMode: e.target.value as ScanChoice['colorMode'] })}>
          {caps.colorModes.map((m) => (
            <option key={m} value={m}>
              {t.colorModes[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.source}>
        <select value={choice.source} onChange={(e) => props.onChange({ source: e.target.value as ScanChoice['source'] })}>
          {caps.sources.map((s) => (
            <option key={s} value={s}>
              {t.sources[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.pageSize}>
        <select value={choice.pageSize} onChange={(e) => props.onChange({ pageSize: e.target.value as ScanChoice['pageSize'] })}>
          {PAGE_SIZES.map((p) => (
            <option key={p} value={p}>
              {t.pageSizes[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.split}>
        <select value={props.split} onChange={(e) => props.onSplit(e.target.value as SplitMode)}>
          {SPLITS.map((s) => (
            <option key={s} value={s}>
              {t.splits[s]}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}

/** The print/export buttons with the job's progress bar and its "Hủy" button. */
import { ProgressBar } from '../../components/ProgressBar';
import { vi } from '../../i18n/vi';
import type { ReportFormat } from './useRegisterReport';

const t = vi.register;

export interface ReportButtonsProps {
  mayPrint: boolean;
  mayExport: boolean;
  running: boolean;
  progress: { label: string; done: number; total: number } | undefined;
  error: string | null;
  onRun(format: ReportFormat): void;
  onCancel(): void;
}

export function ReportButtons({ mayPrint, mayExport, running, progress, error, onRun, onCancel }: ReportButtonsProps) {
  return (
    <div className="report-buttons">
      {mayPrint ? (
        <button type="button" disabled={running} onClick={() => onRun('pdf')}>
          {t.printPdf}
        </button>
      ) : null}
      {mayExport ? (
        <button type="button" disabled={running} onClick={() => onRun('xlsx')}>
          {t.exportXlsx}
        </button>
      ) : null}
      {running ? (
        <div className="row">
          <ProgressBar label={progress?.label ?? t.reportRunning} done={progress?.done ?? 0} total={progress?.total ?? 1} />
          <button type="button" className="secondary" onClick={onCancel}>
            {t.reportCancel}
          </button>
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}

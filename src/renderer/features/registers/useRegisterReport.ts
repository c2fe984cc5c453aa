/**
 * "In sổ (PDF)" and "Xuất Excel": the filtered rows (cells in the NĐ 30 column order, cancelled flag) go to
 * reports.registerPdf / registerXlsx as a job; progress comes from `job.progress`, "Hủy" calls jobs.cancel,
 * and the result is fetched with files.get and downloaded as so-van-ban-den|di-<year>.pdf|.xlsx.
 */
import { useState } from 'react';
import type { RegisterKind, ReportRow } from '../../../shared/api/schemas';
import { loadRows } from '../../db/queries/register-search';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { downloadBytes } from '../../lib/download';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { reportRow } from './register-cells';

export type ReportFormat = 'pdf' | 'xlsx';

/** Rows are read from Dexie in chunks of this size while the request is built. */
const LOAD_CHUNK = 2000;

const MEDIA: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** so-van-ban-den-2026.pdf, so-van-ban-di-2026.xlsx … */
export function reportFileName(kind: RegisterKind, year: number, format: ReportFormat): string {
  return `so-van-ban-${kind === 'incoming' ? 'den' : 'di'}-${year}.${format}`;
}

export function useRegisterReport(kind: RegisterKind, year: number, filterNote: string) {
  const { api, db, newId } = useDeps();
  const unitName = useAppStore((s) => s.settings?.unitName ?? '');
  const clearJob = useAppStore((s) => s.clearJob);
  const pushToast = useAppStore((s) => s.pushToast);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useAppStore((s) => (jobId === null ? undefined : s.jobs[jobId]));

  const run = async (format: ReportFormat, ids: readonly number[]) => {
    const id = newId();
    setJobId(id);
    setError(null);
    try {
      const rows: ReportRow[] = [];
      for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
        for (const row of await loadRows(db, ids.slice(i, i + LOAD_CHUNK))) rows.push(reportRow(kind, row));
      }
      const request = { kind, year, unitName, filterNote, rows, jobId: id };
      const stored = format === 'pdf' ? await api.invoke('reports.registerPdf', request) : await api.invoke('reports.registerXlsx', request);
      if (!stored.ok) {
        if (stored.error.code === 'CANCELLED') pushToast('info', errorText('CANCELLED'));
        else setError(errorText(stored.error.code));
        return;
      }
      const file = await api.invoke('files.get', { sha256: stored.value.sha256 });
      if (!file.ok) return setError(errorText(file.error.code));
      const name = reportFileName(kind, year, format);
      downloadBytes(base64ToBytes(file.value.dataBase64), name, MEDIA[format]);
      pushToast('info', vi.register.reportDone(name));
    } catch (cause) {
      console.error('[report] failed', cause);
      setError(errorText('INTERNAL'));
    } finally {
      setJobId(null);
      clearJob(id);
    }
  };

  const cancel = async () => {
    if (jobId === null) return;
    const answer = await api.invoke('jobs.cancel', { jobId });
    if (!answer.ok && answer.error.code !== 'NOT_FOUND') setError(errorText(answer.error.code));
  };

  return { running: jobId !== null, progress, error, run, cancel };
}

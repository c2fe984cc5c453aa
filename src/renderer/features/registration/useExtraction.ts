/**
 * OCR and automatic fill of the file being registered (issue 9; Quy chế Art. 9.1): `scan.extract` as a job like a
 * scan (useScan.ts): the renderer picks the job id, follows `job.progress` through the store, and Dừng calls
 * `jobs.cancel`. Only the newest run counts: a result that comes back after Dừng, after the file changed or after
 * the document was registered is dropped, so it can never fill the form of the next document.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../shared/api/events';
import type { ScanExtractOutcome } from '../../../shared/api/ocr-schemas';
import type { AppErrorCode, Result } from '../../../shared/api/result';
import { OCR_ERROR_MESSAGES } from '../../i18n/vi-ocr';
import { errorText } from '../../i18n/messages';
import { useAppStore, useDeps } from '../../stores/AppContext';

export type ExtractionState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Extraction {
  state: ExtractionState;
  /** The PDF (sha256) the current run or result belongs to. */
  sha256: string | null;
  result: ScanExtractOutcome | null;
  /** Vietnamese text of a failure (state 'failed'). */
  error: string | null;
  progress: JobProgress | undefined;
  /** Starts reading `sha256`; resolves with the outcome, or null when it failed, was stopped or was overtaken. */
  run(sha256: string): Promise<ScanExtractOutcome | null>;
  /** Dừng nhận dạng: cancels the job in main and ignores whatever it still answers. */
  cancel(): Promise<void>;
  /** Forget the run (the document was registered or the file removed); a running job is cancelled. */
  reset(): void;
}

/** The clerk's message for a failed extraction: the OCR wording where there is one, the general one otherwise. */
export function extractErrorText(code: AppErrorCode): string {
  return OCR_ERROR_MESSAGES[code] ?? errorText(code);
}

export function useExtraction(): Extraction {
  const { api, newId } = useDeps();
  const [state, setState] = useState<ExtractionState>('idle');
  const [sha256, setSha256] = useState<string | null>(null);
  const [result, setResult] = useState<ScanExtractOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useAppStore((s) => (jobId === null ? undefined : s.jobs[jobId]));
  // The run whose answer still counts; bumped by every new run, Dừng and reset.
  const current = useRef<{ run: number; jobId: string | null; running: boolean }>({ run: 0, jobId: null, running: false });

  const stopRunning = useCallback(() => {
    const { jobId: running, running: isRunning } = current.current;
    current.current = { run: current.current.run + 1, jobId: null, running: false };
    if (running !== null && isRunning) {
      void api.invoke('jobs.cancel', { jobId: running }).then((r) => {
        // NOT_FOUND: the job had not started yet or had just ended; its answer is ignored either way.
        if (!r.ok && r.error.code !== 'NOT_FOUND') console.warn('[registration] jobs.cancel', r.error.code);
      });
    }
  }, [api]);

  const run = useCallback(
    async (hash: string): Promise<ScanExtractOutcome | null> => {
      stopRunning();
      const id = `extract-${newId()}`.slice(0, 64);
      const mine = current.current.run;
      current.current = { run: mine, jobId: id, running: true };
      setJobId(id);
      setSha256(hash);
      setResult(null);
      setError(null);
      setState('running');
      let answer: Result<ScanExtractOutcome>;
      try {
        answer = await api.invoke('scan.extract', { hash, jobId: id });
      } catch (cause) {
        console.error('[registration] scan.extract', cause);
        answer = { ok: false, error: { code: 'INTERNAL', message: String(cause) } };
      }
      if (current.current.run !== mine) return null;
      current.current = { ...current.current, running: false };
      if (answer.ok) {
        setResult(answer.value);
        setState('done');
        return answer.value;
      }
      if (answer.error.code === 'CANCELLED') setState('cancelled');
      else {
        setError(extractErrorText(answer.error.code));
        setState('failed');
      }
      return null;
    },
    [api, newId, stopRunning],
  );

  const cancel = useCallback(async () => {
    if (!current.current.running) return;
    stopRunning();
    setState('cancelled');
  }, [stopRunning]);

  const reset = useCallback(() => {
    stopRunning();
    setState('idle');
    setSha256(null);
    setResult(null);
    setError(null);
    setJobId(null);
  }, [stopRunning]);

  // Leaving the view stops the job: nobody would see its answer.
  useEffect(() => () => stopRunning(), [stopRunning]);

  return { state, sha256, result, error, progress, run, cancel, reset };
}

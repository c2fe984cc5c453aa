/**
 * Taking in the chosen PDF: pre-checks (size before reading, then the %PDF- header), then the upload to
 * main's content-addressed store through `files.put` (base64). Errors become one Vietnamese message.
 */
import { useCallback, useState } from 'react';
import { errorText } from '../../i18n/messages';
import { base64ToBytes, bytesToBase64 } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';
import { precheckFile } from './file-checks';

export interface IntakeFile {
  name: string;
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

export interface FileIntake {
  file: IntakeFile | null;
  error: string | null;
  busy: boolean;
  /** Check and store the chosen file; resolves with it, or null when it was refused (see `error`). */
  accept(file: File): Promise<IntakeFile | null>;
  /** Take a PDF already in main's store (a scan handed over by Quét văn bản): read it back for the preview. */
  adopt(stored: { sha256: string; name: string }): Promise<IntakeFile | null>;
  clear(): void;
}

export function useFileIntake(): FileIntake {
  const { api } = useDeps();
  const [file, setFile] = useState<IntakeFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = useCallback(
    async (chosen: File): Promise<IntakeFile | null> => {
      setError(null);
      setFile(null);
      const problem = await precheckFile(chosen);
      if (problem !== null) {
        setError(errorText(problem));
        return null;
      }
      setBusy(true);
      try {
        const bytes = new Uint8Array(await chosen.arrayBuffer());
        const stored = await api.invoke('files.put', { mediaType: 'application/pdf', dataBase64: bytesToBase64(bytes) });
        if (!stored.ok) {
          setError(errorText(stored.error.code));
          return null;
        }
        const taken = { name: chosen.name, sha256: stored.value.sha256, size: stored.value.size, bytes };
        setFile(taken);
        return taken;
      } catch (cause) {
        console.error('[registration] reading the file failed', cause);
        setError(errorText('INTERNAL'));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  const adopt = useCallback(
    async (stored: { sha256: string; name: string }): Promise<IntakeFile | null> => {
      setError(null);
      setFile(null);
      setBusy(true);
      try {
        const r = await api.invoke('files.get', { sha256: stored.sha256 });
        if (!r.ok) {
          setError(errorText(r.error.code));
          return null;
        }
        const taken = { name: stored.name, sha256: r.value.sha256, size: r.value.size, bytes: base64ToBytes(r.value.dataBase64) };
        setFile(taken);
        return taken;
      } catch (cause) {
        console.error('[registration] reading the scanned file failed', cause);
        setError(errorText('INTERNAL'));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api],
  );

  const clear = useCallback(() => {
    setFile(null);
    setError(null);
  }, []);

  return { file, error, busy, accept, adopt, clear };
}

/** "Chọn tệp PDF" (file input, Ctrl+O) and a drag-and-drop zone; both hand the file to `onFile`. */
import { useEffect, useRef } from 'react';
import { PdfDropZone } from '../../components/PdfDropZone';
import { vi } from '../../i18n/vi';

export function FilePicker({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        input.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <PdfDropZone
      ref={input}
      label={vi.registration.chooseFile}
      hint={busy ? vi.registration.uploading : vi.registration.dropHere}
      disabled={busy}
      onFiles={([file]) => {
        if (file) onFile(file);
      }}
    />
  );
}

/** "Chọn tệp PDF" (file input, Ctrl+O) and a drag-and-drop zone; both hand the file to `onFile`. */
import { useEffect, useId, useRef, useState } from 'react';
import { vi } from '../../i18n/vi';

export function FilePicker({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

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
    <div
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <label htmlFor={inputId} className="file-label">
        {vi.registration.chooseFile}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".pdf,application/pdf"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so choosing the same file again still fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p className="muted">{busy ? vi.registration.uploading : vi.registration.dropHere}</p>
    </div>
  );
}

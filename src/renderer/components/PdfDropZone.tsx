/**
 * A labelled PDF file input inside a drag-and-drop zone: the one way documents enter the app from the desk
 * (registration, batch signing). Both paths hand over File objects; size and content checks are the caller's.
 */
import { forwardRef, useId, useState, type ReactNode } from 'react';

export interface PdfDropZoneProps {
  label: string;
  /** Shown under the input: a hint, or the busy text. */
  hint: ReactNode;
  multiple?: boolean;
  disabled: boolean;
  onFiles(files: File[]): void;
  testId?: string;
}

export const PdfDropZone = forwardRef<HTMLInputElement, PdfDropZoneProps>(function PdfDropZone(
  { label, hint, multiple = false, disabled, onFiles, testId },
  input,
) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const take = (files: File[]) => {
    const chosen = multiple ? files : files.slice(0, 1);
    if (chosen.length > 0) onFiles(chosen);
  };
  return (
    <div
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take([...e.dataTransfer.files]);
      }}
    >
      <label htmlFor={inputId} className="file-label">
        {label}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".pdf,application/pdf"
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Reset so choosing the same file again still fires a change.
          e.target.value = '';
          take(files);
        }}
      />
      <p className="muted">{hint}</p>
    </div>
  );
});

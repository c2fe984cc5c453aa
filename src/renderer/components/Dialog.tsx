/** A modal dialog: role dialog or alertdialog, labelled by its title, Esc closes, focus moves inside. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** Renders above the view; the first focusable element (or the dialog) gets focus when it opens. */
export function Dialog({ title, role = 'dialog', onClose, children, wide = false }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const first = box.querySelector<HTMLElement>('input, textarea, select, button:not([data-dialog-close])');
    (first ?? box).focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

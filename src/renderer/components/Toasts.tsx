/** Short notices (success, and errors not tied to a field). All are role="status": a view's own errors use its one role="alert" region. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../stores/AppContext';
import { vi } from '../i18n/vi';

/** How long a notice stays on screen. */
const TOAST_MS = 6000;

export function Toasts() {
  const toasts = useAppStore(useShallow((s) => s.toasts));
  const dismiss = useAppStore((s) => s.dismissToast);
  const oldest = toasts[0]?.id;
  // Notices leave by themselves; errors that need reading stay in their view's alert region instead.
  useEffect(() => {
    if (oldest === undefined) return;
    const timer = window.setTimeout(() => dismiss(oldest), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [oldest, dismiss]);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} role="status">
          <span>{t.text}</span>
          <button type="button" onClick={() => dismiss(t.id)} aria-label={vi.common.close}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

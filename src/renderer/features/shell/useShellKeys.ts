/** Global keyboard: Alt+1…Alt+5 switch views, F1 toggles the shortcuts panel, Esc closes the open dialog. */
import { useEffect } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { useStoreApi } from '../../stores/AppContext';
import { ALL_VIEWS, canOpenView } from './views';

export function useShellKeys(role: Role): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = store.getState();
      if (e.key === 'F1') {
        e.preventDefault();
        if (state.dialog?.kind === 'shortcuts') state.closeDialog();
        else state.openDialog({ kind: 'shortcuts' });
        return;
      }
      if (e.key === 'Escape' && state.dialog !== null) {
        e.preventDefault();
        state.closeDialog();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        // e.code keeps working on keyboard layouts (Telex/VNI input methods) where e.key differs.
        const digit = /^Digit([1-9])$/.exec(e.code)?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
        const view = ALL_VIEWS.find((v) => v.key === digit);
        if (view && canOpenView(role, view.id)) {
          e.preventDefault();
          state.setView(view.id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, role]);
}

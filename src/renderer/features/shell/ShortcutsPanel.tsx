/** F1: the list of keyboard shortcuts. */
import { Dialog } from '../../components/Dialog';
import { vi } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import { ALL_VIEWS } from './views';

export function ShortcutsPanel() {
  const close = useAppStore((s) => s.closeDialog);
  return (
    <Dialog title={vi.shell.shortcutsTitle} onClose={close}>
      <table className="shortcuts">
        <tbody>
          {ALL_VIEWS.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                <kbd>Alt+{v.key}</kbd>
              </th>
              <td>{v.label}</td>
            </tr>
          ))}
          {vi.shell.shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={close}>
        {vi.common.close}
      </button>
    </Dialog>
  );
}

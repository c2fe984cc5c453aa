/**
 * The Electron transport (house rules §4 "Electron transport", rule 5; SEC #17): one `ipcMain.handle` per
 * contract channel. Each call must come from the main window's main frame on app://secretariat; then the shared
 * `dispatch` parses the request with its schema and runs the handler. Every answer is a Result.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../shared/api/contract';
import type { EventName, EventPayloads } from '../../shared/api/events';
import { fail } from '../../shared/api/result';
import { dispatch } from '../host/dispatch';
import type { CallContext, Handlers } from '../host/handlers';
import { isTrustedSender } from './app-origin';

const ELECTRON_CONTEXT: CallContext = { transport: 'electron' };

/** Registers the handlers; `mainWindow` answers the current window (or null while there is none). */
export function registerIpc(handlers: Handlers, mainWindow: () => BrowserWindow | null): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown) => {
      const window = mainWindow();
      const mainFrame = window === null || window.isDestroyed() ? null : window.webContents.mainFrame;
      if (!isTrustedSender(event.senderFrame, mainFrame)) {
        console.warn('[ipc] refused', channel, 'from', event.senderFrame?.url.slice(0, 200) ?? 'a destroyed frame');
        return fail('FORBIDDEN', 'Yêu cầu không đến từ cửa sổ của ứng dụng.');
      }
      return dispatch(handlers, channel, raw, ELECTRON_CONTEXT);
    });
  }
}

/** Removes the handlers (on quit, or before registering them again in development). */
export function unregisterIpc(): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(channel);
}

/** The host's event sink over IPC: `webContents.send` to the main window, dropped while there is none. */
export function ipcEmitter(mainWindow: () => BrowserWindow | null) {
  return <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    const window = mainWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(event, payload);
  };
}

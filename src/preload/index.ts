/**
 * The bridge (house rule 7; A1 desktop-electron/preload.ts, A3 apps/desktop/src/preload.ts): one frozen object,
 * `window.desktop = { invoke, on }`, for contract channels and events only. No logic, no raw ipcRenderer.
 * Sandboxed preloads cannot `require` app code, so Vite bundles the two small shared/api modules in.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, type Transport } from '../shared/api/contract';
import { isEventName } from '../shared/api/events';
import { fail } from '../shared/api/result';

const desktop = {
  invoke(channel, request) {
    if (!isChannel(channel)) return Promise.resolve(fail('NOT_FOUND', 'Kênh không có trong hợp đồng API.'));
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    // Only the payload crosses: the renderer never sees the IpcRendererEvent (and its `sender`).
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
} satisfies Transport;

contextBridge.exposeInMainWorld('desktop', Object.freeze(desktop));

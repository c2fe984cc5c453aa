/**
 * The Electron-facing wiring, with `electron` replaced by a small fake (house rule 14: nothing needs the binary):
 * IPC refuses other senders and dispatches ours; security.ts denies new windows, navigation, webviews and
 * permissions; the preload exposes a frozen { invoke, on } limited to the contract.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const handles = new Map<string, Listener>();
  const appListeners = new Map<string, Listener>();
  const exposed = new Map<string, unknown>();
  const rendererListeners = new Map<string, Listener[]>();
  return { handles, appListeners, exposed, rendererListeners, openExternal: vi.fn(async () => undefined), invoke: vi.fn() };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    enableSandbox: vi.fn(),
    on: (event: string, listener: Listener) => fake.appListeners.set(event, listener),
  },
  shell: { openExternal: fake.openExternal },
  ipcMain: {
    handle: (channel: string, listener: Listener) => fake.handles.set(channel, listener),
    removeHandler: (channel: string) => fake.handles.delete(channel),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (event: string, listener: Listener) => fake.rendererListeners.set(event, [...(fake.rendererListeners.get(event) ?? []), listener]),
    removeListener: (event: string, listener: Listener) =>
      fake.rendererListeners.set(event, (fake.rendererListeners.get(event) ?? []).filter((l) => l !== listener)),
  },
}));

// The modules below import `electron`, which is the fake above.
import { registerIpc, ipcEmitter } from '../../../src/main/electron/ipc';
import { lockDownSession, secureWebPreferences } from '../../../src/main/electron/security';
import { CHANNELS, type Transport } from '../../../src/shared/api/contract';
import type { Handlers } from '../../../src/main/host/handlers';

/** Electron's BrowserWindow type, named through the function under test (no type import of 'electron' here). */
type MainWindow = NonNullable<ReturnType<Parameters<typeof registerIpc>[1]>>;

const mainFrame = { url: 'app://secretariat/index.html', processId: 3, routingId: 1, parent: null };

function fakeWindow() {
  const send = vi.fn();
  const window = {
    isDestroyed: () => false,
    webContents: { mainFrame, send, isDestroyed: () => false },
  };
  return { window: window as unknown as MainWindow, send };
}

describe('ipc.ts', () => {
  const info = vi.fn(async () => ({ version: '0.1.0', dataDir: '/d', transport: 'electron' as const }));
  const handlers = { 'app.info': info } as unknown as Handlers;

  beforeEach(() => {
    fake.handles.clear();
    info.mockClear();
  });

  it('registers exactly one handler per contract channel', () => {
    registerIpc(handlers, () => null);
    expect([...fake.handles.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers FORBIDDEN to a sender that is not our main frame, without running the handler', async () => {
    const { window } = fakeWindow();
    registerIpc(handlers, () => window);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handle = fake.handles.get('app.info')!;
    for (const senderFrame of [null, { ...mainFrame, parent: mainFrame }, { ...mainFrame, url: 'https://evil.example/' }, { ...mainFrame, routingId: 2 }]) {
      expect(await handle({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    warn.mockRestore();
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses everything while there is no window', async () => {
    registerIpc(handlers, () => null);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await fake.handles.get('app.info')!({ senderFrame: mainFrame }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    warn.mockRestore();
  });

  it('dispatches our main frame: schema first (VALIDATION), then the handler', async () => {
    const { window } = fakeWindow();
    registerIpc(handlers, () => window);
    const handle = fake.handles.get('app.info')!;
    expect(await handle({ senderFrame: mainFrame }, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(info).not.toHaveBeenCalled();
    expect(await handle({ senderFrame: mainFrame }, {})).toEqual({ ok: true, value: { version: '0.1.0', dataDir: '/d', transport: 'electron' } });
    expect(info).toHaveBeenCalledWith({}, { transport: 'electron' });
  });

  it('sends events to the window with webContents.send and drops them when there is none', () => {
    const { window, send } = fakeWindow();
    const payload = { jobId: 'job-1', label: 'In sổ', done: 1, total: 2, state: 'running' as const };
    ipcEmitter(() => window)('job.progress', payload);
    expect(send).toHaveBeenCalledWith('job.progress', payload);
    expect(() => ipcEmitter(() => null)('job.progress', payload)).not.toThrow();
  });
});

describe('security.ts', () => {
  function contents() {
    const on = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    return {
      on,
      open: (url: string) => openHandler?.({ url }),
      api: { setWindowOpenHandler: (h: Listener) => (openHandler = h), on: (event: string, l: Listener) => on.set(event, l) },
    };
  }

  it('hardens the webPreferences, with DevTools off in the packaged app', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
  });

  it('denies window.open and opens only safe http(s) links outside', () => {
    const c = contents();
    fake.appListeners.get('web-contents-created')!({}, c.api);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(c.open('https://dichvucong.gov.vn/')).toEqual({ action: 'deny' });
    expect(c.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    warn.mockRestore();
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
    expect(fake.openExternal).toHaveBeenCalledWith('https://dichvucong.gov.vn/');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const c = contents();
    fake.appListeners.get('web-contents-created')!({}, c.api);
    const event = { preventDefault: vi.fn() };
    c.on.get(name)!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    let request: Listener | undefined;
    let check: Listener | undefined;
    let device: Listener | undefined;
    lockDownSession({
      setPermissionRequestHandler: (h: Listener) => (request = h),
      setPermissionCheckHandler: (h: Listener) => (check = h),
      setDevicePermissionHandler: (h: Listener) => (device = h),
    } as unknown as Parameters<typeof lockDownSession>[0]);
    const callback = vi.fn();
    request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!({}, 'notifications')).toBe(false);
    expect(device!({})).toBe(false);
  });
});

describe('preload', () => {
  beforeEach(async () => {
    fake.exposed.clear();
    fake.rendererListeners.clear();
    fake.invoke.mockReset();
    vi.resetModules();
    await import('../../../src/preload/index');
  });
  const bridge = (): Transport => fake.exposed.get('desktop') as Transport;

  it('exposes one frozen object with invoke and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['desktop']);
    expect(Object.isFrozen(bridge())).toBe(true);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes contract channels and refuses others without touching IPC', async () => {
    fake.invoke.mockResolvedValue({ ok: true, value: 1 });
    expect(await bridge().invoke('app.info', {})).toEqual({ ok: true, value: 1 });
    expect(fake.invoke).toHaveBeenCalledWith('app.info', {});
    const refused = await bridge().invoke('fs.readFile' as never, { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fake.invoke).toHaveBeenCalledTimes(1);
  });

  it('subscribes to contract events only, forwards the payload alone, and unsubscribes', () => {
    const listener = vi.fn();
    const off = bridge().on('job.progress', listener);
    const [forward] = fake.rendererListeners.get('job.progress') ?? [];
    forward?.({ sender: 'the IpcRendererEvent' }, { done: 1 });
    expect(listener).toHaveBeenCalledWith({ done: 1 });
    off();
    expect(fake.rendererListeners.get('job.progress')).toEqual([]);
    const noop = bridge().on('app.info', listener);
    expect(fake.rendererListeners.has('app.info')).toBe(false);
    expect(() => noop()).not.toThrow();
  });
});

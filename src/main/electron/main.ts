/**
 * The Electron entry: lifecycle and the one window, nothing else (house rules 9 and 15). security.ts comes first
 * so its handlers are on before any web contents exists. Services and handlers are the same as the web host's
 * (host/compose, host/handlers); only the transport (ipc.ts) differs.
 */
import './security';
import { app, BrowserWindow, Menu, session } from 'electron';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../host/compose';
import { createSafeStorageSecretStore } from './secret-store';
import { createHandlers } from '../host/handlers';
import { APP_ENTRY_URL } from './app-origin';
import { ipcEmitter, registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { lockDownSession, secureWebPreferences } from './security';

registerAppScheme();

/**
 * Where the built files are. Packaged: the renderer and assets are extra resources (forge.config.ts), because
 * the Vite plugin packs only `.vite/`. In development: the repository's dist/renderer (run `npm run
 * build:renderer` first: the renderer is always loaded from app://, never from a dev server) and assets/.
 */
function appPaths() {
  const root = app.isPackaged ? process.resourcesPath : app.getAppPath();
  return {
    rendererDir: app.isPackaged ? join(root, 'renderer') : join(root, 'dist', 'renderer'),
    assetsDir: join(root, 'assets'),
    // Built next to this file by vite.preload.config.ts.
    preload: join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs'),
    dataDir: join(app.getPath('userData'), 'data'),
  };
}

let mainWindow: BrowserWindow | null = null;
const currentWindow = (): BrowserWindow | null => mainWindow;

function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Văn thư số',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => console.error('[main] renderer gone', details.reason));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((cause: unknown) => console.error('[main] could not load the renderer', cause));
  return window;
}

async function start(): Promise<void> {
  const paths = appPaths();
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  lockDownSession(session.defaultSession);
  serveRenderer(session.defaultSession, paths.rendererDir);
  const services = createServices({
    dataDir: paths.dataDir,
    assetsDir: paths.assetsDir,
    transport: 'electron',
    version: app.getVersion(),
    emit: ipcEmitter(currentWindow),
    // The axis secret goes to the OS keychain (safeStorage), never to a plain file (issue 8).
    secrets: createSafeStorageSecretStore(paths.dataDir),
  });
  registerIpc(createHandlers(services), currentWindow);
  Menu.setApplicationMenu(buildAppMenu(currentWindow, paths.dataDir));
  mainWindow = createMainWindow(paths.preload);
  app.on('activate', () => {
    if (mainWindow === null) mainWindow = createMainWindow(paths.preload);
  });
}

// One instance per user: two processes writing the same data directory would race on the blob store.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((cause: unknown) => {
      console.error('[main] start-up failed', cause);
      app.exit(1);
    });
}

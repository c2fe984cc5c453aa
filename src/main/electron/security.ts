/**
 * Window hardening in one place (house rule 9; Electron security checklist, SEC): imported first by main.ts so
 * every web contents ever created gets these handlers. Modelled on Actual's desktop-electron/security.ts.
 */
import { app, shell, type Session, type WebPreferences } from 'electron';
import { isSafeExternalUrl } from '../util/safe-path';

/**
 * The only webPreferences a window of ours gets (SEC #2 nodeIntegration off, #3 contextIsolation, #4 sandbox,
 * #6 webSecurity, #9 no experimental features, #10 no webview). DevTools only in development.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !app.isPackaged,
  };
}

/** Deny every permission request and check (camera, notifications, geolocation …): the app needs none (SEC #5). */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Opens an http(s) link in the system browser, only after the URL validator accepted it (SEC #15, house rule 10). */
function openExternalIfSafe(url: string): void {
  const safe = isSafeExternalUrl(url);
  if (safe === false) {
    console.warn('[security] refused to open', url.slice(0, 200));
    return;
  }
  shell.openExternal(safe.href).catch((cause: unknown) => console.warn('[security] openExternal failed', cause));
}

// Every renderer runs sandboxed, whatever a later BrowserWindow says (SEC #4).
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  // SEC #14: no new windows; an http(s) link goes to the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  // SEC #13: the app is one page; it never navigates or is redirected anywhere.
  contents.on('will-navigate', (event) => event.preventDefault());
  // …and neither does any frame inside it (will-navigate covers only the main frame).
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  // SEC #12 (webview): even with webviewTag off, refuse any attach.
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

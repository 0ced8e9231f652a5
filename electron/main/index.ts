/**
 * The Electron host. Deliberately thin: every decision (window options, CSP, navigation, senders,
 * paths, displays, menu) is a pure function in a sibling module with its own unit test; this file only
 * wires them to Electron's events. Nothing here can be run without the Electron binary.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type IpcMainInvokeEvent,
} from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { consoleLogger } from '../core/ports';
import { createBackendClient, type BackendClient } from '../core/rpc-port';
import { acquireFolderLock, folderInUseTextNl, type FolderLock } from '../core/storage/folder-lock';
import {
  backendArgs,
  backendEntryPath,
  backendGoneDialog,
  FORK_OPTIONS,
  utilityChannel,
} from './backend-host';
import { injectCspNonce, resolveAppPath, responseHeaders } from './app-protocol';
import { APP_INDEX_URL, APP_SCHEME, PROJECTOR_URL } from './app-url';
import { chooseProjectorDisplay } from './displays';
import { createRpcHandler, RPC_CHANNEL } from './ipc';
import { aboutPanelOptions, menuTemplate } from './menu';
import { windowIconPath } from './window-icon';
import {
  allowPermission,
  allowWebviewAttach,
  appScheme,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequestUrl,
  webPreferences,
  windowOpenDecision,
  type SenderInfo,
} from './security';

const APP_NAME = 'LVV Overleg';
const logger = consoleLogger;

// --- Before 'ready' -------------------------------------------------------------------------------
protocol.registerSchemesAsPrivileged([appScheme]);
app.enableSandbox(); // every renderer sandboxed, whatever a window's options say
// Native controls (date pickers, file choosers) follow Chromium's locale: Dutch first, like the app.
app.commandLine.appendSwitch('lang', 'nl');
// One userData folder in development and when packaged (package.json's name differs from productName).
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

if (!app.requestSingleInstanceLock()) {
  // Another instance has the database open; it gets focus through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  const devTools = !app.isPackaged;
  const appDir = app.getAppPath();
  const rendererDir = path.join(appDir, 'out', 'renderer');
  const preloadPath = path.join(appDir, 'out', 'preload', 'index.cjs');
  const prefs = webPreferences(preloadPath, { devTools });
  const icon = windowIconPath({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appDir,
    resourcesDir: process.resourcesPath,
  });

  // The only webContents whose IPC calls are answered: ours, tracked from creation to destruction.
  const trusted = new Set<number>();
  let mainWindow: BrowserWindow | null = null;
  let projector: BrowserWindow | null = null;

  const track = (win: BrowserWindow) => {
    const id = win.webContents.id;
    trusted.add(id);
    win.webContents.once('destroyed', () => trusted.delete(id));
  };

  const createMainWindow = () => {
    const win = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: APP_NAME,
      ...(icon ? { icon } : {}),
      backgroundColor: '#ffffff',
      webPreferences: prefs,
    });
    track(win);
    win.once('ready-to-show', () => win.show());
    // The projector only mirrors the meeting; it does not outlive the main window.
    win.on('closed', () => {
      mainWindow = null;
      if (projector && !projector.isDestroyed()) projector.close();
    });
    void win.loadURL(APP_INDEX_URL);
    mainWindow = win;
  };

  const openProjector = () => {
    if (projector && !projector.isDestroyed()) {
      projector.focus();
      return;
    }
    const placement = chooseProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    if (!placement) return;
    const win = new BrowserWindow({
      ...placement.bounds,
      fullscreen: placement.fullscreen,
      show: false,
      title: `${APP_NAME} — projectie`,
      autoHideMenuBar: true,
      ...(icon ? { icon } : {}),
      backgroundColor: '#000000',
      webPreferences: prefs,
    });
    track(win);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      projector = null;
    });
    void win.loadURL(PROJECTOR_URL);
    projector = win;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, including any we did not foresee, gets the same lockdown.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (windowOpenDecision(url) === 'open-projector') openProjector();
      else if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      if (!allowWebviewAttach()) event.preventDefault();
    });
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(allowPermission(permission, details.requestingUrl)),
    );
    ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
      allowPermission(permission, requestingOrigin),
    );
    ses.setDevicePermissionHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isAllowedRequestUrl(details.url, { devTools }) }),
    );

    protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request));

    // LVV_DATA_DIR lets smoke tests and the browser host point at the same folder.
    const dataDir = process.env.LVV_DATA_DIR || app.getPath('userData');
    // One program per data folder (another app, a browser host, a CLI command): say who has it, then stop.
    let lock: FolderLock;
    try {
      lock = acquireFolderLock(dataDir, 'app');
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'FOLDER_IN_USE')) throw e;
      dialog.showErrorBox(APP_NAME, folderInUseTextNl(e.info));
      app.exit(1);
      return;
    }
    process.once('exit', () => lock.release());

    // The backend (database, key, scrypt, DOCX, audit check) runs in a utility process of its own, so
    // the window's main process never waits for it; it runs its own idle timer.
    const backend: BackendClient = createBackendClient({
      logger,
      spawn: () =>
        utilityChannel(utilityProcess.fork(backendEntryPath(appDir), backendArgs(dataDir), FORK_OPTIONS)),
      onGiveUp: () => {
        const { title, message } = backendGoneDialog();
        dialog.showErrorBox(title, message);
        app.quit();
      },
    });
    // Quitting waits until the backend has locked the environment (the key wiped) and ended.
    let closing = false;
    app.on('will-quit', (event) => {
      if (closing) return;
      closing = true;
      event.preventDefault();
      void backend.close().finally(() => {
        lock.release();
        app.quit();
      });
    });

    const handleRpc = createRpcHandler({
      dispatch: backend.dispatch,
      trustedWebContentsIds: trusted,
      logger,
    });
    ipcMain.handle(RPC_CHANNEL, (event, method: unknown, input: unknown) =>
      handleRpc(senderInfo(event), method, input),
    );

    app.setAboutPanelOptions(
      aboutPanelOptions({ appName: APP_NAME, version: app.getVersion(), iconPath: icon }),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ platform: process.platform, appName: APP_NAME, devTools, actions: { openProjector } }),
      ),
    );
    createMainWindow();
  });

  // Closing the last window quits on every platform, macOS included: quitting locks the database.
  app.on('window-all-closed', () => app.quit());
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  let frameUrl: string | undefined;
  let isMainFrame = false;
  try {
    const frame = event.senderFrame;
    if (frame) {
      frameUrl = frame.url;
      isMainFrame = frame.parent === null && frame === event.sender.mainFrame;
    }
  } catch {
    // A frame that navigated or was destroyed meanwhile throws on access: treat it as untrusted.
  }
  return { webContentsId: event.sender.id, isMainFrame, frameUrl };
}

async function serveAppFile(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppPath(rendererDir, request.url);
  if (!file) return new Response(null, { status: 404 });
  let body: Uint8Array;
  try {
    body = new Uint8Array(await fs.readFile(file));
  } catch {
    return new Response(null, { status: 404 });
  }
  if (file.endsWith('.html')) {
    // A fresh nonce per document, for the <style> elements react-aria injects (see security.ts).
    const nonce = randomBytes(18).toString('base64');
    const html = injectCspNonce(new TextDecoder().decode(body), nonce);
    return new Response(html, { headers: responseHeaders(file, nonce) });
  }
  return new Response(body, { headers: responseHeaders(file) });
}

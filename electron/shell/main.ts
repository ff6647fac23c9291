/**
 * The Electron main process: window, protocols and IPC. Kept thin: every service is the same ApiRegistry the
 * CLI and the browser host use; this file only carries calls to it and checks who is calling.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiEvent, MediaVariant } from '../../shared/api';
import { ApiRegistry } from '../api/registry';
import { mediaFor } from '../host/media';
import { pageFile } from '../host/staticFiles';
import { defaultWorkspace, Workspace } from '../store/workspace';
import { APP_ORIGIN, APP_SCHEME, CHANNELS, MEDIA_SCHEME } from './channels';
import { electronPdfPrinter, printHtml } from './documentPrinting';

const rendererDir = path.join(__dirname, '..', '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } },
]);

function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

function registerProtocols(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = pageFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const variant = url.pathname.slice(1) as MediaVariant;
    const media = await mediaFor(url.searchParams.get('case') ?? '', Number(url.searchParams.get('id')), variant);
    if (!media) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(media.file).toString());
    return new Response(response.body, { headers: { 'Content-Type': media.contentType } });
  });
}

function createWindow(registry: ApiRegistry): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '人脸采集取证工作站 FaceAudit',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // No navigation away from the app and no new windows: external links open in the system browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const forward = registry.jobs.onChange((job) => {
    const event: ApiEvent = { type: 'job', job };
    if (!win.isDestroyed()) win.webContents.send(CHANNELS.event, event);
  });
  win.on('closed', forward);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  // The page asks for nothing: no camera, microphone, notifications or geolocation.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  registerProtocols();
  // PDFs the services export are printed by this Electron's Chromium (the same engine as the print dialog).
  const registry = new ApiRegistry(new Workspace(defaultWorkspace()), { pdfPrinter: () => electronPdfPrinter });

  ipcMain.handle(CHANNELS.call, (event, name: unknown, args: unknown) => {
    if (!fromOurPage(event)) return { ok: false, error: { code: 'args.invalid', params: { details: 'caller is not the app page' }, message: 'forbidden' } };
    return registry.handle(name, args);
  });
  ipcMain.handle(CHANNELS.pick, async (event, kind: unknown) => {
    if (!fromOurPage(event)) return [];
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: kind === 'file' ? ['openFile'] : ['openDirectory'],
    };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  });

  ipcMain.handle(CHANNELS.print, async (event, html: unknown) => {
    if (!fromOurPage(event) || typeof html !== 'string') return { printed: false, reason: 'forbidden' };
    return printHtml(html, BrowserWindow.fromWebContents(event.sender));
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  createWindow(registry);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(registry);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void main();

/**
 * Printing a document page in Electron: the system print dialog (webContents.print) for the page's "打印", and a
 * PdfPrinter on webContents.printToPDF for the services' PDF export, both from the same standalone HTML the
 * preview shows (shared/documents/html documentHtml). The page is loaded into a hidden window of its own that
 * runs no script and loads nothing (the HTML's CSP allows only inline styles and data: images), from a temporary
 * file rather than a data: URL, which Chromium caps in length (case files carry pictures).
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintOutcome } from '../../shared/api';
import { ELECTRON_PRINT_TO_PDF_OPTIONS, type PdfPrinter } from '../documents/render/pdf';

async function withDocumentWindow<T>(html: string, parent: BrowserWindow | null, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faceaudit-print-'));
  const file = path.join(dir, 'document.html');
  const win = new BrowserWindow({
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  // The document has no links to follow and opens nothing.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await fs.writeFile(file, html, 'utf8');
    await win.loadURL(pathToFileURL(file).href);
    return await use(win);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Opens the system print dialog for the page; resolves when it closes, printed or not. */
export function printHtml(html: string, parent: BrowserWindow | null): Promise<PrintOutcome> {
  return withDocumentWindow(html, parent, (win) =>
    new Promise<PrintOutcome>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (printed, reason) => {
        resolve({ printed, reason: printed ? null : reason || null });
      });
    }),
  );
}

/** The services' PDF printer in the app: Chromium's own print engine, with the page's CSS @page size and margins. */
export const electronPdfPrinter: PdfPrinter = {
  print: (html) => withDocumentWindow(html, null, (win) => win.webContents.printToPDF(ELECTRON_PRINT_TO_PDF_OPTIONS)),
};

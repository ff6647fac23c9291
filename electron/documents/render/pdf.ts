/**
 * Document model → PDF through Chromium's print engine, from the same HTML the preview shows.
 *
 * `PdfPrinter` hides who prints: the Electron shell passes one built on webContents.printToPDF, the CLI and the
 * tests use headless Chromium (`chromiumPrinter`). The page size, margins and page numbers come from the page's
 * CSS @page rules, which Chromium's --print-to-pdf honours (the PDF is A4 with the GB/T 9704 margins).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentModel } from '../../../shared/documents/model';
import { documentHtml } from '../../../shared/documents/html/toHtml';
import { UserError } from '../../../shared/messages';
import { findChromium } from './findChromium';

export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
}

/** A document of a few hundred pages prints in seconds; a hung Chromium must not hold the export forever. */
const PRINT_TIMEOUT_MS = 120_000;

export function chromiumPrinter(opts: { executable?: string; timeoutMs?: number } = {}): PdfPrinter {
  return {
    async print(html: string): Promise<Buffer> {
      const executable = findChromium(opts.executable);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faceaudit-pdf-'));
      try {
        const htmlPath = path.join(dir, 'document.html');
        const pdfPath = path.join(dir, 'document.pdf');
        await fs.writeFile(htmlPath, html, 'utf8');
        const args = (noSandbox: boolean): string[] => [
          '--headless',
          ...(noSandbox ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-extensions',
          '--no-first-run',
          '--no-default-browser-check',
          // A profile of its own: parallel prints and a running browser do not share (or lock) one.
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdfPath}`,
          pathToFileURL(htmlPath).href,
        ];
        const timeout = opts.timeoutMs ?? PRINT_TIMEOUT_MS;
        // Chromium refuses its sandbox as root (CI, containers) and where user namespaces are off; the page is our
        // own, with a CSP that loads nothing, so it then prints without.
        const asRoot = process.getuid?.() === 0;
        try {
          await runChromium(executable, args(asRoot), timeout);
        } catch (err) {
          if (asRoot || !(err instanceof UserError && /sandbox/i.test(String(err.params['details'])))) throw err;
          await runChromium(executable, args(true), timeout);
        }
        const pdf = await fs.readFile(pdfPath).catch(() => null);
        if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
          throw new UserError('documents.pdf.failed', { details: 'no PDF was written' });
        }
        return pdf;
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function runChromium(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new UserError('documents.pdf.failed', { details: `no answer in ${timeoutMs / 1000} s` }));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new UserError('documents.pdf.failed', { details: err.message }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const lastLine = stderr.trim().split('\n').filter((l) => !/dbus|Fontconfig/i.test(l)).pop() ?? '';
        reject(new UserError('documents.pdf.failed', { details: `exit ${code}${lastLine ? `: ${lastLine}` : ''}` }));
      }
    });
  });
}

/**
 * Options for Electron's webContents.printToPDF that print the same page as chromiumPrinter: the CSS @page size
 * and margins win, the page-number margin boxes are the document's own (no Chromium header or footer).
 */
export const ELECTRON_PRINT_TO_PDF_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
} as const;

export function renderPdf(model: DocumentModel, printer: PdfPrinter): Promise<Buffer> {
  return printer.print(documentHtml(model, { forPrint: true }));
}

/**
 * Pages of a PDF, from its page tree: the /Count of the root /Pages node, which is the total (nested /Pages
 * nodes carry partial counts, the root the largest). Falls back to counting /Type /Page objects. Chromium writes
 * uncompressed page-tree objects, so this needs no PDF library.
 */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) =>
    Number(m[1] ?? m[2]),
  );
  if (counts.length > 0) return Math.max(...counts);
  return [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
}

/**
 * LibreOffice as a real DOCX client for tests: open a DOCX headless and convert it to PDF, as a reader would see it.
 *
 * Each conversion gets its own LibreOffice profile (-env:UserInstallation), so parallel test files do not collide
 * on a shared one, and the fontconfig mapping users install (render/officialFontsConf.ts: the official font names
 * to the open fonts installed here, as a Linux desk with fonts-noto-cjk is set up by `faceaudit fonts-conf`); without it fontconfig sets
 * every official name but SimSun in its sans-serif, Noto Sans CJK (pdffonts calls it NotoSansCJKjp: the collection's
 * first face; the zh-CN text gets Simplified glyph forms all the same). Nothing in the DOCX changes that: see
 * render/docxStyles.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { officialFontsConf } from '../render/officialFontsConf';

const CONVERT_TIMEOUT_MS = 120_000;

export function findSoffice(): string {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (CI installs it)');
}

/** Converts `docxPath` to PDF in `outDir`; resolves with the PDF's path. */
export async function convertWithLibreOffice(docxPath: string, outDir: string): Promise<string> {
  const soffice = findSoffice();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'faceaudit-lo-'));
  try {
    const fontsConf = path.join(work, 'fonts.conf');
    await fs.writeFile(fontsConf, officialFontsConf({ standalone: true }));
    await fs.mkdir(outDir, { recursive: true });
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docxPath,
    ];
    const output = await run(soffice, args, { ...process.env, FONTCONFIG_FILE: fontsConf });
    const pdf = path.join(outDir, `${path.basename(docxPath, path.extname(docxPath))}.pdf`);
    await fs.access(pdf).catch(() => {
      throw new Error(`LibreOffice wrote no PDF for ${docxPath}: ${output.trim()}`);
    });
    return pdf;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`LibreOffice did not finish in ${CONVERT_TIMEOUT_MS / 1000} s: ${output.trim()}`));
    }, CONVERT_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`LibreOffice exited ${code}: ${output.trim()}`));
    });
  });
}

export { pdfFonts, pdfPageSize, pdfPageTexts, pdfText, pdfToPngs, pdfWords } from './pdfTools';

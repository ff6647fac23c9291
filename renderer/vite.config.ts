import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The page: root is renderer/, output goes to dist/renderer/ where the Electron shell and the browser host
// load it from. Relative asset paths (base './') so it works from a custom protocol, file:// and http alike.
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
  },
});

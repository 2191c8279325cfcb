import { defineConfig, type UserConfig } from 'vite';

/**
 * The explorer (web/): `npm start` serves it on 127.0.0.1:5173 (the next free port if taken),
 * `npm run build:web` writes a static site to web/dist that works from any file server.
 */
const config: UserConfig = defineConfig({
  root: 'web',
  base: './',
  server: { host: '127.0.0.1', port: 5173, strictPort: false, open: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // plotly.js alone is about 4.7 MB minified; it is one library, not a split to make.
    chunkSizeWarningLimit: 5000,
  },
});

export default config;

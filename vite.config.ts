// Builds the student SPA from client/ into dist/client; the dev server proxies /api to Express.
// The service worker (Workbox generateSW) precaches the app shell so a reload while offline still
// opens the survey. It never takes over a running page: a new release waits until every tab of the
// app is closed (no skipWaiting), so a student mid-survey keeps the shell (HTML, JS, CSS) they started
// with, whose files stay in the old cache until then; on activation the old precache is cleaned up.
// Every text file of the bundle also gets a brotli (.br) and a gzip (.gz) copy at build time, which the server
// sends to browsers that accept them (server/http/static-files.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false, // registered from client/lib/service-worker.ts: no inline script under the CSP
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css}'],
        navigateFallback: '/index.html',
        // Only the student app's own address gets the shell (a later staff page with its own HTML stays
        // out of it); the API and the server-rendered printable questionnaire never do.
        navigateFallbackAllowlist: [/^\/(index\.html)?(\?|$)/],
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/vragenlijst(\/|$)/],
        cleanupOutdatedCaches: true,
        skipWaiting: false,
        // Only matters on the first install (no page was controlled yet); an update activates with no tabs open.
        clientsClaim: true,
      },
    }),
    compression({
      include: /\.(html|js|css|svg|webmanifest)$/,
      algorithms: [
        ['brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }],
        ['gzip', { level: 9 }],
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3001' },
  },
});

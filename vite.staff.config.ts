// Builds the staff app (client/staff, served at /staff) into dist/client/staff, after the student build: a build
// of its own, so no staff code or chunk ever lands in the student bundle or the student service worker's
// precache. `npm run dev` serves it from vite.config.ts as well, at http://localhost:5173/staff/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';

export default defineConfig({
  root: 'client/staff',
  base: '/staff/',
  plugins: [
    react(),
    // Brotli and gzip copies beside each file, sent by server/http/static-files.ts as for the student app.
    compression({
      include: /\.(html|js|css|svg)$/,
      algorithms: [
        ['brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }],
        ['gzip', { level: 9 }],
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../../dist/client/staff',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: { '@razgovor/contracts': here('../../libs/contracts/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The IMR Desk browser app. `vite build web` writes web/dist, which the server serves; `vite web`
 * serves it in development and passes /api to the API server (IMR_API_URL, default port 3000).
 */
const api = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.IMR_API_URL;

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': { target: api ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a server started with `./automateos server` (port 8080 by
// default; AOS_SERVER overrides it), so the app and the API share one origin as in production.
const server = process.env.AOS_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/webhook': { target: server },
      '/webhook-test': { target: server },
      '/health': { target: server },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The build machines are two shared, slow cores: a cold component test can take seconds.
    testTimeout: 30_000,
  },
});

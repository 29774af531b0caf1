import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The browser app lives in client/; the API and socket.io are served by the Node server on
// :3000, so in dev every backend path is proxied there and cookies stay same-origin.
const backend = 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [preact()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend },
      '/socket.io': { target: backend, ws: true },
      '/health': { target: backend },
      '/ready': { target: backend },
    },
  },
});

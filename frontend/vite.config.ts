/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// The Go listener serves the built dashboard under /dashboard/ and Wails
// embeds it at the root, so every asset URL is relative.
//
// `npm run dev` proxies the REST API and the /ws feed to a running listener
// (LTTH_LISTEN, default the app's own default address) so the dev server
// behaves like the "browser mode" the listener serves; it sends the
// listener's own Origin, the only page origin the listener admits.
const listen = process.env.LTTH_LISTEN ?? 'http://127.0.0.1:3000'

export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      // The listener admits only its own origin: the proxy presents it.
      '/api': { target: listen, changeOrigin: false, headers: { origin: listen } },
      '/ws': { target: listen, ws: true, headers: { origin: listen } },
      '/overlay.html': { target: listen },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['scripts/i18n-global-setup.mjs'],
    environment: 'node',
  },
})

import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  vitePlugin: {
    // Our own components are always runes-mode; libraries decide for themselves.
    dynamicCompileOptions({ filename }) {
      if (!filename.includes('node_modules')) return { runes: true }
    },
  },
}

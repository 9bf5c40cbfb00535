import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { tourFiles, withoutXrEmulator, xrInputProfiles } from './tools/lib/vitePlugins.ts'

export default defineConfig({
  // Relative asset URLs, so the built site works from any sub-folder of any static host.
  base: './',
  // One page, but no fallback to it: a missing panorama must return 404 in development as it does
  // on a static host, not the app's HTML with status 200.
  appType: 'mpa',
  plugins: [react(), withoutXrEmulator(), tourFiles(), xrInputProfiles()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // The 3D chunk (three, React Three Fiber, drei, the XR store) is large by nature. It loads
    // after the page shell, as README.md explains under start-up.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
  },
})

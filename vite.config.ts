import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { offlineFiles } from './tools/lib/offlineFiles.ts'
import {
  preloadAppOutsideEmbed,
  sharePages,
  tourFiles,
  withoutXrEmulator,
  xrInputProfiles,
} from './tools/lib/vitePlugins.ts'

export default defineConfig({
  // Relative asset URLs, so the built site works from any sub-folder of any static host.
  base: './',
  // One page, but no fallback to it: a missing panorama must return 404 in development as it does
  // on a static host, not the app's HTML with status 200.
  appType: 'mpa',
  plugins: [
    react(),
    withoutXrEmulator(),
    tourFiles(),
    xrInputProfiles(),
    sharePages(),
    preloadAppOutsideEmbed(),
    offlineFiles(),
    // The service worker precaches the app shell for every visitor: the page, the scripts, the
    // styles and the WOFF2 fonts (about 0.55 MB gzip in this build). Panoramas, models, decoders
    // and XR profiles are cached only by booths, at run time, into the cache
    // `showcase-tour-assets` (see src/kiosk/offline.ts and the README's "Running a booth").
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['index.html', 'favicon.svg', 'assets/*.{js,css,woff2}'],
        globIgnores: ['**/draco_*', '**/basis_*', '**/*.map'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Precached files have hashed names, so a query (the app's own `?mode=kiosk&scene=…`)
        // never selects another file: the page at any query is the precached index.html.
        ignoreURLParametersMatching: [/./],
        cleanupOutdatedCaches: true,
        // A new service worker waits until a booth reset or until the last tab closes, so a
        // visitor never gets a new app in the middle of a visit. The first one controls pages
        // only from the next load on.
        clientsClaim: false,
        skipWaiting: false,
        navigateFallback: null,
        runtimeCaching: [
          {
            // Files a booth cached are served from that cache, anything else from the network.
            // Requests with `cache: 'no-store'` are the booth's own update checks and bypass it.
            // Both functions are copied into sw.js as source text, so they name the cache
            // literally and use nothing from this file.
            urlPattern: ({ request, url }) =>
              request.method === 'GET' &&
              request.mode !== 'navigate' &&
              request.cache !== 'no-store' &&
              (url.protocol === 'http:' || url.protocol === 'https:'),
            handler: async ({ request }) => {
              const cache = await caches.open('showcase-tour-assets')
              const cached = await cache.match(request)
              return cached ?? fetch(request)
            },
          },
        ],
      },
    }),
  ],
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

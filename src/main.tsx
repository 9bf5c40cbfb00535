import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/600.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, loadViewer } from './App.tsx'
import { boot } from './boot.ts'
import { registerServiceWorker } from './kiosk/offline.ts'
import { useAppStore } from './state/store.ts'

const container = document.getElementById('root')
if (!container) throw new Error('[app] index.html has no #root element')

// The document language follows the visitor's choice, for screen readers and hyphenation.
useAppStore.subscribe((state) => {
  document.documentElement.lang = state.lang
})

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
// Fetch the 3D code at once, alongside the tour file, instead of after it. A failure here shows up
// again, with its message, where the view renders.
loadViewer().catch(() => {})
void boot()
// Every visitor gets the app shell precached; booths also cache their tours (src/kiosk/offline.ts).
void registerServiceWorker()

import { parseLaunchParams } from './core/url.ts'
import { startEmbed } from './embed/start.ts'
import { UI_LANGUAGES } from './i18n/translate.ts'

// The page's entry point. It stays small so an embedded tour costs its host page little before
// the visitor starts it: embed mode shows a poster first, every other mode loads the app at once.
// The app's modules are preloaded from index.html in those modes (see tools/lib/vitePlugins.ts).
const { params } = parseLaunchParams(location.search, UI_LANGUAGES)
if (params.mode === 'embed') startEmbed(params, location.search)
else void import('./main.tsx')

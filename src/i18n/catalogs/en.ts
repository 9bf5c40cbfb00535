import type { MessageKey } from './vi.ts'

/** English interface texts, shown beside the Vietnamese default. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Northwest Vietnam 360',
  'app.loading': 'Loading…',
  'app.loadingTour': 'Loading the tour…',
  'app.webglUnavailable':
    'This browser cannot show 3D graphics (WebGL). Try another browser or turn on hardware acceleration.',

  'tour.loadFailed': 'The tour could not be loaded',
  'tour.error.http': 'The server returned status {status} for {url}.',
  'tour.error.network': 'Could not connect to {url}.',
  'tour.error.json': 'The tour file is not valid JSON.',
  'tour.error.jsonAt':
    'The tour file is not valid JSON: the error is at line {line}, column {column}.',
  'tour.invalid.title': 'This tour file has problems, so it cannot open yet',
  'tour.invalid.intro': 'The file {url} has {count} errors. Fix the problems below, then reload.',
  'tour.invalid.warnings': 'Warnings (these do not stop the tour)',
  'tour.retry': 'Reload',
  'tour.openSample': 'Open the sample tour',

  'problem.where.tour': 'Tour',
  'problem.where.scene': 'Scene “{scene}”',
  'problem.where.hotspot': 'Scene “{scene}”, hotspot “{hotspot}”',
  'problem.where.offer': 'Offer “{offer}”',
  'problem.invalid-json': 'the file is not valid JSON: {value}.',
  'problem.not-an-object': 'the file must contain a JSON object, but it contains {value}.',
  'problem.unknown-version': 'version {value} is not supported; this app reads version {expected}.',
  'problem.missing-field': 'the field “{field}” is missing.',
  'problem.invalid-type': 'the field “{field}” is {value}; expected {expected}.',
  'problem.out-of-range': 'the field “{field}” is {value}, outside the range {expected}.',
  'problem.invalid-id':
    'the id {value} in “{field}” is invalid: use only letters, digits, “.”, “_” and “-”.',
  'problem.invalid-value': 'the field “{field}” is {value}; expected one of {expected}.',
  'problem.invalid-locale': 'the language tag {value} is invalid (for example "vi" or "en").',
  'problem.invalid-phone': 'the phone number {value} is invalid (for example "+84 214 3800 000").',
  'problem.invalid-currency': 'the currency code {value} is invalid (for example "VND").',
  'problem.too-few-items': 'the list “{field}” needs at least {expected} item(s).',
  'problem.too-many-items':
    'the list “{field}” has {value} items, more than the maximum of {expected}.',
  'problem.duplicate-id': 'the id {value} is used more than once; each id must be unique.',
  'problem.unknown-start': 'the start scene {value} is not in the list of scenes.',
  'problem.unknown-target': 'this hotspot leads to scene {value}, which does not exist.',
  'problem.unknown-offer': 'this hotspot opens offer {value}, which does not exist.',
  'problem.unknown-highlight': 'the attract loop highlight {value} is not a scene of this tour.',
  'problem.self-link': 'this hotspot leads back to its own scene {value}.',
  'problem.missing-default-text':
    'the field “{field}” has no text for the default language “{expected}”.',
  'problem.unlisted-locale':
    'the field “{field}” has text in {value}, which is not in “locales” ({expected}).',
  'problem.insecure-link': 'the link {value} must use https: (http: only on localhost).',
  'problem.invalid-link': 'the link {value} is not a valid address.',
  'problem.invalid-origin':
    '{value} is not a valid origin; write it as https://host.example, with no path.',
  'problem.path-leaves-site':
    'the path {value} leaves the tour’s site; files must be on the same site.',
  'problem.root-relative-path':
    'the path {value} starts at the site root, so it breaks when the site is served from a sub-folder; write it relative to the tour file, such as {expected}.',
  'problem.file-not-found': 'the file {value} was not found.',
  'problem.path-is-folder':
    'the path {value} is a folder; expected a tour file, such as {expected}.',
  'problem.invalid-image': 'the panorama {value} is not a valid JPEG, PNG or WebP image.',
  'problem.not-equirectangular':
    'the panorama {value} is {actual} pixels, not 2:1: an equirectangular panorama of this width is {expected}. If it covers only part of the sphere, add GPano XMP that says which part (most panorama apps write it).',
  'problem.cylindrical-panorama':
    'the panorama {value} is a cylindrical panorama (GPano XMP) that covers {actual}, not the whole sphere. It is shown on that area only, and the view cannot leave it.',
  'problem.partial-panorama':
    'the panorama {value} covers only {actual} of the sphere, according to its GPano XMP. It is shown on that area only, and the view cannot leave it.',
  'problem.panorama-over-texture-limit':
    'the panorama {value} is {actual} pixels. Many devices load at most {expected} pixels wide as one texture and show it scaled down, so detail is lost. Cut it into tiles with npm run pano:tile and use type "tiles".',
  'problem.panorama-over-phone-limit':
    'the panorama {value} is {actual} pixels, wider than {expected}, the largest texture many phones load, so phones show it scaled down. To keep it sharp on phones, cut it into tiles with npm run pano:tile and use type "tiles".',
  'problem.invalid-tiles':
    'the tile descriptor {value} is invalid ({actual}). Make it again with npm run pano:tile.',
  'problem.invalid-model':
    'the model {value} is not a glTF 2.0 file: a .glb file must start with “glTF”, and a .gltf file must be JSON with an “asset” object.',
  'problem.truncated-model':
    'the model {value} is cut short: its header gives a length of {expected} bytes, but the file has {actual} bytes. Copy or export it again.',
  'problem.orphan-scene': 'no scene links to this scene; it opens only from the scene list.',
  'problem.unknown-key': 'the field “{field}” is not part of the tour format and is ignored.',

  'scene.list': 'Scenes',
  'scene.listOpen': 'Open the scene list',
  'scene.current': 'current',
  'scene.kind.panorama': '360° photo',
  'scene.kind.model': '3D model',
  'scene.loading': 'Loading “{title}”',
  'scene.error.title': 'The scene “{title}” cannot be shown',
  'scene.error.other': 'You can still choose another scene from the scene list.',
  'scene.credit': 'Credit: {credit}',
  'scene.help.panorama':
    '360° photo. Drag to look around; scroll or pinch to zoom. Keyboard: arrow keys to look around, + and − to zoom.',
  'scene.help.model':
    '3D model. Drag to turn it; scroll or pinch to zoom. Keyboard: arrow keys to turn it, + and − to zoom.',

  'asset.error.http': 'The server returned status {status} for the file {url}.',
  'asset.error.network': 'The file {url} could not be downloaded.',
  'asset.error.image': 'The image {url} is corrupt or not a JPEG, PNG or WebP image.',
  'asset.error.model': 'The model {url} is corrupt, cannot be read or has nothing to show.',

  'tiles.error.json': 'The tile descriptor {url} is not valid JSON.',
  'tiles.error.field':
    'The tile descriptor {url} is invalid at the field “{field}”. Make it again with npm run pano:tile.',

  'hotspot.goTo': 'Go to: {title}',

  'card.close': 'Close',
  'offer.heading': 'Tour offer',
  'offer.operator': 'Operator',
  'offer.price': 'Price',
  'offer.duration': 'Duration',
  'offer.departsFrom': 'Departs from',
  'offer.book': 'Book this tour',
  'offer.bookHint': 'opens the booking page in a new tab',
  'offer.call': 'Call {phone}',
  'offer.qrAlt': 'QR code of the booking link',
  'offer.qrCaption': 'Scan to book on your phone',

  'duration.days.one': '{count} day',
  'duration.days.other': '{count} days',
  'duration.nights.one': '{count} night',
  'duration.nights.other': '{count} nights',
  'duration.join': '{days}, {nights}',

  'lang.label': 'Language',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'notice.dismiss': 'Dismiss notice',
  'notice.view.invalid':
    'The parameter view={value} is invalid and was ignored (expected yaw,pitch,fov, such as 30,-5,75).',
  'notice.scene.invalid': 'The parameter scene={value} is invalid and was ignored.',
  'notice.scene.not-found': 'The tour has no scene {value}; opening the first scene.',
  'notice.lang.unsupported': 'The language {value} is not supported; using Vietnamese.',
  'notice.mode.invalid': 'The mode {value} does not exist and was ignored.',
  'notice.tour.invalid': 'The tour address {value} is invalid; opening the sample tour.',
  'notice.tour.other-origin':
    'Tours from another site ({value}) are not opened; opening the sample tour. Put the tour file on the same site as the app.',

  'about.open': 'About',
  'about.title': 'About this tour',

  'embed.start': 'Explore in 360°',
  'embed.starting': 'Opening the tour…',
  'embed.twoFingerHint': 'Use two fingers to look around',
  'embed.share.open': 'Share',
  'embed.share.title': 'Share this scene',
  'embed.share.linkLabel': 'Link to the current scene, view and language',
  'embed.share.copy': 'Copy link',
  'embed.share.copied': 'Copied to the clipboard.',
  'embed.share.copyFailed': 'Could not copy; select the text in the box and copy it by hand.',
  'embed.share.native': 'Share with an app…',
  'embed.share.embedHeading': 'Embed in a web page',
  'embed.share.embedIntro':
    'Paste the code below into your page. The campaign parameters are added to every booking link opened from this embed.',
  'embed.share.utmSource': 'Source (utm_source)',
  'embed.share.utmMedium': 'Medium (utm_medium)',
  'embed.share.utmCampaign': 'Campaign (utm_campaign)',
  'embed.share.snippetLabel': 'Embed code',
  'embed.share.copySnippet': 'Copy embed code',
  'kiosk.attract.prompt': 'Touch to explore',
  'kiosk.attract.start': 'Start exploring',
  'kiosk.staff.corner': 'Staff menu (press and hold for 3 seconds)',
  'kiosk.pin.title': 'Enter the staff PIN',
  'kiosk.pin.label': 'PIN',
  'kiosk.pin.submit': 'Open menu',
  'kiosk.pin.clear': 'Clear',
  'kiosk.pin.wrong': 'Wrong PIN.',
  'kiosk.pin.locked': 'Too many wrong PINs. Try again in {seconds} seconds.',
  'kiosk.pin.missing':
    'This booth has no PIN (set VITE_KIOSK_PIN at build time), so the staff menu is locked.',
  'kiosk.menu.title': 'Staff menu',
  'kiosk.menu.tour': 'Tour',
  'kiosk.menu.switchTour': 'Switch tour',
  'kiosk.menu.language': 'Default language',
  'kiosk.menu.offline': 'Offline use',
  'kiosk.menu.visitors': 'Visitors today: {count}',
  'kiosk.menu.reset': 'Back to the attract loop',
  'kiosk.menu.leave': 'Leave kiosk mode',
  'kiosk.menu.close': 'Close',
  'kiosk.offline.ready': 'Ready offline: {files} of {total} files, {size}',
  'kiosk.offline.caching': 'Saving for offline use: {files} of {total} files, {size}',
  'kiosk.offline.failed':
    '{failed} files could not be saved and are retried when the network is back. Saved {files} of {total} files, {size}.',
  'kiosk.offline.installing': 'Installing the app for offline use…',
  'kiosk.offline.unsupported': 'This browser cannot keep the app for offline use.',
  'kiosk.offline.update': 'An update was downloaded; it is used from the next reset.',
  'kiosk.offer.scan': 'Scan the QR code to book on your phone',
  'kiosk.offer.phone': 'Or call {phone}',
  'kiosk.contextLost': 'Restoring the 3D view…',
  'motion.gyro': 'Move your phone to look around',
  'motion.gyro.denied':
    'Access to the motion sensors was denied, so the view does not follow your phone. You can still drag to look around. To allow it, close this tab and open the tour again.',
  'motion.gyro.no-readings':
    'This device sent no motion sensor readings, so looking around by moving the phone is off. You can still drag to look around.',
  'motion.gyro.no-readings-embed':
    'The page that embeds this tour does not allow the motion sensors, so looking around by moving the phone is off; its frame needs allow="gyroscope; accelerometer". You can still drag to look around.',
  'motion.fullscreen.enter': 'Full screen',
  'motion.fullscreen.exit': 'Exit full screen',
  'motion.ar.enter': 'View in your space',
  'motion.ar.exit': 'Exit AR',
  'motion.ar.scanning': 'Move your phone slowly to find a floor or a table.',
  'motion.ar.place': 'Tap to place the model on the ring.',
  'motion.ar.place-floor': 'Tap a spot on the floor to place the model.',
  'motion.ar.placed': 'Tap another spot to move it; use the buttons to turn and resize it.',
  'motion.ar.turn-left': 'Turn left',
  'motion.ar.turn-right': 'Turn right',
  'motion.ar.larger': 'Larger',
  'motion.ar.smaller': 'Smaller',
  'motion.ar.failed': 'AR could not start on this device: {reason}',

  'xr.vr.enter': 'Enter VR',
  'xr.vr.enterHint': 'View the tour in a VR headset',
  'xr.vr.exit': 'Exit VR',
  'xr.vr.failed': 'VR could not start on this device.',
  'xr.panel.close': 'Close',
  'xr.panel.phone': 'Phone: {phone}',
  'xr.panel.scanHint': 'Scan the QR code with your phone to book',
  'xr.panel.bookDone': 'Scan the QR code with your phone to finish booking',
  'xr.model.hint': 'Use these buttons or the right thumbstick to turn and scale the model',
}

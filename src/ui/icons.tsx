/** Small inline icons; drawn in SVG so they ship with the app and scale with the text. */

export function HotspotIcon({ kind }: { kind: 'scene' | 'info' | 'offer' }) {
  switch (kind) {
    case 'scene':
      return (
        <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
          <path d="M12 4l7 8h-4v8H9v-8H5z" fill="currentColor" />
        </svg>
      )
    case 'info':
      return (
        <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
          <circle cx="12" cy="7" r="1.8" fill="currentColor" />
          <rect x="10.4" y="10" width="3.2" height="9" rx="1" fill="currentColor" />
        </svg>
      )
    case 'offer':
      return (
        <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
          <path
            d="M3 12.5V4h8.5L21 13.5 13.5 21zM7.5 9.5a2 2 0 100-4 2 2 0 000 4z"
            fill="currentColor"
            fillRule="evenodd"
          />
        </svg>
      )
  }
}

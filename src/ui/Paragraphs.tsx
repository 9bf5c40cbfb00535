/**
 * Shows tour text as paragraphs split on blank lines. Text is always rendered as text, never as
 * HTML, so markup in a tour file cannot run or restyle the page.
 */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '')
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // Paragraphs have no identity beyond their order in a text that does not change.
        // biome-ignore lint/suspicious/noArrayIndexKey: static text split
        <p key={index} lang={lang}>
          {paragraph}
        </p>
      ))}
    </>
  )
}

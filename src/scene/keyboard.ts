/**
 * Returns true when a key event belongs to something other than the 3D view: a text field, or an
 * open card, where arrow keys and +/- keep their usual meaning.
 */
export function isKeyForOtherControl(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true
  const target = event.target
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true
  return target.closest('dialog, [role="dialog"]') !== null
}

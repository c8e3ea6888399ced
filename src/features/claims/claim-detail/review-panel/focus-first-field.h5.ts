/**
 * Browser: puts the cursor in the first text box of the form `id` (the kit's `autoFocus` is lost when the page scrolls
 * the form into view). Same export as focus-first-field.weapp.ts.
 */
export function focusFirstField(id: string): void {
  const box = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(`#${id} textarea, #${id} input`)
  box?.focus({ preventScroll: true })
}

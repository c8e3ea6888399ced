import type { ComponentType } from 'react'
import { LARGE_FONT_CLASS, largeFontOn, onLargeFontChange } from './large-font-store'
import { PageBar } from './page-bar'
import type { WithPageFrame } from './page-frame.types'

/**
 * On H5 the mode is one class on <html>: dialogs, toasts and pickers that TDesign portals to <body> follow it too.
 * Applied once, before the first page renders, and again whenever the user switches.
 */
function applyRootClass(): void {
  if (typeof document === 'undefined') return
  document.documentElement.classList.toggle(LARGE_FONT_CLASS, largeFontOn())
}

let applied = false

/** Every page also gets the H5 page bar (its title and a back button; page-bar.h5.tsx). */
export const withPageFrame: WithPageFrame = <P extends object>(Page: ComponentType<P>) => {
  if (!applied) {
    applied = true
    onLargeFontChange(applyRootClass)
    // The system font size is measured in <body>: wait for it when the page script runs in <head>.
    if (typeof document !== 'undefined' && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', applyRootClass, { once: true })
    } else {
      applyRootClass()
    }
  }
  function Framed(props: P) {
    return (
      <>
        <PageBar />
        <Page {...props} />
      </>
    )
  }
  return Framed
}

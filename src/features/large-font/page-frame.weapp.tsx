import { View } from '@tarojs/components'
import type { ComponentType } from 'react'
import { LARGE_FONT_CLASS, useLargeFont } from './large-font-store'
import type { WithPageFrame } from './page-frame.types'

/**
 * A mini-program page's <page> node cannot take a class from code, so every page renders inside one root view that
 * carries `ma-elder`: the custom properties in app.scss cascade from it into the page and its TDesign components.
 */
export const withPageFrame: WithPageFrame = <P extends object>(Page: ComponentType<P>) => {
  function Framed(props: P) {
    const large = useLargeFont()
    return (
      <View className={large ? `ma-page ${LARGE_FONT_CLASS}` : 'ma-page'}>
        <Page {...props} />
      </View>
    )
  }
  return Framed
}

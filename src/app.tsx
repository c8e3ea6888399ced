import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/services/cloud'
import { namePageRegions } from '@/components/a11y'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    namePageRegions()
  })

  // children are the pages Taro renders
  return children
}

export default App

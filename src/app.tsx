import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
// Not the cloud client itself: the app shell stays small, the first page loads the client when it needs it.
import { initCloud } from '@/services/cloud-init'
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

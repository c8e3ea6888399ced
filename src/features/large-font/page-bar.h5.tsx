import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { buttonA11y } from '@/components/a11y'
import { ENTRY_PAGE, HOME_PAGE } from '@/services/app-pages'
import './page-bar.scss'

/** The pages a person starts from (the main package): they have their own header and nothing to go back to. */
const ROOT_PAGES = [ENTRY_PAGE, HOME_PAGE]

interface PageFacts {
  path: string
  title: string
}

/** The page being rendered: its path and its config's navigationBarTitleText (the title WeChat shows on weapp). */
function currentPage(): PageFacts {
  const page = Taro.getCurrentInstance().page as { route?: string; config?: { navigationBarTitleText?: string } } | null | undefined
  const path = `/${(Taro.getCurrentInstance().router?.path ?? page?.route ?? '').replace(/^\//, '').split('?')[0]}`
  return { path, title: page?.config?.navigationBarTitleText ?? '' }
}

/**
 * H5 has no WeChat navigation bar (Taro draws one only with `navigationStyle: 'default'`, as a bare icon without a
 * name), so each feature page starts with this bar: the page's title as its heading, and a named button back — to
 * the previous page, or to the role home when the page was opened directly (a link, a reload). The browser tab shows
 * the same title (Taro's router sets document.title from the page config).
 */
export function PageBar() {
  const [{ path, title }] = useState(currentPage)
  if (ROOT_PAGES.includes(path)) return null
  const canGoBack = Taro.getCurrentPages().length > 1
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: HOME_PAGE })
  }
  return (
    <View className="ma-page-bar">
      <View className="ma-page-bar__back" {...buttonA11y(canGoBack ? '返回上一页' : '回到首页', back)} onClick={back}>
        <View className="ma-page-bar__chevron" aria-hidden="true" />
        <Text aria-hidden="true">{canGoBack ? '返回' : '首页'}</Text>
      </View>
      <View className="ma-page-bar__title" role="heading" aria-level={1}>
        {title}
      </View>
    </View>
  )
}

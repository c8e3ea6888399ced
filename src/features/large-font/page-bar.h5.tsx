import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { buttonA11y } from '@/components/a11y'
import { BIND_PAGE, ENTRY_PAGE, HOME_PAGE } from '@/services/app-pages'
import './page-bar.scss'

/** The pages a person starts from (the main package): they have their own header and nothing to go back to. */
const ROOT_PAGES = [ENTRY_PAGE, HOME_PAGE]

/**
 * Where a page opened directly (nothing before it) goes back to: the role home — except binding, where a user who has
 * no role yet is, and whose home would send them straight back to binding: that goes back to the sign-in page.
 */
function upFrom(path: string): { url: string; label: string; text: string } {
  return path === BIND_PAGE
    ? { url: ENTRY_PAGE, label: '返回登录页', text: '登录页' }
    : { url: HOME_PAGE, label: '回到首页', text: '首页' }
}

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
 * the same title (Taro's router sets document.title from the page config). Binding, opened with nothing before it,
 * goes back to the sign-in page instead (upFrom).
 */
export function PageBar() {
  const [{ path, title }] = useState(currentPage)
  if (ROOT_PAGES.includes(path)) return null
  const up = Taro.getCurrentPages().length > 1 ? null : upFrom(path)
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: upFrom(path).url })
  }
  return (
    <View className="ma-page-bar">
      <View className="ma-page-bar__back" {...buttonA11y(up ? up.label : '返回上一页', back)} onClick={back}>
        <View className="ma-page-bar__chevron" aria-hidden="true" />
        <Text aria-hidden="true">{up ? up.text : '返回'}</Text>
      </View>
      <View className="ma-page-bar__title" role="heading" aria-level={1}>
        {title}
      </View>
    </View>
  )
}

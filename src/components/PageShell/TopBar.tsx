import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../services/nav'
import './TopBar.scss'

/** The page's own title (its index.config's navigationBarTitleText), as the mini-program's bar shows it. */
function pageTitle(): string {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | undefined
  return page?.config?.navigationBarTitleText || (document as unknown as Document).title || '同心圆'
}

/**
 * H5 only (the mini-program has WeChat's bar): the page title, 返回 to the page before, 首页 to home —
 * a browser's back button is not where an older resident looks. On home there is neither; a page
 * opened directly (a link) offers 首页 instead of 返回.
 */
export default function TopBar() {
  const [state] = useState(() => {
    const pages = Taro.getCurrentPages()
    const here = (pages[pages.length - 1]?.route ?? '').replace(/^\//, '')
    return { title: pageTitle(), back: pages.length > 1, home: !here.startsWith(ROUTES.home.slice(1)) }
  })
  const [title, setTitle] = useState(state.title)
  // Taro sets the title of a page a moment after it mounts; take it then.
  useEffect(() => {
    const t = setTimeout(() => setTitle(pageTitle()), 0)
    return () => clearTimeout(t)
  }, [])
  return (
    <View className='tx-topbar' ariaRole='navigation'>
      <View className='tx-topbar__side'>
        {state.back ? (
          <View
            className='tx-topbar__btn'
            id='topbar-back'
            ariaRole='button'
            ariaLabel='返回上一页'
            onClick={() => void Taro.navigateBack()}
          >
            <Text className='tx-topbar__chevron'>‹</Text>
            <Text>返回</Text>
          </View>
        ) : null}
      </View>
      <Text className='tx-topbar__title'>{title}</Text>
      <View className='tx-topbar__side tx-topbar__side--end'>
        {state.home ? (
          <View
            className='tx-topbar__btn'
            id='topbar-home'
            ariaRole='button'
            ariaLabel='回到首页'
            onClick={() => void Taro.reLaunch({ url: ROUTES.home })}
          >
            <Text>首页</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}

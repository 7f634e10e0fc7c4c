import { useEffect, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import { fontScale } from '../../services/fontScale'
import { pageShown } from '../../services/nav'
import PrivacyDialog from '../PrivacyDialog'
import './index.scss'

// H5 only: a top bar with the title, 返回 and 首页 (the mini-program has WeChat's). The build drops the other branch.
const TopBar: (() => JSX.Element) | null =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship the bar in the mini-program too
  process.env.TARO_ENV === 'h5' ? require('./TopBar').default : null

export interface PageShellProps {
  /** Large heading at the top of the content (the navigation bar keeps the short title). */
  title?: string
  /** One line under the heading, in plain words. */
  intro?: string
  /** Right side of the heading row (e.g. a small link). */
  extra?: ReactNode
  children?: ReactNode
  /** Pinned action area at the bottom (e.g. the submit button). */
  footer?: ReactNode
  id?: string
}

/** A page: safe-area padding, an optional heading, an optional pinned footer, text at the person's WeChat font size. */
export default function PageShell({ title, intro, extra, children, footer, id }: PageShellProps) {
  // The person's WeChat font size (weapp only; a string style there, none at all at the standard size).
  const scale = fontScale()
  // The page is on screen: the 正在打开… of the tap that opened it goes.
  useEffect(pageShown, [])
  return (
    <View
      className={`tx-page${footer ? ' tx-page--with-footer' : ''}`}
      {...idAttr(id)}
      {...(scale !== 1 ? { style: `--tx-font-scale:${scale}` } : {})}
    >
      {TopBar ? <TopBar /> : null}
      {title || extra ? (
        <View className='tx-page__head'>
          <View className='tx-page__titles'>
            {title ? <Text className='tx-page__title'>{title}</Text> : null}
            {intro ? <Text className='tx-page__intro'>{intro}</Text> : null}
          </View>
          {extra ? <View className='tx-page__extra'>{extra}</View> : null}
        </View>
      ) : null}
      <View className='tx-page__body'>{children}</View>
      {footer ? <View className='tx-page__footer'>{footer}</View> : null}
      {/* WeChat asks for privacy consent on the first use of a private API, on whatever page it happens. */}
      <PrivacyDialog />
    </View>
  )
}

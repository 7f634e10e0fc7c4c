import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { idAttr } from '../idAttr'
import './index.scss'

export interface ButtonProps {
  variant?: 'primary' | 'secondary' | 'danger' | 'plain'
  /** `small` is for secondary actions inside a list row; it still keeps a comfortable tap area. */
  size?: 'normal' | 'small'
  loading?: boolean
  disabled?: boolean
  /** Full width (default for `normal`). */
  block?: boolean
  onClick?: () => void
  children?: ReactNode
  id?: string
  className?: string
}

/**
 * A big, high-contrast button. Drawn on a View rather than the native <button>, whose platform styles
 * (fixed width on weapp, `[disabled]` colours on H5) fight the theme. Taps are ignored while disabled
 * or loading.
 */
export default function Button({
  variant = 'primary',
  size = 'normal',
  loading = false,
  disabled = false,
  block,
  onClick,
  children,
  id,
  className,
}: ButtonProps) {
  const full = block ?? size === 'normal'
  const inactive = disabled || loading
  const cls = [
    'tx-btn',
    `tx-btn--${variant}`,
    `tx-btn--${size}`,
    full ? 'tx-btn--block' : '',
    disabled ? 'tx-btn--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <View
      {...idAttr(id)}
      className={cls}
      hoverClass={inactive ? 'none' : 'tx-btn--hover'}
      ariaRole='button'
      onClick={() => {
        if (!inactive && onClick) onClick()
      }}
    >
      {loading ? <View className='tx-btn__spinner' /> : null}
      <Text className='tx-btn__text'>{children}</Text>
    </View>
  )
}
